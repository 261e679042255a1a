package cn.gridwatch.inspection;

import cn.gridwatch.Json;
import cn.gridwatch.grid.AdminCode;
import cn.gridwatch.grid.GridLevel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQL of draws: reads the candidates from {@code pollution_source} and {@code inspector} (V4) and
 * writes and reads {@code inspection_draw*} (V9). Takes the caller's connection. Stateless and thread-safe.
 */
final class DrawRepository {
    /** Grid level to the column of located rows that holds its code (allow-list for identifiers). */
    private static final Map<GridLevel, String> LEVEL_COLUMN = Map.of(GridLevel.CITY, "city_code",
            GridLevel.COUNTY, "county_code", GridLevel.TOWNSHIP, "township_code", GridLevel.VILLAGE, "village_code");

    /** Active sources of the request's classes (in its grid subtree) and the inspectors it may draw. */
    Candidates candidates(Connection c, DrawRequest r) throws SQLException {
        Map<String, List<Candidates.Source>> sources = new LinkedHashMap<>();
        r.rates().keySet().forEach(k -> sources.put(k, new ArrayList<>()));
        String where = "";
        if (r.grid() != null) {
            // rows may hold the short (432002) or the 12-digit form of a code: match both
            where = " and " + LEVEL_COLUMN.get(AdminCode.levelOf(r.grid())) + " in (?, ?)";
        }
        try (PreparedStatement ps = c.prepareStatement("select id, code, name, inspection_class, county_code"
                + " from pollution_source where status = 'active' and inspection_class = any (?)" + where
                + " order by id")) {
            ps.setArray(1, c.createArrayOf("text", r.rates().keySet().toArray()));
            if (r.grid() != null) {
                ps.setString(2, AdminCode.shortForm(r.grid()));
                ps.setString(3, r.grid());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sources.get(rs.getString(4)).add(new Candidates.Source(rs.getLong(1), rs.getString(2),
                            rs.getString(3), rs.getString(4), shortCounty(rs.getString(5))));
                }
            }
        }
        List<Candidates.Inspector> inspectors = new ArrayList<>();
        if (r.inspectorCount() > 0) {
            try (PreparedStatement ps = c.prepareStatement("select id, code, name, county_code, kind, unit"
                    + " from inspector where active and kind = any (?) order by id")) {
                ps.setArray(1, c.createArrayOf("text", r.inspectorKinds().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String county = shortCounty(rs.getString(4));
                        if (county != null && r.excludeCounties().contains(AdminCode.normalize(county))) {
                            continue;
                        }
                        inspectors.add(new Candidates.Inspector(rs.getLong(1), rs.getString(2), rs.getString(3),
                                county, rs.getString(5), rs.getString(6)));
                    }
                }
            }
        }
        return new Candidates(sources, inspectors);
    }

    long insert(Connection c, Draw d, Map<String, Object> params, Map<String, Object> candidateIds) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("insert into inspection_draw (name, seed, params, register_hash,"
                + " candidates, sealed_until, drawn_by, drawn_role, drawn_at) values (?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?)"
                + " returning id")) {
            ps.setString(1, d.name());
            ps.setLong(2, Long.parseLong(d.seed()));
            ps.setString(3, json(params));
            ps.setString(4, d.registerHash());
            ps.setString(5, json(candidateIds));
            setInstant(ps, 6, d.sealedUntil());
            ps.setString(7, d.drawnBy());
            ps.setString(8, d.drawnRole());
            ps.setTimestamp(9, Timestamp.from(d.drawnAt()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("insert into inspection_draw_source (draw_id, rank, source_id,"
                + " source_code, name, inspection_class, county_code) values (?, ?, ?, ?, ?, ?, ?)")) {
            for (Draw.DrawnSource s : d.sources()) {
                ps.setLong(1, id);
                ps.setInt(2, s.rank());
                ps.setLong(3, s.sourceId());
                ps.setString(4, s.code());
                ps.setString(5, s.name());
                ps.setString(6, s.inspectionClass());
                ps.setString(7, s.county());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into inspection_draw_inspector (draw_id, rank,"
                + " inspector_id, inspector_code, name, county_code, kind, unit) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Draw.DrawnInspector i : d.inspectors()) {
                ps.setLong(1, id);
                ps.setInt(2, i.rank());
                ps.setLong(3, i.inspectorId());
                ps.setString(4, i.code());
                ps.setString(5, i.name());
                ps.setString(6, i.county());
                ps.setString(7, i.kind());
                ps.setString(8, i.unit());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return id;
    }

    /** The stored draw row: its parameters and candidate ids as JSON, or null when there is none. */
    record Row(long id, String name, long seed, JsonNode params, String registerHash, JsonNode candidates,
               java.time.Instant sealedUntil, String drawnBy, String drawnRole, java.time.Instant drawnAt) {
    }

    Row row(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id, name, seed, params::text, register_hash,"
                + " candidates::text, sealed_until, drawn_by, drawn_role, drawn_at from inspection_draw where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Timestamp sealed = rs.getTimestamp(7);
                return new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), parse(rs.getString(4)), rs.getString(5),
                        parse(rs.getString(6)), sealed == null ? null : sealed.toInstant(), rs.getString(8),
                        rs.getString(9), rs.getTimestamp(10).toInstant());
            }
        }
    }

    List<Draw.DrawnSource> sources(Connection c, long id) throws SQLException {
        List<Draw.DrawnSource> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select rank, source_id, source_code, name, inspection_class,"
                + " county_code from inspection_draw_source where draw_id = ?"
                + " order by array_position(array['special','key','general'], inspection_class), rank")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Draw.DrawnSource(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
        }
        return out;
    }

    List<Draw.DrawnInspector> inspectors(Connection c, long id) throws SQLException {
        List<Draw.DrawnInspector> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select rank, inspector_id, inspector_code, name, county_code,"
                + " kind, unit from inspection_draw_inspector where draw_id = ? order by rank")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Draw.DrawnInspector(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return out;
    }

    int count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from inspection_draw");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    List<Draw.Summary> list(Connection c, int limit, int offset) throws SQLException {
        List<Draw.Summary> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select d.id, d.name, d.seed, d.register_hash,"
                + " (select count(*) from inspection_draw_source s where s.draw_id = d.id),"
                + " (select count(*) from inspection_draw_inspector i where i.draw_id = d.id),"
                + " d.sealed_until, d.drawn_by, d.drawn_at from inspection_draw d order by d.id desc limit ? offset ?")) {
            ps.setInt(1, limit);
            ps.setInt(2, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp sealed = rs.getTimestamp(7);
                    out.add(new Draw.Summary(rs.getLong(1), rs.getString(2), Long.toString(rs.getLong(3)),
                            rs.getString(4), rs.getInt(5), rs.getInt(6), sealed == null ? null : sealed.toInstant(),
                            rs.getString(8), rs.getTimestamp(9).toInstant()));
                }
            }
        }
        return out;
    }

    /** A county code in its 6-digit form; codes that do not parse are kept as they are. */
    static String shortCounty(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            String n = AdminCode.normalize(code);
            return n.substring(0, 6);
        } catch (IllegalArgumentException e) {
            return code.trim();
        }
    }

    private static void setInstant(PreparedStatement ps, int i, java.time.Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setTimestamp(i, Timestamp.from(t));
        }
    }

    private static String json(Object o) {
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write draw JSON", e);
        }
    }

    private static JsonNode parse(String s) {
        try {
            return Json.MAPPER.readTree(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("inspection_draw holds JSON that does not parse", e);
        }
    }
}
