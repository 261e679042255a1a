package cn.gridwatch.routing.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A stored plan as the API shows it. When the caller may not see the targets yet
 * ({@code targetsVisible} false: sealed, see {@code AccessPolicy.canSeePlanTargets}) the routes keep
 * their days, times and totals but lose their stops and geometry, and {@code unserved} and
 * {@code notes} (which may name places) are empty.
 * Coordinates EPSG:4490 (lon, lat); geometry as GeoJSON coordinate arrays; county codes 6-digit.
 * Immutable.
 */
public record Plan(long id, String kind, String name, String rule, Long drawId, List<LocalDate> days, String workStart,
                   String workEnd, Instant sealedUntil, boolean targetsVisible, String matrixMethod,
                   List<String> notes, JsonNode solver, JsonNode summary, List<TeamView> teams,
                   List<RouteView> routes, List<UnservedView> unserved, String createdBy, Instant createdAt) {

    public record MemberView(String code, String name, String county, String kind) {
    }

    public record TeamView(int no, String name, List<String> homeCounties, double[] start, double[] end,
                           List<MemberView> members) {
    }

    public record StopView(int seq, String code, String name, Long sourceId, String county, int priority, double lon,
                           double lat, OffsetDateTime arrival, OffsetDateTime start, OffsetDateTime departure,
                           long legSeconds, long legMetres) {
    }

    public record RouteView(int teamNo, LocalDate day, OffsetDateTime departure, OffsetDateTime returnAt,
                            long distanceMetres, long travelSeconds, long serviceSeconds, long waitSeconds,
                            int stopCount, List<StopView> stops, double[][] geometry) {
    }

    public record UnservedView(String code, String name, Long sourceId, String county, int priority, double lon,
                               double lat, String reason, String detail) {
    }

    /** A line of the plan list. */
    public record Summary(long id, String kind, String name, String rule, LocalDate firstDay, LocalDate lastDay,
                          Instant sealedUntil, JsonNode summary, String createdBy, Instant createdAt) {
    }

    /** The same plan with the targets withheld. */
    public Plan sealed() {
        List<RouteView> bare = routes.stream().map(r -> new RouteView(r.teamNo(), r.day(), r.departure(),
                r.returnAt(), r.distanceMetres(), r.travelSeconds(), r.serviceSeconds(), r.waitSeconds(), r.stopCount(),
                List.of(), null)).toList();
        return new Plan(id, kind, name, rule, drawId, days, workStart, workEnd, sealedUntil, false, matrixMethod,
                List.of(), solver, summary, teams, bare, List.of(), createdBy, createdAt);
    }
}
