package cn.gridwatch.routing.solver;

import cn.gridwatch.routing.TravelMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A vehicle-routing problem in solver-neutral terms: nodes {@code 0..n-1}, integer travel times and
 * distances between them ({@link TravelMatrix#UNREACHABLE} for no path), service time, demand and
 * time windows per node, vehicles with start and end nodes and working-time windows, the vehicles
 * allowed at each node and a drop penalty per node. Nodes used as a vehicle's start or end are
 * depots; every other node is a visit. Time is in one integer unit throughout (seconds for plans,
 * scaled units for the benchmarks); distances in metres or scaled units.
 *
 * <p>Built and checked by {@link Builder}: each {@code checkXxx} names the bad value ("time[3][7]
 * must be >= 0, but was: -5"). Arrays are copied on build; the problem is immutable and thread-safe.
 */
public final class RoutingProblem {
    /** Penalty of a visit that must be served (no disjunction). */
    public static final long MANDATORY = -1;
    /** A vehicle whose {@code latestEnd} is at least this has no time limit. */
    public static final long UNBOUNDED_TIME = 1L << 40;

    /** What the solver minimises, besides drop penalties, vehicle fixed costs and the balance term. */
    public enum Cost { TIME, DISTANCE }

    private final long[][] time;
    private final long[][] distance;
    private final long[] service;
    private final long[] demand;
    private final List<List<TimeWindow>> windows;
    private final List<Vehicle> vehicles;
    private final int[][] allowed;
    private final long[] penalty;
    private final boolean[] depot;
    private final int[] group;
    private final Cost cost;
    private final long vehicleFixedCost;
    private final long balanceCoefficient;

    private RoutingProblem(Builder b) {
        this.time = b.time;
        this.distance = b.distance;
        this.service = b.service;
        this.demand = b.demand;
        this.windows = b.windows.stream().map(List::copyOf).toList();
        this.vehicles = List.copyOf(b.vehicles);
        this.allowed = b.allowed;
        this.penalty = b.penalty;
        this.group = b.group;
        this.cost = b.cost;
        this.vehicleFixedCost = b.vehicleFixedCost;
        this.balanceCoefficient = b.balanceCoefficient;
        this.depot = new boolean[time.length];
        for (Vehicle v : vehicles) {
            depot[v.start()] = true;
            depot[v.end()] = true;
        }
    }

    /** A builder over copies of the two n x n matrices. */
    public static Builder builder(long[][] time, long[][] distance) {
        return new Builder(time, distance);
    }

    public int size() {
        return time.length;
    }

    public long time(int from, int to) {
        return time[from][to];
    }

    public long distance(int from, int to) {
        return distance[from][to];
    }

    public long service(int node) {
        return service[node];
    }

    public long demand(int node) {
        return demand[node];
    }

    /** The windows in which service at {@code node} may begin, ordered; empty means any time. */
    public List<TimeWindow> windows(int node) {
        return windows.get(node);
    }

    public List<Vehicle> vehicles() {
        return vehicles;
    }

    /** True when {@code vehicle} may serve {@code node}. */
    public boolean allows(int node, int vehicle) {
        int[] a = allowed[node];
        return a == null || Arrays.binarySearch(a, vehicle) >= 0;
    }

    /** The vehicles allowed at {@code node}, ascending; null when every vehicle is. */
    public int[] allowedVehicles(int node) {
        return allowed[node] == null ? null : allowed[node].clone();
    }

    /** The cost of not serving {@code node}, or {@link #MANDATORY}. */
    public long penalty(int node) {
        return penalty[node];
    }

    /**
     * The group of alternative visits {@code node} belongs to: at most one visit of a group is served
     * (one disjunction, the penalty of its first member); -1 when it stands alone.
     */
    public int group(int node) {
        return group[node];
    }

    public boolean isDepot(int node) {
        return depot[node];
    }

    public Cost cost() {
        return cost;
    }

    public long vehicleFixedCost() {
        return vehicleFixedCost;
    }

    /** Weight of the global span of the time dimension (latest end minus earliest start over all vehicles). */
    public long balanceCoefficient() {
        return balanceCoefficient;
    }

    /** True when a time dimension is needed: any window, service time, limited vehicle or balance term. */
    public boolean usesTime() {
        if (balanceCoefficient > 0) {
            return true;
        }
        for (int i = 0; i < size(); i++) {
            if (!windows.get(i).isEmpty() || service[i] > 0) {
                return true;
            }
        }
        return vehicles.stream().anyMatch(v -> v.earliestStart() > 0 || v.latestEnd() < UNBOUNDED_TIME);
    }

    /** True when a load dimension is needed: any demand or limited capacity. */
    public boolean usesLoad() {
        return Arrays.stream(demand).anyMatch(d -> d > 0)
                || vehicles.stream().anyMatch(v -> v.capacity() != Vehicle.NO_CAPACITY);
    }

    /** The end of time as the solver sees it: the latest vehicle end or window end. */
    public long horizon() {
        long h = 0;
        for (Vehicle v : vehicles) {
            h = Math.max(h, Math.min(v.latestEnd(), UNBOUNDED_TIME));
        }
        for (List<TimeWindow> ws : windows) {
            for (TimeWindow w : ws) {
                h = Math.max(h, w.end());
            }
        }
        return h;
    }

    /** Collects and checks a problem. Not thread-safe. */
    public static final class Builder {
        private final long[][] time;
        private final long[][] distance;
        private final long[] service;
        private final long[] demand;
        private final List<List<TimeWindow>> windows = new ArrayList<>();
        private final List<Vehicle> vehicles = new ArrayList<>();
        private final int[][] allowed;
        private final long[] penalty;
        private final int[] group;
        private Cost cost = Cost.TIME;
        private long vehicleFixedCost;
        private long balanceCoefficient;

        private Builder(long[][] time, long[][] distance) {
            int n = checkMatrix("time", time, time == null ? 0 : time.length);
            checkMatrix("distance", distance, n);
            if (n == 0) {
                throw new IllegalArgumentException("a routing problem needs at least one node, but time has 0 rows");
            }
            this.time = deepCopy(time);
            this.distance = deepCopy(distance);
            this.service = new long[n];
            this.demand = new long[n];
            this.allowed = new int[n][];
            this.penalty = new long[n];
            Arrays.fill(penalty, MANDATORY);
            this.group = new int[n];
            Arrays.fill(group, -1);
            for (int i = 0; i < n; i++) {
                windows.add(List.of());
            }
        }

        public Builder service(int node, long value) {
            checkNode("service", node);
            checkNonNegative("service[" + node + "]", value);
            service[node] = value;
            return this;
        }

        public Builder demand(int node, long value) {
            checkNode("demand", node);
            checkNonNegative("demand[" + node + "]", value);
            demand[node] = value;
            return this;
        }

        /** Service at {@code node} may begin only inside one of {@code ws} (sorted, not overlapping). */
        public Builder windows(int node, List<TimeWindow> ws) {
            checkNode("windows", node);
            checkWindows(node, ws);
            windows.set(node, List.copyOf(ws));
            return this;
        }

        public Builder window(int node, long start, long end) {
            return windows(node, List.of(new TimeWindow(start, end)));
        }

        public Builder vehicle(Vehicle v) {
            String name = "vehicles[" + vehicles.size() + "]";
            checkNode(name + ".start", v.start());
            checkNode(name + ".end", v.end());
            checkNonNegative(name + ".earliestStart", v.earliestStart());
            if (v.latestEnd() < v.earliestStart()) {
                throw new IllegalArgumentException(name + ".latestEnd must be >= earliestStart " + v.earliestStart()
                        + ", but was: " + v.latestEnd());
            }
            checkNonNegative(name + ".capacity", v.capacity());
            if (v.hasBreak() && (v.breakEarliest() < v.earliestStart() || v.breakLatest() + v.breakDuration()
                    > v.latestEnd())) {
                throw new IllegalArgumentException(name + ": the break must lie inside the working time "
                        + v.earliestStart() + ".." + v.latestEnd() + ", but was " + v.breakEarliest() + ".."
                        + (v.breakLatest() + v.breakDuration()));
            }
            vehicles.add(v);
            return this;
        }

        /** Only these vehicles may serve {@code node}; an empty array means none may. */
        public Builder allowedVehicles(int node, int... vs) {
            checkNode("allowedVehicles", node);
            int[] sorted = vs.clone();
            Arrays.sort(sorted);
            allowed[node] = sorted;
            return this;
        }

        /** {@code node} may be left unserved at this cost ({@link #MANDATORY}: it may not). */
        public Builder penalty(int node, long value) {
            checkNode("penalty", node);
            if (value != MANDATORY) {
                checkNonNegative("penalty[" + node + "]", value);
            }
            penalty[node] = value;
            return this;
        }

        /**
         * Makes {@code nodes} alternatives of one another (e.g. one place on different days): at most
         * one of them is served; all must be optional and carry the same penalty.
         */
        public Builder alternatives(int... nodes) {
            int id = nodes.length == 0 ? -1 : nodes[0];
            for (int node : nodes) {
                checkNode("alternatives", node);
                if (penalty[node] == MANDATORY || penalty[node] != penalty[nodes[0]]) {
                    throw new IllegalArgumentException("alternatives must be optional with one penalty, but node " + node
                            + " has " + penalty[node] + " and node " + nodes[0] + " " + penalty[nodes[0]]);
                }
                group[node] = id;
            }
            return this;
        }

        public Builder cost(Cost c) {
            this.cost = c;
            return this;
        }

        public Builder vehicleFixedCost(long c) {
            checkNonNegative("vehicleFixedCost", c);
            this.vehicleFixedCost = c;
            return this;
        }

        public Builder balanceCoefficient(long c) {
            checkNonNegative("balanceCoefficient", c);
            this.balanceCoefficient = c;
            return this;
        }

        public RoutingProblem build() {
            if (vehicles.isEmpty()) {
                throw new IllegalArgumentException("a routing problem needs at least one vehicle");
            }
            boolean[] depot = new boolean[time.length];
            for (Vehicle v : vehicles) {
                depot[v.start()] = true;
                depot[v.end()] = true;
            }
            for (int i = 0; i < time.length; i++) {
                if (allowed[i] != null) {
                    for (int v : allowed[i]) {
                        if (v < 0 || v >= vehicles.size()) {
                            throw new IllegalArgumentException("allowedVehicles of node " + i + " must be in 0.."
                                    + (vehicles.size() - 1) + ", but has: " + v);
                        }
                    }
                }
                if (depot[i] && (penalty[i] != MANDATORY || !windows.get(i).isEmpty() || allowed[i] != null)) {
                    throw new IllegalArgumentException("node " + i + " is a vehicle's start or end, so it cannot "
                            + "also be a visit with a penalty, time windows or allowed vehicles");
                }
            }
            return new RoutingProblem(this);
        }

        private void checkNode(String what, int node) {
            if (node < 0 || node >= time.length) {
                throw new IllegalArgumentException(what + ": node must be in 0.." + (time.length - 1) + ", but was: "
                        + node);
            }
        }

        private static void checkNonNegative(String what, long value) {
            if (value < 0) {
                throw new IllegalArgumentException(what + " must be >= 0, but was: " + value);
            }
        }

        private static void checkWindows(int node, List<TimeWindow> ws) {
            for (int k = 1; k < ws.size(); k++) {
                if (ws.get(k).start() <= ws.get(k - 1).end()) {
                    throw new IllegalArgumentException("windows of node " + node + " must be sorted and must not "
                            + "overlap, but window " + k + " " + ws.get(k) + " starts before " + ws.get(k - 1) + " ends");
                }
            }
        }

        private static int checkMatrix(String name, long[][] m, int n) {
            if (m == null) {
                throw new IllegalArgumentException(name + " matrix is missing");
            }
            if (m.length != n) {
                throw new IllegalArgumentException(name + " must have " + n + " rows, but has " + m.length);
            }
            for (int i = 0; i < n; i++) {
                if (m[i] == null || m[i].length != n) {
                    throw new IllegalArgumentException(name + "[" + i + "] must have " + n + " entries, but has "
                            + (m[i] == null ? 0 : m[i].length));
                }
                for (int j = 0; j < n; j++) {
                    if (m[i][j] < 0) {
                        throw new IllegalArgumentException(name + "[" + i + "][" + j + "] must be >= 0, but was: "
                                + m[i][j]);
                    }
                }
            }
            return n;
        }

        private static long[][] deepCopy(long[][] m) {
            long[][] c = new long[m.length][];
            for (int i = 0; i < m.length; i++) {
                c[i] = m[i].clone();
            }
            return c;
        }
    }
}
