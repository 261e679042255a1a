package cn.gridwatch.routing.solver;

import cn.gridwatch.routing.TravelMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Timing of a route independent of any solver: the earliest-start schedule of visits in a given
 * order (leave the start at the vehicle's earliest time, wait where a window has not opened), the
 * checks that a route keeps every rule of its problem, and the pre-checks that tell, for one visit
 * alone, whether any allowed vehicle could serve it at all. Stateless and thread-safe.
 */
public final class Schedule {
    private Schedule() {
    }

    /** True when there is a path from {@code a} to {@code b}. */
    public static boolean reachable(RoutingProblem p, int a, int b) {
        return p.time(a, b) < TravelMatrix.UNREACHABLE && p.distance(a, b) < TravelMatrix.UNREACHABLE;
    }

    /** The earliest moment at or after {@code t} at which service at {@code node} may begin, or -1. */
    public static long earliestStart(RoutingProblem p, int node, long t) {
        List<TimeWindow> ws = p.windows(node);
        if (ws.isEmpty()) {
            return t;
        }
        for (TimeWindow w : ws) {
            if (t <= w.end()) {
                return Math.max(t, w.start());
            }
        }
        return -1;
    }

    /**
     * The earliest-start schedule of {@code nodes} on {@code vehicle}. Visits whose service cannot
     * begin in a window get start -1; {@link #violations} reports that and every other broken rule.
     */
    public static RoutingSolution.Route route(RoutingProblem p, int vehicle, List<Integer> nodes) {
        Vehicle v = p.vehicles().get(vehicle);
        long t = v.earliestStart();
        int prev = v.start();
        long dist = 0;
        long travel = 0;
        boolean pending = v.hasBreak();
        long breakStart = -1;
        List<RoutingSolution.Visit> visits = new ArrayList<>();
        for (int node : nodes) {
            long legTime = p.time(prev, node);
            long legDistance = p.distance(prev, node);
            long arrival = t + legTime;
            long start = earliestStart(p, node, arrival);
            if (pending && (start < 0 || start + p.service(node) > v.breakLatest())) {
                // the break cannot wait until after this service: take it on the way (or on arrival)
                breakStart = Math.max(t, v.breakEarliest());
                pending = false;
                arrival = Math.max(arrival, breakStart) + v.breakDuration();
                start = earliestStart(p, node, arrival);
            }
            long departure = (start < 0 ? arrival : start) + p.service(node);
            visits.add(new RoutingSolution.Visit(node, arrival, start, departure, legTime, legDistance));
            dist += legDistance;
            travel += legTime;
            t = departure;
            prev = node;
        }
        long lastTime = p.time(prev, v.end());
        long lastDistance = p.distance(prev, v.end());
        long end = t + lastTime;
        if (pending) {
            if (end <= v.breakLatest()) { // back in time: the break is taken at the end
                breakStart = Math.max(end, v.breakEarliest());
            } else {
                breakStart = Math.max(t, v.breakEarliest());
                end = Math.max(end, breakStart) + v.breakDuration();
            }
        }
        return new RoutingSolution.Route(vehicle, visits, v.earliestStart(), end, dist + lastDistance,
                travel + lastTime, lastTime, lastDistance, breakStart);
    }

    /** Every rule {@code r} breaks, in words naming the node and the value; empty when it keeps them all. */
    public static List<String> violations(RoutingProblem p, RoutingSolution.Route r) {
        List<String> out = new ArrayList<>();
        Vehicle v = p.vehicles().get(r.vehicle());
        int prev = v.start();
        long load = 0;
        for (RoutingSolution.Visit visit : r.visits()) {
            int n = visit.node();
            if (p.isDepot(n)) {
                out.add("node " + n + " is a depot but is visited by vehicle " + r.vehicle());
            }
            if (!p.allows(n, r.vehicle())) {
                out.add("vehicle " + r.vehicle() + " is not allowed at node " + n);
            }
            if (!reachable(p, prev, n)) {
                out.add("no path from node " + prev + " to node " + n);
            }
            if (visit.start() < 0) {
                out.add("vehicle " + r.vehicle() + " arrives at node " + n + " at " + visit.arrival()
                        + ", after its last window " + p.windows(n));
            }
            if (v.hasBreak() && r.breakStart() >= 0 && visit.start() >= 0
                    && visit.start() < r.breakStart() + v.breakDuration()
                    && visit.start() + p.service(n) > r.breakStart()) {
                out.add("vehicle " + r.vehicle() + " serves node " + n + " from " + visit.start() + " during its break "
                        + r.breakStart() + "+" + v.breakDuration());
            }
            load += p.demand(n);
            prev = n;
        }
        if (v.hasBreak() && (r.breakStart() < v.breakEarliest() || r.breakStart() > v.breakLatest())) {
            out.add("vehicle " + r.vehicle() + " begins its break at " + r.breakStart() + ", outside "
                    + v.breakEarliest() + ".." + v.breakLatest());
        }
        if (!reachable(p, prev, v.end())) {
            out.add("no path from node " + prev + " to the end node " + v.end());
        }
        if (r.endTime() > v.latestEnd()) {
            out.add("vehicle " + r.vehicle() + " is back at " + r.endTime() + ", after its latest end " + v.latestEnd());
        }
        if (load > v.capacity()) {
            out.add("vehicle " + r.vehicle() + " carries " + load + ", more than its capacity " + v.capacity());
        }
        return out;
    }

    /**
     * Why {@code node} cannot be served by any allowed vehicle even alone, or empty when some
     * vehicle could serve it on a route of its own.
     */
    public static Optional<RoutingSolution.Unserved> precheck(RoutingProblem p, int node) {
        int[] allowed = p.allowedVehicles(node);
        if (allowed != null && allowed.length == 0) {
            return Optional.of(new RoutingSolution.Unserved(node, RoutingSolution.Reason.NO_ALLOWED_VEHICLE,
                    "no vehicle is allowed to serve it"));
        }
        boolean reached = false;
        boolean capacityOk = false;
        for (int k = 0; k < p.vehicles().size(); k++) {
            if (!p.allows(node, k)) {
                continue;
            }
            Vehicle v = p.vehicles().get(k);
            if (!reachable(p, v.start(), node) || !reachable(p, node, v.end())) {
                continue;
            }
            reached = true;
            if (p.demand(node) > v.capacity()) {
                continue;
            }
            capacityOk = true;
            RoutingSolution.Route alone = route(p, k, List.of(node));
            if (violations(p, alone).isEmpty()) {
                return Optional.empty();
            }
        }
        if (!reached) {
            return Optional.of(new RoutingSolution.Unserved(node, RoutingSolution.Reason.UNREACHABLE,
                    "no allowed vehicle can travel from its start to it and on to its end"));
        }
        if (!capacityOk) {
            return Optional.of(new RoutingSolution.Unserved(node, RoutingSolution.Reason.DROPPED,
                    "its demand " + p.demand(node) + " exceeds the capacity of every allowed vehicle"));
        }
        return Optional.of(new RoutingSolution.Unserved(node, RoutingSolution.Reason.OUTSIDE_TIME_WINDOWS,
                "no allowed vehicle can begin service inside its time windows " + p.windows(node)
                        + " and be back by the end of its working time"));
    }
}
