package cn.gridwatch.routing.plan;

import cn.gridwatch.Json;
import cn.gridwatch.db.GeometryCodec;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * SQL that writes plans ({@code inspection_plan*}, V9): a computed plan with its teams, members,
 * routes, stops and unserved targets; {@link PlanQueries} reads them. Takes the caller's connection.
 * Stateless and thread-safe.
 */
final class PlanRepository {
    private static final String POINT = "ST_SetSRID(ST_MakePoint(?, ?), 4490)";

    long insert(Connection c, PlanInput in, PlanResult r, Object params, Object summary, Object solver,
            String createdBy, String createdRole, Instant at) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("insert into inspection_plan (kind, name, rule, draw_id,"
                + " first_day, last_day, work_start, work_end, sealed_until, matrix_method, notes, solver, params,"
                + " summary, created_by, created_role, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb,"
                + " ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?) returning id")) {
            ps.setString(1, in.kind());
            ps.setString(2, in.name());
            ps.setString(3, in.rule().id());
            ps.setObject(4, in.drawId(), Types.BIGINT);
            ps.setObject(5, in.days().get(0));
            ps.setObject(6, in.days().get(in.days().size() - 1));
            ps.setObject(7, in.hours().start());
            ps.setObject(8, in.hours().end());
            ps.setTimestamp(9, in.sealedUntil() == null ? null : Timestamp.from(in.sealedUntil()));
            ps.setString(10, r.matrixMethod());
            ps.setString(11, json(r.notes()));
            ps.setString(12, json(solver));
            ps.setString(13, json(params));
            ps.setString(14, json(summary));
            ps.setString(15, createdBy);
            ps.setString(16, createdRole);
            ps.setTimestamp(17, Timestamp.from(at));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        insertTeams(c, id, in.teams());
        insertRoutes(c, id, r.routes());
        insertUnserved(c, id, r.unserved());
        return id;
    }

    private static void insertTeams(Connection c, long id, List<Team> teams) throws SQLException {
        try (PreparedStatement team = c.prepareStatement("insert into inspection_plan_team (plan_id, team_no, name,"
                + " home_counties, start_geom, end_geom) values (?, ?, ?, ?, " + POINT + ", " + POINT + ")");
             PreparedStatement member = c.prepareStatement("insert into inspection_plan_member (plan_id, team_no,"
                     + " inspector_id, inspector_code, name, county_code, kind, user_id) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Team t : teams) {
                team.setLong(1, id);
                team.setInt(2, t.no());
                team.setString(3, t.name());
                team.setArray(4, c.createArrayOf("text", t.homeCounties().stream().sorted().toArray()));
                team.setDouble(5, t.startLon());
                team.setDouble(6, t.startLat());
                team.setDouble(7, t.endLon());
                team.setDouble(8, t.endLat());
                team.addBatch();
                for (Team.Member m : t.members()) {
                    member.setLong(1, id);
                    member.setInt(2, t.no());
                    member.setObject(3, m.inspectorId(), Types.BIGINT);
                    member.setString(4, m.code());
                    member.setString(5, m.name());
                    member.setString(6, m.county());
                    member.setString(7, m.kind());
                    member.setObject(8, m.userId(), Types.BIGINT);
                    member.addBatch();
                }
            }
            team.executeBatch();
            member.executeBatch();
        }
    }

    private static void insertRoutes(Connection c, long id, List<PlanResult.TeamDay> routes) throws SQLException {
        try (PreparedStatement route = c.prepareStatement("insert into inspection_plan_route (plan_id, team_no, day,"
                + " departure, return_at, distance_m, travel_s, service_s, wait_s, stop_count, geom)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ST_SetSRID(ST_GeomFromWKB(?), 4490))");
             PreparedStatement stop = c.prepareStatement("insert into inspection_plan_stop (plan_id, team_no, day, seq,"
                     + " target_code, target_name, source_id, county_code, priority, arrival, start_at, departure,"
                     + " leg_s, leg_m, geom) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + POINT + ")")) {
            for (PlanResult.TeamDay d : routes) {
                route.setLong(1, id);
                route.setInt(2, d.teamNo());
                route.setObject(3, d.day());
                route.setObject(4, d.departure());
                route.setObject(5, d.returnAt());
                route.setLong(6, d.distanceMetres());
                route.setLong(7, d.travelSeconds());
                route.setLong(8, d.serviceSeconds());
                route.setLong(9, d.waitSeconds());
                route.setInt(10, d.stops().size());
                route.setBytes(11, d.geometry() == null ? null : GeometryCodec.toWkb(d.geometry()));
                route.addBatch();
                for (PlanResult.Stop s : d.stops()) {
                    PlanTarget t = s.target();
                    stop.setLong(1, id);
                    stop.setInt(2, d.teamNo());
                    stop.setObject(3, d.day());
                    stop.setInt(4, s.seq());
                    stop.setString(5, t.code());
                    stop.setString(6, t.name());
                    stop.setObject(7, t.sourceId(), Types.BIGINT);
                    stop.setString(8, t.county());
                    stop.setInt(9, t.priority());
                    stop.setObject(10, s.arrival());
                    stop.setObject(11, s.start());
                    stop.setObject(12, s.departure());
                    stop.setLong(13, s.legSeconds());
                    stop.setLong(14, s.legMetres());
                    stop.setDouble(15, t.lon());
                    stop.setDouble(16, t.lat());
                    stop.addBatch();
                }
            }
            route.executeBatch();
            stop.executeBatch();
        }
    }

    private static void insertUnserved(Connection c, long id, List<PlanResult.Unserved> unserved) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into inspection_plan_unserved (plan_id, target_code,"
                + " target_name, source_id, county_code, priority, reason, detail, geom) values (?, ?, ?, ?, ?, ?, ?, ?, "
                + POINT + ")")) {
            for (PlanResult.Unserved u : unserved) {
                PlanTarget t = u.target();
                ps.setLong(1, id);
                ps.setString(2, t.code());
                ps.setString(3, t.name());
                ps.setObject(4, t.sourceId(), Types.BIGINT);
                ps.setString(5, t.county());
                ps.setInt(6, t.priority());
                ps.setString(7, u.reason());
                ps.setString(8, u.detail());
                ps.setDouble(9, t.lon());
                ps.setDouble(10, t.lat());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static String json(Object o) {
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write plan JSON", e);
        }
    }
}
