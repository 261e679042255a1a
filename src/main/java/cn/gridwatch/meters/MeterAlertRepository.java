package cn.gridwatch.meters;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * SQL for {@code meter_alert}, the record of flagged periods that keeps detection idempotent: a
 * period overlapping or touching a stored one of the same pair is that alert (widened when it grew),
 * never a new one. Takes the caller's connection. Stateless and thread-safe.
 */
final class MeterAlertRepository {
    /** Serializes alert runs across instances (pg_advisory_xact_lock key). */
    static final long RUN_LOCK = 0x6d65746572616cL; // "meteral"

    /** A stored alert. */
    record Stored(long id, Instant start, Instant end, int intervals, Long problemId, String problemCode) {
    }

    void lockRuns(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            ps.setLong(1, RUN_LOCK);
            ps.execute();
        }
    }

    /** The stored alert of the pair that overlaps or touches {@code [start, end)}, earliest first, or null. */
    Stored overlapping(Connection c, MeterPair pair, AlertPeriod p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select a.id, a.period_start, a.period_end, a.intervals, a.problem_id, pr.code
                  from meter_alert a left join problem pr on pr.id = a.problem_id
                 where a.production_meter_id = ? and a.control_meter_id = ?
                   and a.period_start <= ? and a.period_end >= ?
                 order by a.period_start limit 1""")) {
            ps.setLong(1, pair.productionId());
            ps.setLong(2, pair.controlId());
            ps.setObject(3, utc(p.end()));
            ps.setObject(4, utc(p.start()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Stored(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant(), rs.getInt(4), rs.getObject(5, Long.class), rs.getString(6))
                        : null;
            }
        }
    }

    long insert(Connection c, MeterPair pair, AlertPeriod p, String actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into meter_alert (production_meter_id, control_meter_id, period_start, period_end, intervals,
                                         min_ratio, normal_ratio, detected_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")) {
            ps.setLong(1, pair.productionId());
            ps.setLong(2, pair.controlId());
            ps.setObject(3, utc(p.start()));
            ps.setObject(4, utc(p.end()));
            ps.setInt(5, p.intervals());
            ps.setDouble(6, p.minRatio());
            ps.setDouble(7, pair.normalRatio());
            ps.setString(8, actor);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void setProblem(Connection c, long alertId, long problemId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update meter_alert set problem_id = ? where id = ?")) {
            ps.setLong(1, problemId);
            ps.setLong(2, alertId);
            ps.executeUpdate();
        }
    }

    /** Widens a stored alert to also cover {@code p} (both are unbroken runs that overlap or touch, so the union is one). */
    void widen(Connection c, long id, AlertPeriod p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update meter_alert set period_start = least(period_start, ?), period_end = greatest(period_end, ?),
                       intervals = (extract(epoch from greatest(period_end, ?) - least(period_start, ?)) / 900)::int,
                       min_ratio = least(min_ratio, ?)
                 where id = ?""")) {
            ps.setObject(1, utc(p.start()));
            ps.setObject(2, utc(p.end()));
            ps.setObject(3, utc(p.end()));
            ps.setObject(4, utc(p.start()));
            ps.setDouble(5, p.minRatio());
            ps.setLong(6, id);
            ps.executeUpdate();
        }
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
