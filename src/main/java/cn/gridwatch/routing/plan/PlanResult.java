package cn.gridwatch.routing.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.locationtech.jts.geom.LineString;

/**
 * A computed plan: per team and day the stops in order with times (offset +08:00), distance and
 * road geometry (SRID 4490; null for a day without stops), the targets not served with the
 * reason, how the travel times were made and how the search went. Immutable.
 */
public record PlanResult(List<TeamDay> routes, List<Unserved> unserved, String matrixMethod, List<String> notes,
                         Solver solver) {
    public PlanResult {
        routes = List.copyOf(routes);
        unserved = List.copyOf(unserved);
        notes = List.copyOf(notes);
    }

    /** One inspection on a route. {@code legSeconds}/{@code legMetres}: the drive to it from the previous place. */
    public record Stop(int seq, PlanTarget target, OffsetDateTime arrival, OffsetDateTime start,
                       OffsetDateTime departure, long legSeconds, long legMetres) {
    }

    /** One team's day: leaves the start at {@code departure}, back at its end at {@code returnAt}. */
    public record TeamDay(int teamNo, LocalDate day, OffsetDateTime departure, OffsetDateTime returnAt,
                          long distanceMetres, long travelSeconds, long serviceSeconds, long waitSeconds,
                          List<Stop> stops, LineString geometry) {
        public TeamDay {
            stops = List.copyOf(stops);
        }
    }

    /**
     * A target not in the plan: {@code no_eligible_team}, {@code outside_time_windows},
     * {@code unreachable}, {@code dropped_for_capacity} or {@code no_solution}, and the detail.
     */
    public record Unserved(PlanTarget target, String reason, String detail) {
    }

    /** How the search went (see {@link cn.gridwatch.routing.solver.RoutingSolution}). */
    public record Solver(String status, String stopReason, boolean reproducible, long solutions, long wallMillis,
                         long objective, long matrixMillis, long timeLimitMillis, Long solutionLimit) {
    }

    public int servedCount() {
        return routes.stream().mapToInt(r -> r.stops().size()).sum();
    }

    public long totalDistance() {
        return routes.stream().mapToLong(TeamDay::distanceMetres).sum();
    }

    public long totalTravelSeconds() {
        return routes.stream().mapToLong(TeamDay::travelSeconds).sum();
    }
}
