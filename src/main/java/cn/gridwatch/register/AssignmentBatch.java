package cn.gridwatch.register;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * {@link GridAssignments#record} for many rows at once, for bulk imports and re-assignment: the same
 * rule (a row whose cells differ from its current assignment gets that one closed and a new one
 * opened; the same cells write nothing; a row without one gets one) in two set-based statements over
 * {@code unnest}ed arrays instead of three statements per row. Also rewrites the cell columns of a
 * located table in one statement. Works inside the caller's transaction. Stateless and thread-safe.
 */
public final class AssignmentBatch {
    private static final String INPUT = "unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[])"
            + " as u(id, city, county, township, village)";

    private AssignmentBatch() {
    }

    /**
     * Records that rows {@code ids} of {@code entityType} now lie in {@code cells} (same order).
     * @return how many new assignment rows were written
     */
    public static int record(Connection c, String entityType, List<Long> ids, List<GridCells> cells, long gridVersion)
            throws SQLException {
        checkType(entityType);
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement close = c.prepareStatement("update grid_assignment g set valid_to = now() from " + INPUT
                + " where g.entity_type = ? and g.entity_id = u.id and g.valid_to is null"
                + " and (g.city_code is distinct from u.city or g.county_code is distinct from u.county"
                + " or g.township_code is distinct from u.township or g.village_code is distinct from u.village)")) {
            bindInput(c, close, ids, cells);
            close.setString(6, entityType);
            close.executeUpdate();
        }
        try (PreparedStatement open = c.prepareStatement("insert into grid_assignment (entity_type, entity_id,"
                + " city_code, county_code, township_code, village_code, grid_version)"
                + " select ?, u.id, u.city, u.county, u.township, u.village, ? from " + INPUT
                + " where not exists (select 1 from grid_assignment g where g.entity_type = ? and g.entity_id = u.id"
                + " and g.valid_to is null)")) {
            open.setString(1, entityType);
            open.setLong(2, gridVersion);
            bindInput(c, open, 3, ids, cells);
            open.setString(8, entityType);
            return open.executeUpdate();
        }
    }

    /** Closes the current assignment of rows that stopped being current (a closed version). */
    public static void closeCurrent(Connection c, String entityType, List<Long> ids) throws SQLException {
        checkType(entityType);
        try (PreparedStatement ps = c.prepareStatement("update grid_assignment set valid_to = now()"
                + " where entity_type = ? and entity_id = any(?) and valid_to is null")) {
            ps.setString(1, entityType);
            ps.setArray(2, c.createArrayOf("bigint", ids.toArray()));
            ps.executeUpdate();
        }
    }

    /** Sets the four cell columns of rows {@code ids} of the located table {@code table}. */
    public static void updateCells(Connection c, String table, List<Long> ids, List<GridCells> cells) throws SQLException {
        checkType(table);
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("update " + table + " t set city_code = u.city,"
                + " county_code = u.county, township_code = u.township, village_code = u.village from " + INPUT
                + " where t.id = u.id")) {
            bindInput(c, ps, ids, cells);
            ps.executeUpdate();
        }
    }

    private static void checkType(String entityType) {
        if (!GridAssignments.ENTITY_TYPES.contains(entityType)) {
            throw new IllegalArgumentException("entity type must be one of " + GridAssignments.ENTITY_TYPES
                    + ", but was: " + entityType);
        }
    }

    private static void bindInput(Connection c, PreparedStatement ps, List<Long> ids, List<GridCells> cells)
            throws SQLException {
        bindInput(c, ps, 1, ids, cells);
    }

    private static void bindInput(Connection c, PreparedStatement ps, int first, List<Long> ids, List<GridCells> cells)
            throws SQLException {
        int n = ids.size();
        String[][] codes = new String[4][n];
        for (int i = 0; i < n; i++) {
            GridCells g = cells.get(i);
            codes[0][i] = g.city();
            codes[1][i] = g.county();
            codes[2][i] = g.township();
            codes[3][i] = g.village();
        }
        ps.setArray(first, c.createArrayOf("bigint", ids.toArray()));
        for (int l = 0; l < 4; l++) {
            Array a = c.createArrayOf("varchar", codes[l]);
            ps.setArray(first + 1 + l, a);
        }
    }
}
