package cn.gridwatch.problems;

import cn.gridwatch.db.SqlWhere;
import cn.gridwatch.register.GridCells;
import cn.gridwatch.register.GridAssignments;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL for {@code problem} and {@code problem_transition}. Takes the caller's connection. Overdue
 * is computed in every read ({@link #OVERDUE}), never stored. Stateless and thread-safe.
 */
final class ProblemRepository {
    /** The one definition of overdue: a deadline in the past and not closed (either way). */
    static final String OVERDUE = "(p.deadline is not null and p.deadline < now()"
            + " and p.status not in ('closed', 'closed_unfixed'))";
    private static final String COLUMNS = "select p.id, p.code, p.title, p.description, p.origin, p.origin_id,"
            + " p.source_id, s.code, p.status, p.found_at, p.deadline, " + OVERDUE + ", p.assignee, p.closed_at,"
            + " p.close_reason, p.created_by, ST_X(p.geom), ST_Y(p.geom), p.city_code, p.county_code,"
            + " p.township_code, p.village_code from ";
    private static final String SELECT = COLUMNS + "problem p left join pollution_source s on s.id = p.source_id";
    private static final String ORDER = " order by p.found_at desc, p.id desc";

    /** A row to insert; status is always {@code found}. */
    record Insert(String code, NewProblem np, Long sourceId, Instant foundAt, String createdBy, double lon, double lat,
            GridCells cells) {
    }

    long nextId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select nextval('problem_id_seq')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** @return false when the code is taken */
    boolean insert(Connection c, long id, Insert r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into problem (id, code, title, description, origin, origin_id, source_id, status, found_at,
                                     deadline, created_by, geom, city_code, county_code, township_code, village_code)
                values (?, ?, ?, ?, ?, ?, ?, 'found', ?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4490), ?, ?, ?, ?)
                on conflict (code) do nothing""")) {
            ps.setLong(1, id);
            ps.setString(2, r.code());
            ps.setString(3, r.np().title());
            ps.setString(4, r.np().description());
            ps.setString(5, r.np().origin().id());
            setLong(ps, 6, r.np().originId());
            setLong(ps, 7, r.sourceId());
            setTime(ps, 8, r.foundAt());
            setTime(ps, 9, r.np().deadline());
            ps.setString(10, r.createdBy());
            ps.setDouble(11, r.lon());
            ps.setDouble(12, r.lat());
            GridAssignments.bindCells(ps, 13, r.cells());
            return ps.executeUpdate() == 1;
        }
    }

    /** The problem, locked for update until the transaction ends, or null. */
    Problem lock(Connection c, long id) throws SQLException {
        return one(c, SELECT + " where p.id = ? for update of p", id);
    }

    Problem find(Connection c, long id) throws SQLException {
        return one(c, SELECT + " where p.id = ?", id);
    }

    void update(Connection c, long id, ProblemStatus status, String assignee, Instant deadline, Instant closedAt,
            String closeReason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update problem set status = ?, assignee = ?, deadline = ?, closed_at = ?, close_reason = ?
                 where id = ?""")) {
            ps.setString(1, status.id());
            ps.setString(2, assignee);
            setTime(ps, 3, deadline);
            setTime(ps, 4, closedAt);
            ps.setString(5, closeReason);
            ps.setLong(6, id);
            ps.executeUpdate();
        }
    }

    void addTransition(Connection c, long problemId, ProblemStatus from, ProblemStatus to, String actor, String note)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into problem_transition (problem_id, from_status, to_status, actor, note)
                values (?, ?, ?, ?, ?)""")) {
            ps.setLong(1, problemId);
            ps.setString(2, from == null ? null : from.id());
            ps.setString(3, to.id());
            ps.setString(4, actor);
            ps.setString(5, note);
            ps.executeUpdate();
        }
    }

    List<ProblemTransition> transitions(Connection c, long problemId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select id, from_status, to_status, at, actor, note from problem_transition
                 where problem_id = ? order by id""")) {
            ps.setLong(1, problemId);
            List<ProblemTransition> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ProblemTransition(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6)));
                }
            }
            return out;
        }
    }

    long count(Connection c, SqlWhere where) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from problem p" + where.sql())) {
            where.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Newest found first. */
    List<Problem> list(Connection c, SqlWhere where, int limit, int offset) throws SQLException {
        // page first, then join: the source join then touches one page of rows, not every match
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + "(select * from problem p" + where.sql() + ORDER
                + " limit ? offset ?) p left join pollution_source s on s.id = p.source_id" + ORDER)) {
            int i = where.bind(ps, 1);
            ps.setInt(i, limit);
            ps.setInt(i + 1, offset);
            List<Problem> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        }
    }

    private static Problem one(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? row(rs) : null;
            }
        }
    }

    private static Problem row(ResultSet rs) throws SQLException {
        return new Problem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                ProblemOrigin.parse("origin", rs.getString(5)), (Long) rs.getObject(6, Long.class),
                (Long) rs.getObject(7, Long.class), rs.getString(8), ProblemStatus.parse("status", rs.getString(9)),
                time(rs, 10), time(rs, 11), rs.getBoolean(12), rs.getString(13), time(rs, 14), rs.getString(15),
                rs.getString(16), rs.getDouble(17), rs.getDouble(18), rs.getString(19), rs.getString(20),
                rs.getString(21), rs.getString(22));
    }

    private static Instant time(ResultSet rs, int i) throws SQLException {
        Timestamp t = rs.getTimestamp(i);
        return t == null ? null : t.toInstant();
    }

    private static void setTime(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(i, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }
}
