package cn.gridwatch.grid;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads grid cells. Every method takes the caller's {@link Connection}, so services decide the
 * transaction. A {@code date} of {@code null} means the current versions ({@code valid_to is null});
 * otherwise the versions valid on that date ({@code valid_from <= date < valid_to}). Geometries are
 * EPSG:4490, x = longitude. Stateless and thread-safe; connections are not.
 */
public final class GridRepository {

    /** The version of {@code code} valid on {@code date}; ADMIN first when several kinds share the code. */
    public Optional<GridCell> find(Connection c, String code, GridKind kind, LocalDate date) throws SQLException {
        String sql = "select " + GridRows.CELL_COLUMNS + " from grid_cell where code = ? and "
                + GridRows.validOn(date) + (kind == null ? "" : " and kind = ?")
                + " order by (kind = 'admin') desc, kind limit 1";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, code);
            int i = GridRows.bindValidOn(ps, 2, date);
            if (kind != null) {
                ps.setString(i, kind.id());
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(GridRows.cell(rs)) : Optional.empty();
            }
        }
    }

    /** Cells whose parent code is {@code parentCode}, valid on {@code date}, ordered by code. */
    public List<GridCellRef> children(Connection c, String parentCode, LocalDate date) throws SQLException {
        String sql = "select code, name, level, kind from grid_cell where parent_code = ? and "
                + GridRows.validOn(date) + " order by code, kind";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parentCode);
            GridRows.bindValidOn(ps, 2, date);
            return refs(ps);
        }
    }

    /** One page of cells matching {@code q}, ordered by code and kind. */
    public List<GridCell> list(Connection c, GridListQuery q) throws SQLException {
        StringBuilder sql = new StringBuilder("select " + GridRows.CELL_COLUMNS + " from grid_cell where ")
                .append(GridRows.validOn(q.date()));
        if (q.level() != null) {
            sql.append(" and level = ?");
        }
        if (q.parentCode() != null) {
            sql.append(" and parent_code = ?");
        }
        if (q.kind() != null) {
            sql.append(" and kind = ?");
        }
        if (q.bbox() != null) {
            sql.append(" and geom && ST_MakeEnvelope(?, ?, ?, ?, 4490)");
        }
        if (q.codePrefix() != null) {
            sql.append(" and code like ?"); // digits only (checked by GridListQuery): no LIKE wildcards
        }
        if (q.search() != null) {
            // digits: a code prefix (no wildcards possible); text: a name containing it, wildcards escaped
            sql.append(q.searchesCode() ? " and code like ?" : " and name ilike ? escape '\\'");
        }
        sql.append(q.search() == null ? " order by code, kind" : " order by level, code, kind");
        sql.append(" limit ? offset ?");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = GridRows.bindValidOn(ps, 1, q.date());
            if (q.level() != null) {
                ps.setInt(i++, q.level().rank());
            }
            if (q.parentCode() != null) {
                ps.setString(i++, q.parentCode());
            }
            if (q.kind() != null) {
                ps.setString(i++, q.kind().id());
            }
            if (q.bbox() != null) {
                ps.setDouble(i++, q.bbox().getMinX());
                ps.setDouble(i++, q.bbox().getMinY());
                ps.setDouble(i++, q.bbox().getMaxX());
                ps.setDouble(i++, q.bbox().getMaxY());
            }
            if (q.codePrefix() != null) {
                ps.setString(i++, q.codePrefix() + "%");
            }
            if (q.search() != null) {
                ps.setString(i++, q.searchesCode() ? q.search() + "%" : "%" + likeLiteral(q.search()) + "%");
            }
            ps.setInt(i++, q.limit());
            ps.setInt(i, q.offset());
            List<GridCell> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(GridRows.cell(rs));
                }
            }
            return out;
        }
    }

    /** Every version of {@code code} (all kinds), oldest first. */
    public List<GridCell> history(Connection c, String code) throws SQLException {
        String sql = "select " + GridRows.CELL_COLUMNS + " from grid_cell where code = ? order by kind, valid_from";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, code);
            List<GridCell> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(GridRows.cell(rs));
                }
            }
            return out;
        }
    }

    /**
     * Streams all cells valid on {@code date} (current when null) to {@code sink}, ordered by level
     * and code. Uses a server-side cursor, so call it with autocommit off to keep memory flat.
     */
    public void snapshot(Connection c, LocalDate date, Consumer<GridCell> sink) throws SQLException {
        String sql = "select " + GridRows.CELL_COLUMNS + " from grid_cell where " + GridRows.validOn(date)
                + " order by level, code, kind";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(2_000);
            GridRows.bindValidOn(ps, 1, date);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(GridRows.cell(rs));
                }
            }
        }
    }

    /**
     * Per level, the ADMIN cell valid on {@code date} that covers the point ({@code ST_Covers}, so
     * boundary points count); ties go to the smallest code. Ordered city first.
     */
    public List<GridCellRef> locate(Connection c, double lon, double lat, LocalDate date) throws SQLException {
        String sql = "select distinct on (level) code, name, level, kind from grid_cell"
                + " where kind = 'admin' and " + GridRows.validOn(date)
                + " and ST_Covers(geom, ST_SetSRID(ST_MakePoint(?, ?), 4490)) order by level, code";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = GridRows.bindValidOn(ps, 1, date);
            ps.setDouble(i, lon);
            ps.setDouble(i + 1, lat);
            return refs(ps);
        }
    }

    /** The grid version counter, bumped by every committed change. */
    public long currentVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select version from grid_version")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** {@code text} with LIKE's wildcards and the backslash taken literally (for {@code escape '\'}). */
    static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static List<GridCellRef> refs(PreparedStatement ps) throws SQLException {
        List<GridCellRef> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(GridRows.ref(rs));
            }
        }
        return out;
    }
}
