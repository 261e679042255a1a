package cn.gridwatch.routing.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQL of the {@code plan_job} table (V11): insert, state changes, heartbeats with progress, cancel
 * requests, and reads as the JSON view of {@code GET /api/plan-jobs/{id}}. Takes a connection; stateless.
 */
final class PlanJobRepository {
    private static final String COLUMNS = "id, kind, status, owner, submitted_at, started_at, finished_at, phase, "
            + "solutions, limit_ms, plan_id, error_status, error_message, heartbeat_at";

    long insert(Connection c, String kind, String name, String owner, Instant now, long limitMs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into plan_job (kind, name, owner, status, submitted_at, "
                + "limit_ms, heartbeat_at) values (?, ?, ?, 'queued', ?, ?, ?) returning id")) {
            ps.setString(1, kind);
            ps.setString(2, name);
            ps.setString(3, owner);
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setLong(5, limitMs);
            ps.setTimestamp(6, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void delete(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from plan_job where id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    /**
     * Writes the job's current state (status, times, progress, result) and a heartbeat, unless the
     * row has already ended: an ended state is final, so a late heartbeat cannot undo it.
     */
    void save(Connection c, PlanJob.State s, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update plan_job set status = ?, started_at = ?, finished_at = ?,"
                + " phase = ?, solutions = ?, plan_id = ?, error_status = ?, error_message = ?, heartbeat_at = ? "
                + "where id = ? and status in ('queued', 'running')")) {
            ps.setString(1, s.status());
            ps.setTimestamp(2, s.startedAt() == null ? null : Timestamp.from(s.startedAt()));
            ps.setTimestamp(3, s.finishedAt() == null ? null : Timestamp.from(s.finishedAt()));
            ps.setString(4, s.phase());
            ps.setLong(5, s.solutions());
            ps.setObject(6, s.planId());
            ps.setObject(7, s.errorStatus() == 0 ? null : s.errorStatus());
            ps.setString(8, s.errorMessage());
            ps.setTimestamp(9, Timestamp.from(now));
            ps.setLong(10, s.id());
            ps.executeUpdate();
        }
    }

    void requestCancel(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update plan_job set cancel_requested = true where id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    /** Of {@code ids}, those whose cancel was requested (by any instance). */
    List<Long> cancelRequested(Connection c, List<Long> ids) throws SQLException {
        List<Long> out = new ArrayList<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("select id from plan_job where cancel_requested and id = any(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    /**
     * Marks queued and running jobs whose heartbeat is older than {@code staleBefore} as failed: the
     * instance computing them stopped. @return how many
     */
    int failStale(Connection c, Instant staleBefore, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update plan_job set status = 'failed', finished_at = ?, "
                + "error_status = 500, error_message = 'the server computing this plan stopped (restart or failure); "
                + "nothing was stored, submit the plan again' where status in ('queued', 'running') and heartbeat_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setTimestamp(2, Timestamp.from(staleBefore));
            return ps.executeUpdate();
        }
    }

    /** The job's owner and view, or null. */
    Map<String, Object> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from plan_job where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? view(rs) : null;
            }
        }
    }

    /** Newest first; {@code owner} null: everyone's. */
    List<Map<String, Object>> list(Connection c, String owner, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from plan_job where (?::text is null or "
                + "owner = ?) order by id desc limit ?")) {
            ps.setString(1, owner);
            ps.setString(2, owner);
            ps.setInt(3, limit);
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(view(rs));
                }
            }
            return out;
        }
    }

    private static Map<String, Object> view(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("kind", rs.getString("kind"));
        m.put("status", rs.getString("status"));
        m.put("href", PlanJob.href(id));
        m.put("owner", rs.getString("owner"));
        Instant submitted = instant(rs, "submitted_at");
        Instant started = instant(rs, "started_at");
        Instant finished = instant(rs, "finished_at");
        m.put("submittedAt", submitted);
        m.put("startedAt", started);
        m.put("finishedAt", finished);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("phase", rs.getString("phase"));
        p.put("solutions", rs.getLong("solutions"));
        Instant until = finished != null ? finished : instant(rs, "heartbeat_at");
        p.put("elapsedMs", started == null ? 0 : Math.max(0, until.toEpochMilli() - started.toEpochMilli()));
        p.put("limitMs", rs.getLong("limit_ms"));
        m.put("progress", p);
        long plan = rs.getLong("plan_id");
        if (!rs.wasNull()) {
            m.put("plan", Map.of("id", plan, "href", "/api/plans/" + plan));
        }
        int err = rs.getInt("error_status");
        if (!rs.wasNull()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("status", err);
            e.put("message", rs.getString("error_message"));
            m.put("error", e);
        }
        return m;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
