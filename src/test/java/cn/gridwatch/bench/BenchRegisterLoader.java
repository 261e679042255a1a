package cn.gridwatch.bench;

import cn.gridwatch.db.Database;
import cn.gridwatch.grid.GridKind;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.imports.GridImportService;
import cn.gridwatch.grid.imports.ImportReport;
import cn.gridwatch.grid.imports.ImportRequest;
import cn.gridwatch.grid.qa.GridQaService;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Locale;
import org.postgresql.PGConnection;

/**
 * Loads a generated city and its registers (written by {@code generate --mode demo --scale bench}) into
 * a migrated database for benchmarks: the grid through the real importer, the register CSVs with plain
 * SQL {@code COPY} into staging tables and set-based inserts that assign every point to the village
 * covering it (lowest code on shared edges, as locate does) and the village's township, county and
 * city. Not the register importers (they have their own benchmark); no {@code grid_assignment} rows.
 * One transaction for the registers. Not thread-safe.
 */
final class BenchRegisterLoader {
    private static final String[][] STAGES = {
        {"monitoring_points.csv", "s_points", "code text, name text, type text, operator text, status text, "
            + "valid_from date, lon float8, lat float8, zone_wkt text"},
        {"sources.csv", "s_sources", "code text, name text, category text, industry text, address text, "
            + "permit_no text, inspection_class text, class_reason text, status text, lon float8, lat float8"},
        {"power_meters.csv", "s_meters", "code text, source_code text, role text, equipment text, "
            + "normal_ratio numeric, pair_code text"},
        {"duties.csv", "s_duties", "grid_code text, duty text, person_name text, phone text, valid_from date"},
        {"complaints.csv", "s_complaints", "code text, received_at timestamptz, channel text, category text, "
            + "content text, address text, source_code text, lon float8, lat float8"},
        {"patrols.csv", "s_patrols", "code text, officer text, started_at timestamptz, ended_at timestamptz, "
            + "checked text, findings text, source_codes text, lon float8, lat float8"},
        {"problems.csv", "s_problems", "code text, title text, origin text, source_code text, status text, "
            + "found_at timestamptz, deadline timestamptz, closed_at timestamptz, close_reason text, "
            + "assignee text, lon float8, lat float8"},
    };

    /** The four codes of the village covering point {@code g} of the row {@code s}: a lateral join. */
    private static final String CELLS = """
            left join lateral (select code from grid_cell c
                                where c.level = 4 and c.kind = 'admin' and c.valid_to is null and ST_Covers(c.geom, s.g)
                                order by c.code limit 1) v on true""";
    private static final String CODES = "substr(v.code, 1, 4) || '00000000', substr(v.code, 1, 6) || '000000', "
            + "substr(v.code, 1, 9) || '000', v.code";

