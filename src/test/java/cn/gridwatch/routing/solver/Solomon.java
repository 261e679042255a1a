package cn.gridwatch.routing.solver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Solomon (1987) VRPTW instance: depot 0 and 100 customers with demand, ready time, due date and
 * service time; travel time equals Euclidean distance. The convention of the best-known values is
 * distances in double precision; the solver needs integers, so every distance, time and window is
 * multiplied by {@link #SCALE} and rounded, and results are re-measured in doubles
 * ({@link #distance(RoutingSolution)}, {@link #doubleViolations}). Test and benchmark code only. Immutable.
 */
public record Solomon(String name, int vehicles, long capacity, double[] x, double[] y, long[] demand, double[] ready,
               double[] due, double[] service) {
    public static final int SCALE = 100;

    public static Solomon read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
        String name = lines.get(0).trim();
        int vehicles = 0;
        long capacity = 0;
        List<double[]> rows = new ArrayList<>();
        for (int k = 1; k < lines.size(); k++) {
            String t = lines.get(k).trim();
            if (t.startsWith("NUMBER")) {
                String[] f = lines.get(k + 1).trim().split("\\s+");
                vehicles = Integer.parseInt(f[0]);
                capacity = Long.parseLong(f[1]);
            } else if (!t.isEmpty() && Character.isDigit(t.charAt(0)) && t.split("\\s+").length == 7) {
                String[] f = t.split("\\s+");
                double[] r = new double[7];
                for (int i = 0; i < 7; i++) {
                    r[i] = Double.parseDouble(f[i]);
                }
                rows.add(r);
            }
        }
        int n = rows.size();
        double[] x = new double[n];
        double[] y = new double[n];
        long[] demand = new long[n];
        double[] ready = new double[n];
        double[] due = new double[n];
        double[] service = new double[n];
        for (int i = 0; i < n; i++) {
            double[] r = rows.get(i);
            x[i] = r[1];
            y[i] = r[2];
            demand[i] = (long) r[3];
            ready[i] = r[4];
            due[i] = r[5];
            service[i] = r[6];
        }
        return new Solomon(name, vehicles, capacity, x, y, demand, ready, due, service);
    }

    public int size() {
        return x.length;
    }

    double exact(int i, int j) {
        return Math.hypot(x[i] - x[j], y[i] - y[j]);
    }

    private static long scaled(double v) {
        return Math.round(v * SCALE);
    }

    /**
     * The instance as a problem. {@code fixedCost} per used vehicle, in scaled distance units, makes
     * the objective hierarchical (fewest vehicles first) when it exceeds any distance saving; 0 for
     * distance only.
     */
    public RoutingProblem problem(long fixedCost) {
        int n = size();
        long[][] d = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = scaled(exact(i, j));
            }
        }
        RoutingProblem.Builder b = RoutingProblem.builder(d, d).cost(RoutingProblem.Cost.DISTANCE)
                .vehicleFixedCost(fixedCost);
        for (int v = 0; v < vehicles; v++) {
            b.vehicle(new Vehicle(0, 0, scaled(ready[0]), scaled(due[0]), capacity));
        }
        for (int i = 1; i < n; i++) {
            b.service(i, scaled(service[i])).demand(i, demand[i]).window(i, scaled(ready[i]), scaled(due[i]));
        }
        return b.build();
    }

    /** Total distance of a solution in double precision (the convention of the best-known values). */
    public double distance(RoutingSolution s) {
        double total = 0;
        for (RoutingSolution.Route r : s.routes()) {
            int prev = 0;
            for (RoutingSolution.Visit v : r.visits()) {
                total += exact(prev, v.node());
                prev = v.node();
            }
            total += exact(prev, 0);
        }
        return total;
    }

    /** Windows, due dates and capacity re-checked in double precision: the broken rules, if any. */
    public List<String> doubleViolations(RoutingSolution s) {
        List<String> out = new ArrayList<>();
        for (RoutingSolution.Route r : s.routes()) {
            double t = ready[0];
            int prev = 0;
            long load = 0;
            for (RoutingSolution.Visit v : r.visits()) {
                int n = v.node();
                t = Math.max(t + exact(prev, n), ready[n]);
                if (t > due[n] + 1e-9) {
                    out.add("customer " + n + " starts at " + t + " after its due date " + due[n]);
                }
                t += service[n];
                load += demand[n];
                prev = n;
            }
            if (t + exact(prev, 0) > due[0] + 1e-9) {
                out.add("vehicle " + r.vehicle() + " returns after the depot closes");
            }
            if (load > capacity) {
                out.add("vehicle " + r.vehicle() + " carries " + load);
            }
        }
        return out;
    }
}
