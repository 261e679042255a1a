package cn.gridwatch.dispatch;

import cn.gridwatch.register.GridCells;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Read-only lookup of air stations in the monitoring-point register (current versions of the air
 * types). Takes the caller's connection. Stateless and thread-safe.
 */
final class StationRepository {
    static final String AIR_TYPES = "('national_air', 'provincial_air', 'township_air', 'micro_air', 'composition')";

    /** The current air stations among {@code codes}, by code. */
    Map<String, Station> find(Connection c, Collection<String> codes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select code, name, ST_X(geom), ST_Y(geom), city_code,"
                + " county_code, township_code, village_code from monitoring_point"
                + " where valid_to is null and type in " + AIR_TYPES + " and code = any(?)")) {
            ps.setArray(1, c.createArrayOf("text", codes.toArray()));
            Map<String, Station> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Station(rs.getString(1), rs.getString(2), rs.getDouble(3),
                            rs.getDouble(4), new GridCells(rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8))));
                }
            }
            return out;
        }
    }
}
