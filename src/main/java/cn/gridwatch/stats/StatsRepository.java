package cn.gridwatch.stats;

import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The set-based statistics queries: each reads one register for every cell of a level under a root
 * at once (grouped by the level's code column, never a query per cell) and adds its figures to a
 * {@link StatsTable}. Register rows may carry codes in 12-digit or short form; {@code rpad(code, 12,
 * '0')} makes both the 12-digit form, and the root's code prefix matches both. The level column is
 * taken from an allow-list. Long SQL lives in {@code sql/stats/}. Stateless and thread-safe; works on
 * the caller's connection.
 */
final class StatsRepository {

    /** The register column holding the code of a row's cell at {@code level}. */
    static String column(GridLevel level) {
        switch (level) {
            case CITY:
                return "city_code";
            case COUNTY:
                return "county_code";
            case TOWNSHIP:
                return "township_code";
            default:
                return "village_code";
        }
    }

    /**
     * Makes every admin cell of the level under the root a row, with its name: the cells valid
     * {@code today} (figures of any period are reported on today's grid; a cell that starts later is
     * not listed yet).
     */
    void cells(Connection c, StatsQuery q, LocalDate today, StatsTable t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select code, name from grid_cell
                 where kind = 'admin' and level = ? and code like ?
                   and valid_from <= ? and (valid_to is null or valid_to > ?)""")) {
            ps.setInt(1, q.level().rank());
            ps.setString(2, q.prefixPattern());
            ps.setObject(3, today);
            ps.setObject(4, today);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    t.row(rs.getString(1)).name(rs.getString(2));
                }
            }
        }
    }

    void sources(Connection c, StatsQuery q, StatsTable t) throws SQLException {
        String sql = """
                select rpad({lvl}, 12, '0'), category, inspection_class, count(*)
                  from pollution_source
                 where status = 'active' and {lvl} like ?
                 group by 1, 2, 3""";
        try (PreparedStatement ps = c.prepareStatement(level(sql, q))) {
            ps.setString(1, q.prefixPattern());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    t.row(rs.getString(1)).sources(rs.getString(2), rs.getString(3), rs.getInt(4));
                }
            }
        }
    }

    /** Monitoring points valid on the period's last day and active then, by type. */
    void stations(Connection c, StatsQuery q, StatsTable t) throws SQLException {
        String sql = """
                select rpad({lvl}, 12, '0'), type, count(*)
                  from monitoring_point
                 where status = 'active' and {lvl} like ? and valid_from < ? and (valid_to is null or valid_to >= ?)
                 group by 1, 2""";
        try (PreparedStatement ps = c.prepareStatement(level(sql, q))) {
            ps.setString(1, q.prefixPattern());
            ps.setObject(2, q.period().to());
            ps.setObject(3, q.period().to());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    t.row(rs.getString(1)).stations(rs.getString(2), rs.getInt(3));
                }
            }
        }
    }

    /** Complaints received in the period. */
    void complaints(Connection c, StatsQuery q, StatsTable t) throws SQLException {
        countInPeriod(c, q, "complaint", "received_at", (b, n) -> b.complaints(n), t);
    }

    /** Patrol records started in the period. */
    void patrols(Connection c, StatsQuery q, StatsTable t) throws SQLException {
        countInPeriod(c, q, "patrol_record", "started_at", (b, n) -> b.patrols(n), t);
    }

    private interface Sink {
        void add(CellStatsBuilder b, int n);
    }

    /** {@code table} and {@code timeColumn} are constants of this class, never input. */
    private void countInPeriod(Connection c, StatsQuery q, String table, String timeColumn, Sink sink, StatsTable t)
            throws SQLException {
        String sql = "select rpad({lvl}, 12, '0'), count(*) from " + table + " where {lvl} like ? and "
                + timeColumn + " >= ? and " + timeColumn + " < ? group by 1";
        try (PreparedStatement ps = c.prepareStatement(level(sql, q))) {
            ps.setString(1, q.prefixPattern());
            ps.setObject(2, q.period().start());
            ps.setObject(3, q.period().end());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.add(t.row(rs.getString(1)), rs.getInt(2));
                }
            }
        }
    }

    /** Per cell and target class: sources, and how many met {@code required} (classes absent: no target). */
    void coverage(Connection c, StatsQuery q, Map<TargetClass, Integer> required, StatsTable t) throws SQLException {
        Map<String, Object> args = args(q);
        args.put("key_required", required.get(TargetClass.KEY));
        args.put("complaint_required", required.get(TargetClass.COMPLAINT));
        args.put("other_required", required.get(TargetClass.OTHER));
        try (PreparedStatement ps = named("stats/coverage.sql", q).prepare(c, args);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                TargetClass target = TargetClass.parse(rs.getString(2));
                if (required.containsKey(target)) {
                    t.row(rs.getString(1)).coverage(target, rs.getInt(3), rs.getInt(4));
                }
            }
        }
    }

    /** Open and overdue at the period's end, found and closed in it, median close time; rows and total. */
    void problems(Connection c, StatsQuery q, StatsTable t) throws SQLException {
        try (PreparedStatement ps = named("stats/problems.sql", q).prepare(c, args(q))) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String cell = rs.getString("cell");
                    double m = rs.getDouble("median_close_hours");
                    Double median = rs.wasNull() ? null : m;
                    if (cell == null) { // the empty grouping set: the total's counts are added up from the rows
                        t.total().medianCloseHours(median);
                    } else {
                        t.row(cell).problems(rs.getInt("open"), rs.getInt("overdue"), rs.getInt("found"),
                                rs.getInt("closed"), rs.getInt("closed_unfixed"), median);
                    }
                }
            }
        }
    }

    /** The period and root of {@code q} as the named parameters :s, :t and :prefix. */
    private static Map<String, Object> args(StatsQuery q) {
        Map<String, Object> m = new HashMap<>();
        m.put("s", q.period().start());
        m.put("t", q.period().end());
        m.put("prefix", q.prefixPattern());
        return m;
    }

    private static NamedSql named(String resource, StatsQuery q) {
        return NamedSql.of(level(SqlResources.load(resource), q));
    }

    private static String level(String sql, StatsQuery q) {
        return sql.replace("{lvl}", column(q.level()));
    }
}