    private static final String[] INSERTS = {
        "insert into monitoring_point (code, name, type, operator, status, valid_from, geom, protection_zone, city_code,"
            + " county_code, township_code, village_code) select s.code, s.name, s.type, s.operator, s.status, "
            + "s.valid_from, s.g, ST_GeomFromText(s.zone_wkt, 4490), " + CODES
            + " from (select *, ST_SetSRID(ST_MakePoint(lon, lat), 4490) g from s_points) s " + CELLS,
        "insert into pollution_source (code, name, category, industry, address, permit_no, inspection_class, "
            + "class_reason, status, geom, city_code, county_code, township_code, village_code) select s.code, s.name,"
            + " s.category, s.industry, s.address, s.permit_no, s.inspection_class, s.class_reason, s.status, s.g, "
            + CODES + " from (select *, ST_SetSRID(ST_MakePoint(lon, lat), 4490) g from s_sources) s " + CELLS,
        "insert into power_meter (code, source_id, role, equipment, normal_ratio, pair_code) select m.code, p.id, "
            + "m.role, m.equipment, m.normal_ratio, m.pair_code from s_meters m join pollution_source p on p.code = "
            + "m.source_code",
        "insert into grid_duty (grid_code, duty, person_name, phone, valid_from) select grid_code, duty, person_name,"
            + " phone, valid_from from s_duties",
        "insert into complaint (code, received_at, channel, category, content, address, source_id, geom, city_code, "
            + "county_code, township_code, village_code) select s.code, s.received_at, s.channel, s.category, "
            + "s.content, s.address, p.id, s.g, " + CODES + " from (select *, ST_SetSRID(ST_MakePoint(lon, lat), 4490)"
            + " g from s_complaints) s left join pollution_source p on p.code = s.source_code " + CELLS,
        "insert into patrol_record (code, officer, started_at, ended_at, geom, checked, findings, city_code, "
            + "county_code, township_code, village_code) select s.code, s.officer, s.started_at, s.ended_at, s.g, "
            + "s.checked, s.findings, " + CODES + " from (select *, ST_SetSRID(ST_MakePoint(lon, lat), 4490) g from "
            + "s_patrols) s " + CELLS,
        "insert into patrol_source (patrol_id, source_id) select distinct r.id, p.id from s_patrols s "
            + "join patrol_record r on r.code = s.code cross join lateral unnest(string_to_array(s.source_codes, ';')) "
            + "as sc(code) join pollution_source p on p.code = sc.code",
        "insert into problem (code, title, origin, source_id, status, found_at, deadline, closed_at, close_reason, "
            + "assignee, created_by, geom, city_code, county_code, township_code, village_code) select s.code, "
            + "s.title, s.origin, p.id, s.status, s.found_at, s.deadline, s.closed_at, s.close_reason, s.assignee, "
            + "'bench', s.g, " + CODES + " from (select *, ST_SetSRID(ST_MakePoint(lon, lat), 4490) g from "
            + "s_problems) s left join pollution_source p on p.code = s.source_code " + CELLS,
    };

    private BenchRegisterLoader() {
    }

    /** True when the database already holds registers (a re-run can skip loading). */
    static boolean loaded(Database db) {
        return db.withConnection("checking for bench registers", c -> {
            try (Statement st = c.createStatement(); var rs = st.executeQuery("select count(*) from pollution_source")) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        });
    }

    /** Imports the grid GeoJSON of {@code dir} and the CSVs of {@code dir/registers}. */
    static void load(Database db, Path dir) {
        GridImportService imports = new GridImportService(db, new GridQaService(db));
        String[][] files = {{"city.geojson", "city"}, {"counties.geojson", "county"},
            {"townships.geojson", "township"}, {"villages.geojson", "village"}};
        for (String[] f : files) {
            long t = System.nanoTime();
            ImportReport r = imports.importFile(ImportRequest.builder(dir.resolve(f[0]), GridLevel.parse(f[1]))
                    .kind(GridKind.ADMIN).crs("EPSG:4490").validFrom(LocalDate.of(2024, 1, 1)).qa(false).build());
            System.out.printf(Locale.ROOT, "grid %-8s %5d features in %.1f s%n", f[1], r.features(), sec(t));
        }
        db.inTransaction("loading the bench registers", c -> {
            try (Statement st = c.createStatement()) {
                for (String[] s : STAGES) {
                    st.execute("create temporary table " + s[1] + " (" + s[2] + ") on commit drop");
                    long t = System.nanoTime();
                    long rows = copy(c, s[1], dir.resolve("registers").resolve(s[0]));
                    System.out.printf(Locale.ROOT, "copy %-22s %7d rows in %.1f s%n", s[0], rows, sec(t));
                }
                for (String sql : INSERTS) {
                    long t = System.nanoTime();
                    int n = st.executeUpdate(sql);
                    System.out.printf(Locale.ROOT, "insert %-18s %7d rows in %.1f s%n", sql.split(" ")[2], n, sec(t));
                }
            }
            return null;
        });
        db.withConnection("analyzing", c -> {
            try (Statement st = c.createStatement()) {
                st.execute("analyze");
            }
            return null;
        });
    }

    private static long copy(Connection c, String table, Path csv) throws SQLException {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " from stdin with (format csv, header true)", r);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + csv, e);
        }
    }

    private static double sec(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
