package cn.gridwatch.routing.solver;

import com.google.ortools.Loader;
import com.google.ortools.constraintsolver.Assignment;
import com.google.ortools.constraintsolver.FirstSolutionStrategy;
import com.google.ortools.constraintsolver.IntVar;
import com.google.ortools.constraintsolver.LocalSearchMetaheuristic;
import com.google.ortools.constraintsolver.RoutingDimension;
import com.google.ortools.constraintsolver.RoutingIndexManager;
import com.google.ortools.constraintsolver.RoutingModel;
import com.google.ortools.constraintsolver.RoutingSearchParameters;
import com.google.ortools.constraintsolver.main;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Solves a {@link RoutingProblem} with Google OR-Tools' routing library (constraint solver with
 * guided local search): arc costs from the time or distance matrix, a time dimension (transit =
 * service at the origin + travel; waiting allowed) with windows on visits and working time on
 * vehicles, a load dimension when there are demands, allowed vehicles per visit, one disjunction
 * with the drop penalty per optional visit, and a global span cost on time to balance workloads.
 *
 * <p>Visits the pre-checks ({@link Schedule#precheck}) show impossible are left out of the model and
 * reported with their reason; visits the search drops are {@code DROPPED}. The returned schedule
 * is recomputed by {@link Schedule} and checked against every rule: a route that breaks one throws
 * {@link IllegalStateException} rather than being returned.
 *
 * <p>Matrices are handed to the native side ({@code RegisterTransitMatrix}), so no Java callback runs
 * during the search. Each call builds its own model and frees it afterwards: thread-safe, and
 * concurrent solves run in parallel (one thread each).
 */
public final class OrToolsSolver {
    /**
     * The stall limit is a Java callback the native search calls very often (it slows kroA100 by
     * half), so by default it is installed only on models up to this size, where guided local search
     * does stall (nothing feasible to accept) and the cost is small in absolute terms. On larger
     * models the search keeps accepting solutions and stops at the solution limit.
     */
    static final int STALL_AUTO_MAX_NODES = 80;
    private static volatile boolean loaded;

    /** Loads OR-Tools' native library once. @throws IllegalStateException when this platform has none */
    public static void loadNative() {
        if (loaded) {
            return;
        }
        synchronized (OrToolsSolver.class) {
            if (!loaded) {
                try {
                    Loader.loadNativeLibraries();
                } catch (UnsatisfiedLinkError | RuntimeException e) {
                    throw new IllegalStateException("cannot load the OR-Tools native library for "
                            + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                            + " (the build ships Linux x86-64 and aarch64 only): " + e.getMessage(), e);
                }
                loaded = true;
            }
        }
    }

    public RoutingSolution solve(RoutingProblem p, SolverOptions o) {
        return solve(p, o, new SearchControl());
    }

    /**
     * The same, watched and stoppable through {@code control}: a cancelled search answers status
     * {@code cancelled} with stop reason {@code cancelled} and no routes.
     */
    public RoutingSolution solve(RoutingProblem p, SolverOptions o, SearchControl control) {
        loadNative();
        long started = System.nanoTime();
        List<RoutingSolution.Unserved> unserved = new ArrayList<>();
        List<Integer> live = new ArrayList<>(); // problem nodes in the model, in model order
        int[] modelOf = new int[p.size()];
        for (int i = 0; i < p.size(); i++) {
            modelOf[i] = -1;
            if (p.isDepot(i)) {
                modelOf[i] = live.size();
                live.add(i);
                continue;
            }
            Optional<RoutingSolution.Unserved> why = Schedule.precheck(p, i);
            if (why.isPresent()) {
                unserved.add(why.get());
            } else {
                modelOf[i] = live.size();
                live.add(i);
            }
        }
        int vehicles = p.vehicles().size();
        int[] starts = new int[vehicles];
        int[] ends = new int[vehicles];
        for (int v = 0; v < vehicles; v++) {
            starts[v] = modelOf[p.vehicles().get(v).start()];
            ends[v] = modelOf[p.vehicles().get(v).end()];
        }
        RoutingIndexManager manager = new RoutingIndexManager(live.size(), vehicles, starts, ends);
        RoutingModel routing = new RoutingModel(manager);
        try {
            build(p, live, manager, routing);
            StallLimit stall = new StallLimit(routing.solver(), o.stallNeighbors() > 0 ? o.stallNeighbors()
                    : autoStall(live.size()));
            boolean watch = o.stallNeighbors() > 0 || live.size() <= STALL_AUTO_MAX_NODES;
            if (o.stallNeighbors() != Long.MAX_VALUE && watch) {
                routing.addSearchMonitor(routing.solver().makeCustomLimit(stall));
            }
            routing.addAtSolutionCallback(() -> control.solutionFound(routing));
            control.attach(routing);
            Assignment found;
            try {
                found = routing.solveWithParameters(parameters(o));
            } finally {
                control.detach();
            }
            long solutions = routing.solver().solutions();
            long wall = (System.nanoTime() - started) / 1_000_000;
            if (control.cancelled()) {
                return new RoutingSolution("cancelled", List.of(), List.of(), -1, solutions, wall, "cancelled", false);
            }
            String stop = stall.stalled ? "stalled" : stopReason(o, solutions, wall);
            boolean reproducible = !stop.equals("time_limit");
            if (found == null) {
                for (int i = 0; i < p.size(); i++) {
                    if (modelOf[i] >= 0 && !p.isDepot(i)) {
                        unserved.add(new RoutingSolution.Unserved(i, RoutingSolution.Reason.NO_SOLUTION,
                                "the search found no solution (" + routing.status() + ")"));
                    }
                }
                return new RoutingSolution("no_solution", List.of(), sorted(unserved), -1, solutions, wall, stop,
                        reproducible);
            }
            List<RoutingSolution.Route> routes = routes(p, live, manager, routing, found, unserved);
            boolean mandatoryMissed = unserved.stream().anyMatch(u -> p.penalty(u.node()) == RoutingProblem.MANDATORY);
            return new RoutingSolution(mandatoryMissed ? "partial" : "ok", routes, sorted(unserved),
                    found.objectiveValue(), solutions, wall, stop, reproducible);
        } finally {
            routing.delete();
            manager.delete();
        }
    }

    private static void build(RoutingProblem p, List<Integer> live, RoutingIndexManager manager, RoutingModel routing) {
        int m = live.size();
        long horizon = p.horizon();
        long forbidden = horizon + 1; // any arc over this breaks the time dimension
        long[][] cost = new long[m][m];
        long[][] transit = new long[m][m];
        for (int a = 0; a < m; a++) {
            int i = live.get(a);
            for (int b = 0; b < m; b++) {
                int j = live.get(b);
                boolean ok = Schedule.reachable(p, i, j);
                long c = p.cost() == RoutingProblem.Cost.DISTANCE ? p.distance(i, j) : p.time(i, j);
                cost[a][b] = ok ? c : forbidden * 1000;
                transit[a][b] = ok ? Math.min(forbidden, p.service(i) + p.time(i, j)) : forbidden;
            }
        }
        routing.setArcCostEvaluatorOfAllVehicles(routing.registerTransitMatrix(cost));
        if (p.vehicleFixedCost() > 0) {
            routing.setFixedCostOfAllVehicles(p.vehicleFixedCost());
        }
        if (p.usesTime()) {
            routing.addDimension(routing.registerTransitMatrix(transit), horizon, horizon, false, "time");
            RoutingDimension time = routing.getMutableDimension("time");
            for (int v = 0; v < p.vehicles().size(); v++) {
                Vehicle veh = p.vehicles().get(v);
                long end = Math.min(veh.latestEnd(), horizon);
                time.cumulVar(routing.start(v)).setRange(veh.earliestStart(), end);
                time.cumulVar(routing.end(v)).setRange(veh.earliestStart(), end);
            }
            for (int a = 0; a < m; a++) {
                int i = live.get(a);
                if (!p.isDepot(i) && !p.windows(i).isEmpty()) {
                    restrictToWindows(time.cumulVar(manager.nodeToIndex(a)), p.windows(i));
                }
            }
            if (p.balanceCoefficient() > 0) {
                time.setGlobalSpanCostCoefficient(p.balanceCoefficient());
            }
        }
        if (p.usesLoad()) {
            long[] demand = new long[m];
            for (int a = 0; a < m; a++) {
                demand[a] = p.demand(live.get(a));
            }
            long[] caps = p.vehicles().stream().mapToLong(v -> Math.min(v.capacity(), Long.MAX_VALUE / 4)).toArray();
            routing.addDimensionWithVehicleCapacity(routing.registerUnaryTransitVector(demand), 0, caps, true, "load");
        }
        for (int a = 0; a < m; a++) {
            int i = live.get(a);
            if (p.isDepot(i)) {
                continue;
            }
            long index = manager.nodeToIndex(a);
            int[] allowed = p.allowedVehicles(i);
            if (allowed != null && allowed.length < p.vehicles().size()) {
                routing.setAllowedVehiclesForIndex(allowed, index);
            }
            if (p.penalty(i) != RoutingProblem.MANDATORY) {
                routing.addDisjunction(new long[] {index}, p.penalty(i));
            }
        }
    }

    private static void restrictToWindows(IntVar cumul, List<TimeWindow> ws) {
        cumul.setRange(ws.get(0).start(), ws.get(ws.size() - 1).end());
        for (int k = 1; k < ws.size(); k++) {
            cumul.removeInterval(ws.get(k - 1).end() + 1, ws.get(k).start() - 1);
        }
    }

    private static RoutingSearchParameters parameters(SolverOptions o) {
        long nanos = o.timeLimit().toNanos();
        RoutingSearchParameters.Builder b = main.defaultRoutingSearchParameters().toBuilder();
        if (o.hasSolutionLimit() || o.improvementRate() > 0) {
            // LNS sub-searches stop after lns_time_limit (100 ms by default): a clock inside the search
            // that makes it depend on machine load; with counting limits, only the overall bound remains
            b.setLnsTimeLimit(com.google.protobuf.Duration.newBuilder()
                    .setSeconds(nanos / 1_000_000_000L).setNanos((int) (nanos % 1_000_000_000L)));
        }
        if (o.improvementRate() > 0) {
            b.setImprovementLimitParameters(RoutingSearchParameters.ImprovementSearchLimitParameters.newBuilder()
                    .setImprovementRateCoefficient(o.improvementRate())
                    .setImprovementRateSolutionsDistance(o.improvementSolutions()));
        }
        return b
                .setFirstSolutionStrategy(FirstSolutionStrategy.Value.valueOf(o.firstSolution()))
                .setLocalSearchMetaheuristic(LocalSearchMetaheuristic.Value.GUIDED_LOCAL_SEARCH)
                .setTimeLimit(com.google.protobuf.Duration.newBuilder()
                        .setSeconds(nanos / 1_000_000_000L).setNanos((int) (nanos % 1_000_000_000L)))
                .setSolutionLimit(o.solutionLimit())
                .setLogSearch(o.log())
                .build();
    }

    /**
     * Neighbours tried without a new accepted solution after which the search stops: guided local
     * search never stops by itself, and on small or tightly constrained problems it can try
     * neighbours for minutes without accepting one. Grows with the square of the model size, the
     * size of the neighbourhoods.
     */
    static long autoStall(int modelNodes) {
        return 20_000L + 100L * modelNodes * modelNodes;
    }

    private static String stopReason(SolverOptions o, long solutions, long wallMillis) {
        if (o.hasSolutionLimit() && solutions >= o.solutionLimit()) {
            return "solution_limit";
        }
        if (wallMillis >= o.timeLimit().toMillis()) {
            return "time_limit";
        }
        return o.improvementRate() > 0 ? "no_improvement" : "finished";
    }

    private static List<RoutingSolution.Route> routes(RoutingProblem p, List<Integer> live, RoutingIndexManager manager,
            RoutingModel routing, Assignment found, List<RoutingSolution.Unserved> unserved) {
        List<RoutingSolution.Route> routes = new ArrayList<>();
        Set<Integer> served = new HashSet<>();
        for (int v = 0; v < p.vehicles().size(); v++) {
            List<Integer> nodes = new ArrayList<>();
            long index = found.value(routing.nextVar(routing.start(v)));
            while (!routing.isEnd(index)) {
                nodes.add(live.get(manager.indexToNode(index)));
                index = found.value(routing.nextVar(index));
            }
            if (nodes.isEmpty()) {
                continue;
            }
            RoutingSolution.Route r = Schedule.route(p, v, nodes);
            List<String> broken = Schedule.violations(p, r);
            if (!broken.isEmpty()) {
                throw new IllegalStateException("the solver returned a route that breaks the problem's rules: " + broken);
            }
            served.addAll(nodes);
            routes.add(r);
        }
        for (int i : live) {
            if (!p.isDepot(i) && !served.contains(i)) {
                unserved.add(new RoutingSolution.Unserved(i, RoutingSolution.Reason.DROPPED,
                        "left out: the working time and capacity of the allowed vehicles were used for other visits"));
            }
        }
        return routes;
    }

    private static List<RoutingSolution.Unserved> sorted(List<RoutingSolution.Unserved> u) {
        return u.stream().sorted(java.util.Comparator.comparingInt(RoutingSolution.Unserved::node)).toList();
    }
}
