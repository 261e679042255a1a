package cn.gridwatch;

import cn.gridwatch.register.GridCells;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Plain-SQL register rows for tests of problems, dispatch and meter alerts (the register importers
 * are another feature): sources, air stations, duties, meters. Located rows get their cells from the
 * server's own locate, so they agree with what the services compute. Points in EPSG:4490.
 */
public final class WorkFixtures {
    private final TestServer server;

    public WorkFixtures(TestServer server) {
        this.server = server;
    }

    public GridCells cells(double lon, double lat) {
        return GridCells.of(server.services().locate().locate(lon, lat, null, null));
    }

    /** Inserts an active source and returns its id. */
    public long source(String code, String name, double lon, double lat) {
        return insertLocated("insert into pollution_source (code, name, category, geom, city_code, county_code,"
                + " township_code, village_code) values (?, ?, 'enterprise', ST_SetSRID(ST_MakePoint(?, ?), 4490),"
                + " ?, ?, ?, ?) returning id", code, name, lon, lat);
    }

    /** Inserts a current national air station. */
    public long station(String code, String name, double lon, double lat) {
        return insertLocated("insert into monitoring_point (code, name, type, valid_from, geom, city_code,"
                + " county_code, township_code, village_code) values (?, ?, 'national_air', date '2024-01-01',"
                + " ST_SetSRID(ST_MakePoint(?, ?), 4490), ?, ?, ?, ?) returning id", code, name, lon, lat);
    }

    /** A duty valid from 2024-01-01 on. */
    public void duty(String gridCode, String duty, String person, String phone) {
        exec("insert into grid_duty (grid_code, duty, person_name, phone, valid_from) values (?, ?, ?, ?, date '2024-01-01')",
                gridCode, duty, person, phone);
    }

    public long meter(String code, long sourceId, String role, String equipment, Double normalRatio, String pairCode) {
        return server.services().database().withConnection("fixture", c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into power_meter (code, source_id, role, equipment,"
                    + " normal_ratio, pair_code) values (?, ?, ?, ?, ?, ?) returning id")) {
                ps.setString(1, code);
                ps.setLong(2, sourceId);
                ps.setString(3, role);
                ps.setString(4, equipment);
                ps.setObject(5, normalRatio);
                ps.setString(6, pairCode);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Runs one statement with bound values. */
    public void exec(String sql, Object... values) {
        server.services().database().withConnection("fixture", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                ps.execute();
            }
            return null;
        });
    }

    /** The first column of the first row of a query, as a long (counts, ids). */
    public long scalar(String sql, Object... values) {
        return server.services().database().withConnection("fixture", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private long insertLocated(String sql, String code, String name, double lon, double lat) {
        GridCells cells = cells(lon, lat);
        return server.services().database().withConnection("fixture", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, code);
                ps.setString(2, name);
                ps.setDouble(3, lon);
                ps.setDouble(4, lat);
                ps.setString(5, cells.city());
                ps.setString(6, cells.county());
                ps.setString(7, cells.township());
                ps.setString(8, cells.village());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
