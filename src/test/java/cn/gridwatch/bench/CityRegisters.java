package cn.gridwatch.bench;

import cn.gridwatch.db.Database;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.locate.GridIndex;
import cn.gridwatch.grid.locate.GridLocation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * City-scale register rows for the problem-work benchmark, written with plain batched SQL into a
 * database that already holds a grid: sources, air stations, duties (two officers and a chief per
 * village) and problems with a realistic status mix, all at random points inside the grid (points
 * the index places in no village are drawn again), each with its four cell codes. Deterministic per
 * seed. EPSG:4490. Not thread-safe.
 */
final class CityRegisters {
    private static final String[] STATUSES = {"found", "assigned", "rectifying", "verified", "closed", "closed_unfixed"};
    private static final double[] STATUS_SHARE = {0.15, 0.15, 0.20, 0.10, 0.35, 0.05};
    private final Database db;
    private final GridIndex index;
    private final Random random;
    private final double[] box;
    final Set<String> villages = new LinkedHashSet<>();
    final Set<String> townships = new LinkedHashSet<>();
    final Set<String> counties = new LinkedHashSet<>();

    /** @param box minLon, minLat, maxLon, maxLat of the grid */
    CityRegisters(Database db, GridIndex index, long seed, double[] box) {
        this.db = db;
        this.index = index;
        this.random = new Random(seed);
        this.box = box;
    }

    /** A random point inside a village, with its location. */
    private record Placed(double lon, double lat, GridLocation loc) {
    }

    private Placed point() {
        while (true) {
            double lon = box[0] + random.nextDouble() * (box[2] - box[0]);
            double lat = box[1] + random.nextDouble() * (box[3] - box[1]);
            GridLocation loc = index.locate(lon, lat);
            if (loc.village() != null) {
                villages.add(loc.codeAt(GridLevel.VILLAGE));
                townships.add(loc.codeAt(GridLevel.TOWNSHIP));
                counties.add(loc.codeAt(GridLevel.COUNTY));
                return new Placed(lon, lat, loc);
            }
        }
    }

    void sources(int n) {
        batch("insert into pollution_source (code, name, category, geom, city_code, county_code, township_code,"
                + " village_code) values (?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4490), ?, ?, ?, ?)", n, (ps, i) -> {
                    Placed p = point();
                    ps.setString(1, String.format("91432000BENCH%05d", i));
                    ps.setString(2, "企业" + i);
                    ps.setString(3, i % 5 == 0 ? "restaurant" : i % 7 == 0 ? "construction_site" : "enterprise");
                    ps.setDouble(4, p.lon);
                    ps.setDouble(5, p.lat);
                    cells(ps, 6, p.loc);
                });
    }

    /** Stations coded {@code B0001 ..}; returns their codes. */
    List<String> stations(int n) {
        List<String> codes = new ArrayList<>();
        batch("insert into monitoring_point (code, name, type, valid_from, geom, city_code, county_code, township_code,"
                + " village_code) values (?, ?, ?, date '2024-01-01', ST_SetSRID(ST_MakePoint(?, ?), 4490), ?, ?, ?, ?)",
                n, (ps, i) -> {
                    Placed p = point();
                    String code = String.format("B%04d", i);
                    codes.add(code);
                    ps.setString(1, code);
                    ps.setString(2, "微站" + i);
                    ps.setString(3, i < 20 ? "national_air" : "micro_air");
                    ps.setDouble(4, p.lon);
                    ps.setDouble(5, p.lat);
                    cells(ps, 6, p.loc);
                });
        return codes;
    }

    void duties() {
        List<String> v = new ArrayList<>(villages);
        batch("insert into grid_duty (grid_code, duty, person_name, phone, valid_from) values (?, ?, ?, ?, date '2024-01-01')",
                v.size() * 3, (ps, i) -> {
                    ps.setString(1, v.get(i / 3));
                    ps.setString(2, i % 3 == 2 ? "grid_chief" : "grid_officer");
                    ps.setString(3, "网格员" + i);
                    ps.setString(4, "139" + String.format("%08d", i));
                });
    }

    /** Problems found over the year before {@code now}, deadline 15 days after found. */
    void problems(int n, Instant now) {
        batch("insert into problem (code, title, origin, status, found_at, deadline, assignee, closed_at, close_reason,"
                + " created_by, geom, city_code, county_code, township_code, village_code) values (?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, 'bench', ST_SetSRID(ST_MakePoint(?, ?), 4490), ?, ?, ?, ?)", n, (ps, i) -> {
                    Placed p = point();
                    String status = status();
                    OffsetDateTime found = OffsetDateTime.ofInstant(now.minus(Duration.ofMinutes(random.nextInt(525_600))),
                            ZoneOffset.UTC);
                    boolean closed = status.startsWith("closed");
                    ps.setString(1, String.format("PB-%06d", i));
                    ps.setString(2, "问题" + i);
                    ps.setString(3, new String[] {"patrol", "complaint", "meter_alert", "station_dispatch"}[i % 4]);
                    ps.setString(4, status);
                    ps.setObject(5, found);
                    ps.setObject(6, found.plusDays(15));
                    ps.setString(7, status.equals("found") ? null : "网格员" + (i % 100));
                    ps.setObject(8, closed ? found.plusDays(10) : null);
                    ps.setString(9, status.equals("closed_unfixed") ? "企业已关停" : null);
                    ps.setDouble(10, p.lon);
                    ps.setDouble(11, p.lat);
                    cells(ps, 12, p.loc);
                });
    }

    private String status() {
        double r = random.nextDouble();
        for (int i = 0; i < STATUSES.length; i++) {
            r -= STATUS_SHARE[i];
            if (r < 0) {
                return STATUSES[i];
            }
        }
        return STATUSES[STATUSES.length - 1];
    }

    void analyze() {
        db.withConnection("analyze", c -> {
            try (Statement st = c.createStatement()) {
                st.execute("analyze");
            }
            return null;
        });
    }

    private static void cells(PreparedStatement ps, int first, GridLocation loc) throws SQLException {
        ps.setString(first, loc.codeAt(GridLevel.CITY));
        ps.setString(first + 1, loc.codeAt(GridLevel.COUNTY));
        ps.setString(first + 2, loc.codeAt(GridLevel.TOWNSHIP));
        ps.setString(first + 3, loc.codeAt(GridLevel.VILLAGE));
    }

    private interface Row {
        void bind(PreparedStatement ps, int i) throws SQLException;
    }

    private void batch(String sql, int n, Row row) {
        db.inTransaction("bench data", (Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < n; i++) {
                    row.bind(ps, i);
                    ps.addBatch();
                    if (i % 1000 == 999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            return null;
        });
    }
}
