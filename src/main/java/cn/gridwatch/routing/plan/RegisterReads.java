package cn.gridwatch.routing.plan;

import cn.gridwatch.grid.AdminCode;
import cn.gridwatch.grid.GridLevel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What plans read from the registers (V4: {@code pollution_source}, {@code inspector},
 * {@code patrol_record}/{@code patrol_source}) and from the draws. Read-only; takes the caller's
 * connection. County codes come back 6-digit. Stateless and thread-safe.
 *
 * <p>These reads belong to the register feature; they live here until its services offer them.
 */
final class RegisterReads {
    private static final Map<GridLevel, String> LEVEL_COLUMN = Map.of(GridLevel.CITY, "city_code",
            GridLevel.COUNTY, "county_code", GridLevel.TOWNSHIP, "township_code", GridLevel.VILLAGE, "village_code");
    private static final String SOURCE_COLUMNS = "s.id, s.code, s.name, ST_X(s.geom), ST_Y(s.geom), s.county_code,"
            + " s.inspection_class, s.status";

    /** A source as a plan needs it: where it is (EPSG:4490) and its county. */
    record Source(long id, String code, String name, double lon, double lat, String county, String inspectionClass,
                  String status) {
    }

    record Inspector(long id, String code, String name, String county, String kind, Long userId, boolean active) {
    }

    Map<String, Source> sourcesByCode(Connection c, Collection<String> codes) throws SQLException {
        Map<String, Source> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select " + SOURCE_COLUMNS
                + " from pollution_source s where s.code = any (?)")) {
            ps.setArray(1, c.createArrayOf("text", codes.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Source s = source(rs);
                    out.put(s.code(), s);
                }
            }
        }
        return out;
    }

    /** The sources a draw picked, in the draw's order (class, then rank), with their current places. */
    List<Source> drawSources(Connection c, long drawId) throws SQLException {
        List<Source> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select " + SOURCE_COLUMNS + " from inspection_draw_source d"
                + " join pollution_source s on s.id = d.source_id where d.draw_id = ?"
                + " order by array_position(array['special','key','general'], d.inspection_class), d.rank")) {
            ps.setLong(1, drawId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(source(rs));
                }
            }
        }
        return out;
    }

    boolean drawExists(Connection c, long drawId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from inspection_draw where id = ?")) {
            ps.setLong(1, drawId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A source in the subtree of {@code cell} (12-digit) with the day of its last patrol (null: never). */
    record Patrolled(Source source, LocalDate lastPatrol) {
    }

    List<Patrolled> sourcesUnder(Connection c, String cell) throws SQLException {
        String column = LEVEL_COLUMN.get(AdminCode.levelOf(cell));
        List<Patrolled> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select " + SOURCE_COLUMNS + ", (select max(r.started_at)"
                + " from patrol_source p join patrol_record r on r.id = p.patrol_id where p.source_id = s.id)"
                + " from pollution_source s where s.status = 'active' and s." + column + " in (?, ?) order by s.code")) {
            ps.setString(1, AdminCode.shortForm(cell));
            ps.setString(2, cell);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp last = rs.getTimestamp(9);
                    out.add(new Patrolled(source(rs), last == null ? null
                            : last.toInstant().atZone(PlanInput.ZONE).toLocalDate()));
                }
            }
        }
        return out;
    }

    Map<String, Inspector> inspectorsByCode(Connection c, Collection<String> codes) throws SQLException {
        Map<String, Inspector> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select id, code, name, county_code, kind, user_id, active"
                + " from inspector where code = any (?)")) {
            ps.setArray(1, c.createArrayOf("text", codes.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long user = rs.getLong(6);
                    Long userId = rs.wasNull() ? null : user;
                    out.put(rs.getString(2), new Inspector(rs.getLong(1), rs.getString(2), rs.getString(3),
                            county(rs.getString(4)), rs.getString(5), userId, rs.getBoolean(7)));
                }
            }
        }
        return out;
    }

    private static Source source(ResultSet rs) throws SQLException {
        return new Source(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5),
                county(rs.getString(6)), rs.getString(7), rs.getString(8));
    }

    /** A county code in its 6-digit form; null and codes that do not parse as county codes give null. */
    static String county(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            String n = AdminCode.normalize(code);
            return AdminCode.levelOf(n) == GridLevel.CITY ? null : n.substring(0, 6);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
