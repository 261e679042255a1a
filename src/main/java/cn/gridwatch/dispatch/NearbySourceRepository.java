package cn.gridwatch.dispatch;

import cn.gridwatch.register.GridCells;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds active pollution sources within a geodesic radius of air stations, in one query for many
 * stations. The box test on the geometry column ({@code &&} with {@code ST_Expand} by the radius in
 * degrees, widened 1 %) lets the GiST index work; {@code ST_DWithin} on geography then keeps the
 * exact radius on the CGCS2000/WGS84 ellipsoid, and distance and azimuth are geodesic too. Only ids
 * and numbers travel for every pair; {@link #describe} fetches the details of the few sources that
 * get a task. Read-only; takes the caller's connection. Stateless and thread-safe.
 */
final class NearbySourceRepository {
    private static final String SQL = """
            select m.code, s.id, ST_Distance(s.geom::geography, m.geom::geography),
                   degrees(ST_Azimuth(m.geom::geography, s.geom::geography))
              from monitoring_point m
              join pollution_source s
                on s.geom && ST_Expand(m.geom, ? * 1.01 / (111320 * cos(radians(ST_Y(m.geom)))), ? * 1.01 / 110574.0)
               and ST_DWithin(s.geom::geography, m.geom::geography, ?)
             where m.valid_to is null and m.type in %s and m.code = any(?) and s.status = 'active'
             order by m.code
            """.formatted(StationRepository.AIR_TYPES);

    /** The sources around each of {@code stationCodes} within {@code radiusM} metres, by station code. */
    Map<String, Neighbours> around(Connection c, Collection<String> stationCodes, double radiusM) throws SQLException {
        Map<String, Neighbours> out = new HashMap<>();
        if (stationCodes.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setDouble(1, radiusM);
            ps.setDouble(2, radiusM);
            ps.setDouble(3, radiusM);
            ps.setArray(4, c.createArrayOf("text", stationCodes.toArray()));
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                Builder b = null;
                while (rs.next()) {
                    String station = rs.getString(1);
                    if (b == null || !b.station.equals(station)) {
                        if (b != null) {
                            out.put(b.station, b.build());
                        }
                        b = new Builder(station);
                    }
                    double bearing = rs.getDouble(4);
                    b.add(rs.getLong(2), rs.getDouble(3), rs.wasNull() ? Double.NaN : bearing);
                }
                if (b != null) {
                    out.put(b.station, b.build());
                }
            }
        }
        return out;
    }

    /** Code, name, category, point and cells of {@code ids}, by id. */
    Map<Long, SourceInfo> describe(Connection c, Collection<Long> ids) throws SQLException {
        Map<Long, SourceInfo> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select id, code, name, category, ST_X(geom), ST_Y(geom), city_code, county_code, township_code,
                       village_code from pollution_source where id = any(?)""")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new SourceInfo(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getDouble(5), rs.getDouble(6), new GridCells(rs.getString(7),
                            rs.getString(8), rs.getString(9), rs.getString(10))));
                }
            }
        }
        return out;
    }

    /** Collects one station's rows into arrays. */
    private static final class Builder {
        final String station;
        long[] ids = new long[64];
        double[] distance = new double[64];
        double[] bearing = new double[64];
        int n;

        Builder(String station) {
            this.station = station;
        }

        void add(long id, double d, double b) {
            if (n == ids.length) {
                ids = Arrays.copyOf(ids, n * 2);
                distance = Arrays.copyOf(distance, n * 2);
                bearing = Arrays.copyOf(bearing, n * 2);
            }
            ids[n] = id;
            distance[n] = d;
            bearing[n] = b;
            n++;
        }

        Neighbours build() {
            return new Neighbours(Arrays.copyOf(ids, n), Arrays.copyOf(distance, n),
                    Arrays.copyOf(bearing, n));
        }
    }
}
