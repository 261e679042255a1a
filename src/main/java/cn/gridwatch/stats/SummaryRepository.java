package cn.gridwatch.stats;

import cn.gridwatch.grid.AdminCode;
import cn.gridwatch.grid.GridCell;
import cn.gridwatch.grid.GridKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The queries behind {@link GridSummary}, for one cell. Rows of an admin cell are found by the
 * level's code column (12-digit or short form); rows of a park or key grid by whether its current
 * polygon covers them. Stateless and thread-safe; works on the caller's connection.
 */
final class SummaryRepository {

    /** Grid chiefs (index 0) and officers (index 1) on duty on {@code day}. */
    List<List<GridSummary.Person>> duties(Connection c, GridCell cell, LocalDate day) throws SQLException {
        List<GridSummary.Person> chiefs = new ArrayList<>();
        List<GridSummary.Person> officers = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select duty, person_name, phone, valid_from from grid_duty
                 where grid_code in (?, ?) and valid_from <= ? and (valid_to is null or valid_to > ?)
                 order by valid_from, person_name, id""")) {
            ps.setString(1, cell.code());
            ps.setString(2, shortCode(cell));
            ps.setObject(3, day);
            ps.setObject(4, day);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    GridSummary.Person p = new GridSummary.Person(rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class));
                    ("grid_chief".equals(rs.getString(1)) ? chiefs : officers).add(p);
                }
            }
        }
        return List.of(chiefs, officers);
    }

    GridSummary.Count sources(Connection c, GridCell cell) throws SQLException {
        return grouped(c, cell, "select inspection_class, count(*) from pollution_source where status = 'active' and "
                + filter(cell) + " group by 1", Vocabulary.SOURCE_CLASSES);
    }

    GridSummary.Count stations(Connection c, GridCell cell) throws SQLException {
        return grouped(c, cell, "select type, count(*) from monitoring_point where valid_to is null and status = 'active'"
                + " and " + filter(cell) + " group by 1", Vocabulary.STATION_TYPES);
    }

    int complaintsSince(Connection c, GridCell cell, OffsetDateTime since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from complaint where received_at >= ? and "
                + filter(cell))) {
            ps.setObject(1, since);
            bindFilter(ps, 2, cell);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Problems not closed now, and of those the ones whose deadline is before {@code now}. */
    int[] openAndOverdue(Connection c, GridCell cell, OffsetDateTime now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select count(*), count(*) filter (where deadline < ?) from problem
                 where closed_at is null and\s""" + filter(cell))) {
            ps.setObject(1, now);
            bindFilter(ps, 2, cell);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new int[] {rs.getInt(1), rs.getInt(2)};
            }
        }
    }

    private GridSummary.Count grouped(Connection c, GridCell cell, String sql, List<String> keys) throws SQLException {
        Map<String, Integer> by = new LinkedHashMap<>();
        keys.forEach(k -> by.put(k, 0));
        int total = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindFilter(ps, 1, cell);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    by.merge(rs.getString(1), rs.getInt(2), Integer::sum);
                    total += rs.getInt(2);
                }
            }
        }
        return new GridSummary.Count(total, Collections.unmodifiableMap(by));
    }

    /** The condition selecting the cell's rows; its parameters are bound by {@link #bindFilter}. */
    private static String filter(GridCell cell) {
        if (cell.kind() == GridKind.ADMIN) {
            return StatsRepository.column(cell.level()) + " in (?, ?)";
        }
        return "ST_Covers((select geom from grid_cell where id = ?), geom)";
    }

    private static void bindFilter(PreparedStatement ps, int first, GridCell cell) throws SQLException {
        if (cell.kind() == GridKind.ADMIN) {
            ps.setString(first, cell.code());
            ps.setString(first + 1, shortCode(cell));
        } else {
            ps.setLong(first, cell.id());
        }
    }

    private static String shortCode(GridCell cell) {
        return cell.kind() == GridKind.ADMIN ? AdminCode.shortForm(cell.code()) : cell.code();
    }
}
