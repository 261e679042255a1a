package cn.gridwatch.register;

import cn.gridwatch.grid.GridLocateService;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The locate snapshot that matches the database's grid version, read under the register lock: when
 * this instance has not heard of a grid change yet, it rebuilds its index first, so a register write
 * never assigns cells from a grid older than the one re-assignment has already applied. Thread-safe.
 */
final class CurrentGrid {
    private CurrentGrid() {
    }

    static GridLocateService.Snapshot snapshot(Connection c, GridLocateService locate) throws SQLException {
        long version;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select version from grid_version")) {
            rs.next();
            version = rs.getLong(1);
        }
        GridLocateService.Snapshot s = locate.snapshot();
        return s.version() == version ? s : locate.refresh();
    }
}
