package cn.gridwatch.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;

/**
 * The history of which cells a located row was in ({@code grid_assignment}). Every write of a located
 * row calls {@link #record}: when the cells differ from the current assignment, the current one is
 * closed and a new one opened; when they are the same nothing is written. Works inside the caller's
 * transaction. Stateless and thread-safe.
 */
public final class GridAssignments {
    /** The located tables, as allowed by the {@code grid_assignment.entity_type} check. */
    public static final Set<String> ENTITY_TYPES = Set.of("monitoring_point", "pollution_source", "complaint",
            "patrol_record", "problem");

    private GridAssignments() {
    }

    /**
     * Records that {@code entityType}/{@code entityId} now lies in {@code cells} under grid version
     * {@code gridVersion}. @return true when a new assignment row was written
     */
    public static boolean record(Connection c, String entityType, long entityId, GridCells cells, long gridVersion)
            throws SQLException {
        if (!ENTITY_TYPES.contains(entityType)) {
            throw new IllegalArgumentException("entity type must be one of " + ENTITY_TYPES + ", but was: " + entityType);
        }
        try (PreparedStatement same = c.prepareStatement("""
                select 1 from grid_assignment where entity_type = ? and entity_id = ? and valid_to is null
                   and city_code is not distinct from ? and county_code is not distinct from ?
                   and township_code is not distinct from ? and village_code is not distinct from ?""")) {
            same.setString(1, entityType);
            same.setLong(2, entityId);
            bindCells(same, 3, cells);
            if (same.executeQuery().next()) {
                return false;
            }
        }
        try (PreparedStatement close = c.prepareStatement("""
                update grid_assignment set valid_to = now()
                 where entity_type = ? and entity_id = ? and valid_to is null""")) {
            close.setString(1, entityType);
            close.setLong(2, entityId);
            close.executeUpdate();
        }
        try (PreparedStatement open = c.prepareStatement("""
                insert into grid_assignment (entity_type, entity_id, city_code, county_code, township_code,
                                             village_code, grid_version)
                values (?, ?, ?, ?, ?, ?, ?)""")) {
            open.setString(1, entityType);
            open.setLong(2, entityId);
            bindCells(open, 3, cells);
            open.setLong(7, gridVersion);
            open.executeUpdate();
        }
        return true;
    }

    /** Binds the four codes at {@code first} .. {@code first + 3}. */
    public static void bindCells(PreparedStatement ps, int first, GridCells cells) throws SQLException {
        ps.setString(first, cells.city());
        ps.setString(first + 1, cells.county());
        ps.setString(first + 2, cells.township());
        ps.setString(first + 3, cells.village());
    }
}
