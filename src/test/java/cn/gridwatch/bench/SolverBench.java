package cn.gridwatch.bench;

import cn.gridwatch.routing.solver.OrToolsSolver;
import cn.gridwatch.routing.solver.RoutingSolution;
import cn.gridwatch.routing.solver.Solomon;
import cn.gridwatch.routing.solver.SolverOptions;
import cn.gridwatch.routing.solver.Tsplib;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The plan solver ({@link OrToolsSolver}, guided local search) on standard instances: TSPLIB
 * berlin52 and kroA100 (EUC_2D, gap to the proven optimum; aim <= 1% within 10 s) and Solomon C101
 * and R101 (vehicles and distance in double precision against the best known; aim <= 3% distance
 * gap within 30 s). Each run is printed with the load average before it. Usage:
 * {@code SolverBench [--data=DIR] [--tsp-seconds=10] [--vrptw-seconds=30] [--solutions=1000]}.
 */
public final class SolverBench {
    private static final OrToolsSolver SOLVER = new OrToolsSolver();

    public static void main(String[] args) {
        Path data = Path.of(arg(args, "data", "../shared/data/benchmarks"));
        long tspSeconds = Long.parseLong(arg(args, "tsp-seconds", "10"));
        long vrptwSeconds = Long.parseLong(arg(args, "vrptw-seconds", "30"));
        long solutions = Long.parseLong(arg(args, "solutions", "1000"));
        OrToolsSolver.loadNative();
        System.out.println("# TSPLIB (optimum: berlin52 7542, kroA100 21282)");
        for (String[] inst : List.of(new String[] {"berlin52", "7542"}, new String[] {"kroA100", "21282"})) {
            Tsplib t = Tsplib.read(data.resolve("tsplib/" + inst[0] + ".tsp"));
            long opt = Long.parseLong(inst[1]);
            tsp(t, opt, SolverOptions.timeLimited(Duration.ofSeconds(tspSeconds)), tspSeconds + " s");
            tsp(t, opt, SolverOptions.deterministic(solutions, Duration.ofMinutes(10)), solutions + " solutions");
        }
        System.out.println("# Solomon VRPTW, distances in doubles, solver on integers x" + Solomon.SCALE);
        // best known: C101 10 / 828.94 (both objectives); R101 19 / 1645.79 hierarchical, 20 / 1642.88 distance-first
        vrptw(Solomon.read(data.resolve("solomon/C101.txt")), 10, 828.94, 828.94, vrptwSeconds);
        vrptw(Solomon.read(data.resolve("solomon/R101.txt")), 19, 1645.79, 1642.88, vrptwSeconds);
    }

    private static void tsp(Tsplib t, long opt, SolverOptions o, String limit) {
        String load = Load.now();
        RoutingSolution s = SOLVER.solve(t.problem(), o);
        long len = t.tourLength(Tsplib.tour(s));
        System.out.printf(Locale.ROOT, "%-9s %-16s length %6d  gap %5.2f%%  %6d solutions  %6d ms  %s  (%s)%n",
                t.name(), limit, len, 100.0 * (len - opt) / opt, s.solutions(), s.wallMillis(), s.stopReason(), load);
    }

    private static void vrptw(Solomon inst, int bkVehicles, double bkDistance, double bkDistanceFirst, long seconds) {
        // hierarchical: a used vehicle costs more than any distance it could save (10,000 distance units)
        run(inst, "vehicles-first", inst.problem(10_000L * Solomon.SCALE), bkVehicles, bkDistance, seconds);
        run(inst, "distance-only", inst.problem(0), -1, bkDistanceFirst, seconds);
    }

    private static void run(Solomon inst, String objective, cn.gridwatch.routing.solver.RoutingProblem p,
            int bkVehicles, double bk, long seconds) {
        String load = Load.now();
        RoutingSolution s = SOLVER.solve(p, SolverOptions.timeLimited(Duration.ofSeconds(seconds))
                .withFirstSolution("PARALLEL_CHEAPEST_INSERTION"));
        double d = inst.distance(s);
        System.out.printf(Locale.ROOT, "%-5s %-15s %2d vehicles%s  distance %8.2f  gap %5.2f%%  unserved %d  "
                        + "double-precision violations %d  %5d solutions  %6d ms  (%s)%n",
                inst.name(), objective, s.routes().size(), bkVehicles > 0 ? " (best known " + bkVehicles + ")" : "",
                d, 100 * (d - bk) / bk, s.unserved().size(), inst.doubleViolations(s).size(), s.solutions(),
                s.wallMillis(), load);
    }

    static String arg(String[] args, String name, String dflt) {
        for (String a : args) {
            if (a.startsWith("--" + name + "=")) {
                return a.substring(name.length() + 3);
            }
        }
        return dflt;
    }
}
