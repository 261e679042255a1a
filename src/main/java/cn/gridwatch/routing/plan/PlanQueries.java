package cn.gridwatch.routing.plan;

import cn.gridwatch.Json;
import cn.gridwatch.db.GeometryCodec;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * SQL that reads plans ({@code inspection_plan*}, V9) as {@link Plan}s, decides who is on a plan and
 * lists the plans a user may see. Times come back at +08:00. Takes the caller's connection.
 * Stateless and thread-safe.
 */
final class PlanQueries {
    /** The plan row's author and seal, for the access decision before the whole plan is read; null if none. */
    record Head(long id, String createdBy, Instant sealedUntil) {
    }

    Head head(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id, created_by, sealed_until from inspection_plan"
                + " where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Head(rs.getLong(1), rs.getString(2), instant(rs.getTimestamp(3))) : null;
            }
        }
    }

    boolean onTeam(Connection c, long planId, long userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from inspection_plan_member where plan_id = ?"
                + " and user_id = ?")) {
            ps.setLong(1, planId);
            ps.setLong(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    Plan read(Connection c, long id) throws SQLException {
        Plan p;
        try (PreparedStatement ps = c.prepareStatement("select id, kind, name, rule, draw_id, work_start::text,"
                + " work_end::text, sealed_until, matrix_method, notes::text, solver::text, summary::text, created_by,"
                + " created_at, params::text from inspection_plan where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long draw = rs.getLong(5);
                Long drawId = rs.wasNull() ? null : draw;
                List<String> notes = new ArrayList<>();
                parse(rs.getString(10)).forEach(n -> notes.add(n.asText()));
                List<LocalDate> days = new ArrayList<>();
                parse(rs.getString(15)).get("days").forEach(n -> days.add(LocalDate.parse(n.asText())));
                p = new Plan(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), drawId, days,
                        rs.getString(6).substring(0, 5), rs.getString(7).substring(0, 5), instant(rs.getTimestamp(8)),
                        true, rs.getString(9), notes, parse(rs.getString(11)), parse(rs.getString(12)), teams(c, id),
                        routes(c, id), unserved(c, id), rs.getString(13), rs.getTimestamp(14).toInstant());
            }
        }
        return p;
    }

    private static List<Plan.TeamView> teams(Connection c, long id) throws SQLException {
        List<Plan.TeamView> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select t.team_no, t.name, t.home_counties, ST_X(t.start_geom),"
                + " ST_Y(t.start_geom), ST_X(t.end_geom), ST_Y(t.end_geom) from inspection_plan_team t"
                + " where t.plan_id = ? order by t.team_no");
             PreparedStatement ms = c.prepareStatement("select inspector_code, name, county_code, kind"
                     + " from inspection_plan_member where plan_id = ? and team_no = ? order by inspector_code, name")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Plan.MemberView> members = new ArrayList<>();
                    ms.setLong(1, id);
                    ms.setInt(2, rs.getInt(1));
                    try (ResultSet m = ms.executeQuery()) {
                        while (m.next()) {
                            members.add(new Plan.MemberView(m.getString(1), m.getString(2), m.getString(3),
                                    m.getString(4)));
                        }
                    }
                    out.add(new Plan.TeamView(rs.getInt(1), rs.getString(2),
                            List.of((String[]) rs.getArray(3).getArray()), new double[] {rs.getDouble(4), rs.getDouble(5)},
                            new double[] {rs.getDouble(6), rs.getDouble(7)}, members));
                }
            }
        }
        return out;
    }

    private static List<Plan.RouteView> routes(Connection c, long id) throws SQLException {
        List<Plan.RouteView> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select team_no, day, departure, return_at, distance_m, travel_s,"
                + " service_s, wait_s, stop_count, ST_AsBinary(geom) from inspection_plan_route where plan_id = ?"
                + " order by day, team_no");
             PreparedStatement ss = c.prepareStatement("select seq, target_code, target_name, source_id, county_code,"
                     + " priority, ST_X(geom), ST_Y(geom), arrival, start_at, departure, leg_s, leg_m"
                     + " from inspection_plan_stop where plan_id = ? and team_no = ? and day = ? order by seq")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Plan.StopView> stops = new ArrayList<>();
                    ss.setLong(1, id);
                    ss.setInt(2, rs.getInt(1));
                    ss.setObject(3, rs.getObject(2, LocalDate.class));
                    try (ResultSet s = ss.executeQuery()) {
                        while (s.next()) {
                            long src = s.getLong(4);
                            Long sourceId = s.wasNull() ? null : src;
                            stops.add(new Plan.StopView(s.getInt(1), s.getString(2), s.getString(3), sourceId,
                                    s.getString(5), s.getInt(6), s.getDouble(7), s.getDouble(8), time(s, 9), time(s, 10),
                                    time(s, 11), s.getLong(12), s.getLong(13)));
                        }
                    }
                    out.add(new Plan.RouteView(rs.getInt(1), rs.getObject(2, LocalDate.class), time(rs, 3), time(rs, 4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getInt(9), stops,
                            coordinates(GeometryCodec.fromWkb(rs.getBytes(10)))));
                }
            }
        }
        return out;
    }

    private static List<Plan.UnservedView> unserved(Connection c, long id) throws SQLException {
        List<Plan.UnservedView> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select target_code, target_name, source_id, county_code,"
                + " priority, ST_X(geom), ST_Y(geom), reason, detail from inspection_plan_unserved where plan_id = ?"
                + " order by target_code")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long src = rs.getLong(3);
                    Long sourceId = rs.wasNull() ? null : src;
                    out.add(new Plan.UnservedView(rs.getString(1), rs.getString(2), sourceId, rs.getString(4),
                            rs.getInt(5), rs.getDouble(6), rs.getDouble(7), rs.getString(8), rs.getString(9)));
                }
            }
        }
        return out;
    }

    /** Plans visible to a user: all ({@code userId} null) or those they wrote or are on. Newest first. */
    List<Plan.Summary> list(Connection c, String username, Long userId, int limit, int offset) throws SQLException {
        List<Plan.Summary> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id, kind, name, rule, first_day, last_day, sealed_until,"
                + " summary::text, created_by, created_at from inspection_plan p where " + VISIBLE
                + " order by id desc limit ? offset ?")) {
            int i = bindVisible(ps, username, userId);
            ps.setInt(i, limit);
            ps.setInt(i + 1, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Plan.Summary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                            instant(rs.getTimestamp(7)), parse(rs.getString(8)), rs.getString(9),
                            rs.getTimestamp(10).toInstant()));
                }
            }
        }
        return out;
    }

    int count(Connection c, String username, Long userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from inspection_plan p where " + VISIBLE)) {
            bindVisible(ps, username, userId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static final String VISIBLE = "(?::bigint is null or p.created_by = ? or exists (select 1 from"
            + " inspection_plan_member m where m.plan_id = p.id and m.user_id = ?))";

    private static int bindVisible(PreparedStatement ps, String username, Long userId) throws SQLException {
        ps.setObject(1, userId, Types.BIGINT);
        ps.setString(2, username);
        ps.setObject(3, userId, Types.BIGINT);
        return 4;
    }

    private static OffsetDateTime time(ResultSet rs, int i) throws SQLException {
        return rs.getObject(i, OffsetDateTime.class).atZoneSameInstant(PlanInput.ZONE).toOffsetDateTime();
    }

    private static double[][] coordinates(Geometry g) {
        if (g == null) {
            return null;
        }
        Coordinate[] cs = g.getCoordinates();
        double[][] out = new double[cs.length][];
        for (int i = 0; i < cs.length; i++) {
            out[i] = new double[] {cs[i].x, cs[i].y};
        }
        return out;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static JsonNode parse(String s) {
        try {
            return Json.MAPPER.readTree(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("inspection_plan holds JSON that does not parse", e);
        }
    }
}
