package cn.gridwatch.routing.solver;

import java.util.List;

/**
 * What the solver found: one route per used vehicle (visits in order with their earliest-start
 * schedule), the visits left unserved with the reason, the objective, and how the search ended.
 * Times and distances are in the problem's units. Immutable.
 *
 * @param status      {@code ok} (every mandatory visit served), {@code partial} (a mandatory visit is
 *                    unserved: the pre-checks showed it impossible), {@code no_solution} or
 *                    {@code cancelled} ({@link SearchControl#cancel}; no routes)
 * @param objective   OR-Tools' objective (costs + penalties + balance term); -1 without a solution
 * @param solutions   solutions the search accepted
 * @param wallMillis  wall-clock time of the solve, building the model included
 * @param stopReason  {@code solution_limit}, {@code stalled} (no new solution in the stall limit
 *                    of neighbours), {@code no_improvement} (the improvement limit), {@code time_limit},
 *                    {@code finished} or {@code cancelled}
 * @param reproducible true unless the time limit stopped the search (see {@link SolverOptions})
 */
public record RoutingSolution(String status, List<Route> routes, List<Unserved> unserved, long objective,
                              long solutions, long wallMillis, String stopReason, boolean reproducible) {
    public RoutingSolution {
        routes = List.copyOf(routes);
        unserved = List.copyOf(unserved);
    }

    /** Why a visit was not served. */
    public enum Reason {
        /** No vehicle is allowed at the node (e.g. every team is from the target's county). */
        NO_ALLOWED_VEHICLE,
        /** No allowed vehicle can travel from its start to the node and on to its end. */
        UNREACHABLE,
        /** Reachable, but no allowed vehicle can begin service inside a window and be back in time. */
        OUTSIDE_TIME_WINDOWS,
        /** Possible on its own, but left out: not enough working time or capacity for everything. */
        DROPPED,
        /** The search found no solution at all. */
        NO_SOLUTION
    }

    /** One visit of a route: when the vehicle arrives, begins service and leaves, and the leg to it. */
    public record Visit(int node, long arrival, long start, long departure, long legTime, long legDistance) {
        public long waiting() {
            return start - arrival;
        }
    }

    /**
     * One vehicle's route: leaves {@code startTime}, back at its end node at {@code endTime};
     * {@code distance} and {@code travelTime} include the leg back to the end node.
     */
    public record Route(int vehicle, List<Visit> visits, long startTime, long endTime, long distance, long travelTime,
                        long lastLegTime, long lastLegDistance) {
        public Route {
            visits = List.copyOf(visits);
        }
    }

    /** A visit not served, why, and the words a plan can show. */
    public record Unserved(int node, Reason reason, String detail) {
    }

    public long totalDistance() {
        return routes.stream().mapToLong(Route::distance).sum();
    }

    public long totalTravelTime() {
        return routes.stream().mapToLong(Route::travelTime).sum();
    }

    public int servedCount() {
        return routes.stream().mapToInt(r -> r.visits().size()).sum();
    }
}
