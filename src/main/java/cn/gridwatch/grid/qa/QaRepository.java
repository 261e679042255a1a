package cn.gridwatch.grid.qa;

import cn.gridwatch.db.GeometryCodec;
import cn.gridwatch.grid.AdminCode;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.SqlResources;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the QA checks ({@code sql/grid/qa_*.sql}) on the caller's connection, inside one transaction:
 * {@link #prepareScope} copies the cells to check into a temp table dropped at commit, the other
 * methods read it (overlap candidates are found in memory by {@link InteriorPairs} and only measured in
 * SQL). Areas are geodesic m² ({@code ST_Area(geom::geography)} on the CGCS2000
 * ellipsoid). Stateless and thread-safe; connections are not.
 */
final class QaRepository {

    /** Creates and indexes {@code qa_cell}; returns how many cells it holds. */
    int prepareScope(Connection c, QaRequest q) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SqlResources.load("grid/qa_scope.sql"))) {
            ps.setString(1, q.codePrefix() + "%");
            bindDate(ps, 2, q.date());
            ps.execute();
        }
        try (Statement st = c.createStatement()) {
            st.execute("create index on qa_cell using gist (fixed)");
            st.execute("create index on qa_cell (code)");
            st.execute("create index on qa_cell (parent_code)");
            st.execute("analyze qa_cell");
            try (ResultSet rs = st.executeQuery("select count(*) from qa_cell")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Runs {@code qa_flags.sql}: children's unions and the loose flag the parent checks use. */
    void prepareFlags(Connection c) throws SQLException {
        String[] statements = SqlResources.load("grid/qa_flags.sql").split(";\\s*\n");
        for (String sql : statements) {
            if (sql.replaceAll("(?m)^\\s*--.*$", "").isBlank()) {
                continue;
            }
            try (Statement st = c.createStatement()) {
                st.execute(sql);
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("analyze qa_cell");
        }
    }

    void invalid(Connection c, List<QaFinding> out) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SqlResources.load("grid/qa_invalid.sql"));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new QaFinding(QaFinding.INVALID_GEOMETRY, rs.getString("code"), rs.getString("name"), null,
                        rs.getDouble("area_before"), String.format(Locale.ROOT,
                        "%s; repair: ST_MakeValid gives %s, polygonal area %.1f m² -> %.1f m²",
                        rs.getString("reason"), rs.getString("made_type"), rs.getDouble("area_before"),
                        rs.getDouble("area_after")), rs.getString("point")));
            }
        }
    }

    /**
     * Overlaps between cells of the same level: the pairs whose interiors intersect are found in
     * memory ({@link InteriorPairs}, one level at a time), their shared area is measured here.
     */
    void overlaps(Connection c, double tolerance, List<QaFinding> out) throws SQLException {
        for (GridLevel level : GridLevel.values()) {
            List<InteriorPairs.Pair> pairs = InteriorPairs.of(cellsOf(c, level));
            if (!pairs.isEmpty()) {
                measureOverlaps(c, pairs, tolerance, out);
            }
        }
    }

    private static List<InteriorPairs.Cell> cellsOf(Connection c, GridLevel level) throws SQLException {
        List<InteriorPairs.Cell> cells = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select id, code, ST_AsBinary(fixed) from qa_cell where level = ? and not ST_IsEmpty(fixed)")) {
            ps.setInt(1, level.rank());
            ps.setFetchSize(2000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cells.add(new InteriorPairs.Cell(rs.getLong(1), rs.getString(2),
                            GeometryCodec.fromWkb(rs.getBytes(3))));
                }
            }
        }
        return cells;
    }

    private static void measureOverlaps(Connection c, List<InteriorPairs.Pair> pairs, double tolerance,
            List<QaFinding> out) throws SQLException {
        Long[] first = pairs.stream().map(p -> p.a().id()).toArray(Long[]::new);
        Long[] second = pairs.stream().map(p -> p.b().id()).toArray(Long[]::new);
        try (PreparedStatement ps = c.prepareStatement(SqlResources.load("grid/qa_overlaps.sql"))) {
            ps.setArray(1, c.createArrayOf("bigint", first));
            ps.setArray(2, c.createArrayOf("bigint", second));
            ps.setDouble(3, tolerance);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new QaFinding(QaFinding.OVERLAP, rs.getString("code"), rs.getString("name"),
                            rs.getString("other"), rs.getDouble("area"), String.format(Locale.ROOT,
                            "%s and %s overlap by %.1f m²", rs.getString("code"), rs.getString("other"),
                            rs.getDouble("area")), rs.getString("point")));
                }
            }
        }
    }

    void gaps(Connection c, double tolerance, List<QaFinding> out) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SqlResources.load("grid/qa_gaps.sql"))) {
            ps.setDouble(1, tolerance);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new QaFinding(QaFinding.COVERAGE_GAP, rs.getString("code"), rs.getString("name"), null,
                            rs.getDouble("area"), String.format(Locale.ROOT,
                            "%.1f m² of %s (in %d part(s)) is not covered by its children", rs.getDouble("area"),
                            rs.getString("code"), rs.getInt("parts")), rs.getString("point")));
                }
            }
        }
    }

    /** child_outside_parent (outside area above tolerance) and parent_mismatch (majority parent differs). */
    void parents(Connection c, double tolerance, List<QaFinding> out) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SqlResources.load("grid/qa_parents.sql"));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String code = rs.getString("code");
                String parent = rs.getString("parent_code");
                double outside = rs.getDouble("outside_area");
                if (outside > tolerance) {
                    out.add(new QaFinding(QaFinding.CHILD_OUTSIDE_PARENT, code, rs.getString("name"), parent, outside,
                            String.format(Locale.ROOT, "%.1f m² of %s (%.1f%%) lies outside its parent %s", outside,
                                    code, 100 * outside / rs.getDouble("child_area"), parent), rs.getString("point")));
                }
                String best = rs.getString("best_code");
                if (best != null && !best.equals(parent)) {
                    out.add(new QaFinding(QaFinding.PARENT_MISMATCH, code, rs.getString("name"), best,
                            rs.getDouble("best_share"), String.format(Locale.ROOT,
                            "code says parent %s, but most of its area (%.1f m²) lies in %s %s", parent,
                            rs.getDouble("best_share"), best, rs.getString("best_name")), null));
                }
            }
        }
    }

    void missingParents(Connection c, LocalDate date, List<QaFinding> out) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SqlResources.load("grid/qa_missing_parents.sql"))) {
            bindDate(ps, 1, date);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new QaFinding(QaFinding.MISSING_PARENT, rs.getString("code"), rs.getString("name"),
                            rs.getString("parent_code"), null, "parent " + rs.getString("parent_code")
                            + " named by the code is not stored", null));
                }
            }
        }
    }

    /** malformed_code (not a 12-digit code, level or parent not what the code says) and duplicate_code. */
    void codes(Connection c, List<QaFinding> out) throws SQLException {
        String sql = "select code, name, level, parent_code, count(*) over (partition by code) as n"
                + " from qa_cell order by code";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            String lastDuplicate = null;
            while (rs.next()) {
                String code = rs.getString("code");
                String name = rs.getString("name");
                if (rs.getInt("n") > 1 && !code.equals(lastDuplicate)) {
                    lastDuplicate = code;
                    out.add(new QaFinding(QaFinding.DUPLICATE_CODE, code, name, null, null,
                            rs.getInt("n") + " admin cells claim code " + code, null));
                }
                String problem = codeProblem(code, GridLevel.ofRank(rs.getInt("level")), rs.getString("parent_code"));
                if (problem != null) {
                    out.add(new QaFinding(QaFinding.MALFORMED_CODE, code, name, null, null, problem, null));
                }
            }
        }
    }

    static String codeProblem(String code, GridLevel level, String parent) {
        String normal;
        try {
            normal = AdminCode.normalize(code);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (!normal.equals(code)) {
            return "code '" + code + "' is not in its 12-digit form " + normal;
        }
        if (AdminCode.levelOf(code) != level) {
            return "code " + code + " denotes a " + AdminCode.levelOf(code).id() + " but the cell is a " + level.id();
        }
        String expected = AdminCode.parentOf(code);
        if (expected != null && !expected.equals(parent)) {
            return "stored parent " + parent + " differs from the code's parent " + expected;
        }
        return null;
    }

    private static void bindDate(PreparedStatement ps, int from, LocalDate date) throws SQLException {
        for (int i = 0; i < 3; i++) {
            if (date == null) {
                ps.setNull(from + i, Types.DATE);
            } else {
                ps.setDate(from + i, Date.valueOf(date));
            }
        }
    }
}
