package cn.gridwatch.dispatch;

import cn.gridwatch.Json;
import cn.gridwatch.db.SqlWhere;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SQL for {@code patrol_task}: the idempotent bulk insert of dispatch tasks (one per station, reading
 * hour and source; a second run finds them and creates nothing) and the list. Takes the caller's
 * connection. Stateless and thread-safe.
 */
final class PatrolTaskRepository {
    private static final TypeReference<List<Officer>> OFFICERS = new TypeReference<>() { };

    /** A dispatch task to create. */
    record NewTask(String reason, String stationCode, Instant readingAt, long sourceId, String gridCode, double weight,
            List<Officer> assignees, String createdBy) {
        String key() {
            return key(stationCode, readingAt, sourceId);
        }

        static String key(String station, Instant at, long source) {
            return station + "|" + at + "|" + source;
        }
    }

    /** The id of a task and whether this call created it. */
    record Stored(long id, boolean created) {
    }

    /** Inserts the tasks that do not exist yet; answers every task's id by {@link NewTask#key()}. */
    Map<String, Stored> insertAll(Connection c, List<NewTask> tasks) throws SQLException {
        int n = tasks.size();
        Map<String, Stored> out = new HashMap<>();
        if (n == 0) {
            return out;
        }
        String[] reason = new String[n];
        String[] station = new String[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        Long[] source = new Long[n];
        String[] grid = new String[n];
        Double[] weight = new Double[n];
        String[] assignees = new String[n];
        String[] by = new String[n];
        for (int i = 0; i < n; i++) {
            NewTask t = tasks.get(i);
            reason[i] = t.reason();
            station[i] = t.stationCode();
            at[i] = OffsetDateTime.ofInstant(t.readingAt(), ZoneOffset.UTC);
            source[i] = t.sourceId();
            grid[i] = t.gridCode();
            weight[i] = t.weight();
            assignees[i] = json(t.assignees());
            by[i] = t.createdBy();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into patrol_task (reason, station_code, reading_at, source_id, grid_code, weight, assignees,
                                         created_by)
                select r, s, a, src, g, w, j::jsonb, b
                  from unnest(?::text[], ?::text[], ?::timestamptz[], ?::bigint[], ?::text[], ?::numeric[], ?::text[],
                              ?::text[]) as t(r, s, a, src, g, w, j, b)
                on conflict (station_code, reading_at, source_id) where station_code is not null do nothing
                returning id, station_code, reading_at, source_id""")) {
            ps.setArray(1, c.createArrayOf("text", reason));
            ps.setArray(2, c.createArrayOf("text", station));
            ps.setArray(3, c.createArrayOf("timestamptz", at));
            ps.setArray(4, c.createArrayOf("bigint", source));
            ps.setArray(5, c.createArrayOf("text", grid));
            ps.setArray(6, c.createArrayOf("numeric", weight));
            ps.setArray(7, c.createArrayOf("text", assignees));
            ps.setArray(8, c.createArrayOf("text", by));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(NewTask.key(rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getLong(4)),
                            new Stored(rs.getLong(1), true));
                }
            }
            if (out.size() < n) {
                existing(c, station, at, source, out);
            }
        }
        return out;
    }

    private static void existing(Connection c, String[] station, OffsetDateTime[] at, Long[] source,
            Map<String, Stored> out) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select p.id, p.station_code, p.reading_at, p.source_id
                  from unnest(?::text[], ?::timestamptz[], ?::bigint[]) as k(s, a, src)
                  join patrol_task p on p.station_code = k.s and p.reading_at = k.a and p.source_id = k.src""")) {
            ps.setArray(1, c.createArrayOf("text", station));
            ps.setArray(2, c.createArrayOf("timestamptz", at));
            ps.setArray(3, c.createArrayOf("bigint", source));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.putIfAbsent(NewTask.key(rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getLong(4)),
                            new Stored(rs.getLong(1), false));
                }
            }
        }
    }

    private static final String SELECT = "select t.id, t.created_at, t.reason, t.station_code, t.reading_at,"
            + " t.source_id, s.code, s.name, t.grid_code, t.weight, t.status, t.created_by, t.assignees::text,"
            + " ST_X(s.geom), ST_Y(s.geom), s.city_code, s.county_code, s.township_code, s.village_code"
            + " from patrol_task t left join pollution_source s on s.id = t.source_id";

    long count(Connection c, SqlWhere w) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from patrol_task t left join pollution_source s"
                + " on s.id = t.source_id" + w.sql())) {
            w.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Newest reading first, then best weight. */
    List<PatrolTask> list(Connection c, SqlWhere w, int limit, int offset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + w.sql()
                + " order by t.reading_at desc nulls last, t.weight desc nulls last, t.id desc limit ? offset ?")) {
            int i = w.bind(ps, 1);
            ps.setInt(i, limit);
            ps.setInt(i + 1, offset);
            List<PatrolTask> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PatrolTask(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                            rs.getObject(6, Long.class), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getObject(10) == null ? null : rs.getDouble(10), rs.getString(11), rs.getString(12),
                            officers(rs.getString(13)), rs.getObject(14) == null ? null : rs.getDouble(14),
                            rs.getObject(15) == null ? null : rs.getDouble(15), rs.getString(16), rs.getString(17),
                            rs.getString(18), rs.getString(19)));
                }
            }
            return out;
        }
    }

    private static String json(List<Officer> officers) {
        try {
            return Json.MAPPER.writeValueAsString(officers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write officers as JSON", e);
        }
    }

    private static List<Officer> officers(String json) {
        try {
            return Json.MAPPER.readValue(json, OFFICERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("patrol_task.assignees holds JSON that does not parse", e);
        }
    }
}
