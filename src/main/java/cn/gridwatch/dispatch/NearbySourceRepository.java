package cn.gridwatch.dispatch;

import cn.gridwatch.register.GridCells;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds active pollution sources within a geodesic radius of air stations, in one query for many
 * stations. The box test on the geometry column ({@code &&} with {@code ST_Expand} by the radius in
 * degrees, widened 1 %) lets the GiST index work; {@code ST_DWithin} on geography then keeps the
 * exact radius on the CGCS2000/WGS84 ellipsoid. Read-only; takes the caller's connection.
 * Stateless and thread-safe.
 */
final class NearbySourceRepository {
    private static final String SQL = """
            select m.code, s.id, s.code, s.name, s.category, s.city_code, s.county_code, s.township_code,
                   s.village_code, ST_X(s.geom), ST_Y(s.geom),
                   ST_Distance(s.geom::geography, m.geom::geography),
                   degrees(ST_Azimuth(m.geom::geography, s.geom::geography))
              from monitoring_point m
              join pollution_source s
                on s.geom && ST_Expand(m.geom, ? * 1.01 / (111320 * cos(radians(ST_Y(m.geom)))), ? * 1.01 / 110574.0)
               and ST_DWithin(s.geom::geography, m.geom::geography, ?)
             where m.valid_to is null and m.type in %s and m.code = any(?) and s.status = 'active'
            """.formatted(StationRepository.AIR_TYPES);

    /** The sources around each of {@code stationCodes} within {@code radiusM} metres, by station code. */
    Map<String, List<NearbySource>> around(Connection c, Collection<String> stationCodes, double radiusM)
            throws SQLException {
        Map<String, List<NearbySource>> out = new HashMap<>();
        if (stationCodes.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setDouble(1, radiusM);
            ps.setDouble(2, radiusM);
            ps.setDouble(3, radiusM);
            ps.setArray(4, c.createArrayOf("text", stationCodes.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double bearing = rs.getDouble(13);
                    Double b = rs.wasNull() ? null : bearing;
                    NearbySource n = new NearbySource(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), new GridCells(rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9)), rs.getDouble(10), rs.getDouble(11), rs.getDouble(12), b);
                    out.computeIfAbsent(n.stationCode(), k -> new ArrayList<>()).add(n);
                }
            }
        }
        return out;
    }
}
