package cn.gridwatch.map.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.SharedData;
import cn.gridwatch.TestHttp;
import cn.gridwatch.db.TestDatabase;
import cn.gridwatch.map.RegisterFixture;
import cn.gridwatch.security.Actor;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cached tiles of table layers are never stale after an edit: each edit goes through its real path
 * (road import and delete service, the problem API, the patrol import API, plan rows) and the next
 * tile reflects it, while an unchanged layer is answered from the cache. The WMS capabilities'
 * extents follow an edit at once too. Tiles: z7 103/53 (109.7..112.5E, 27.1..29.5N) over the small
 * city's west, z14 8529/5974 over Monaco.
 */
class TableLayerCacheTest {
    private static final String WEST = "/7/103/53";
    private static final String MONACO = "/14/8529/5974";
    private static final Actor TEST = Actor.system("test");
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.server();
    private static TestHttp http;

    @BeforeAll
    static void start() {
        RegisterFixture.load(server.testServer(), server.fresh());
        http = server.http();
    }

    private static void sql(String text) {
        server.db().inTransaction("test data", c -> {
            try (Statement st = c.createStatement()) {
                st.execute(text);
            }
            return null;
        });
    }

    private static long version(String source) {
        return server.db().withConnection("reading a version", c -> {
            try (PreparedStatement ps = c.prepareStatement("select version from map_data_version where source = ?")) {
                ps.setString(1, source);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Test
    void a_road_tile_is_served_from_the_cache_until_the_network_is_deleted_or_imported_again() {
        server.services().roadImports().importFile(SharedData.file("osm/monaco.osm.gz"), "monaco", "monaco.osm.gz",
                false, TEST);
        TestHttp.Reply first = http.get("/tiles/roads" + MONACO + ".png");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        long cached = server.services().tiles().cachedBytes();
        TestHttp.Reply again = http.get("/tiles/roads" + MONACO + ".png");
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(server.services().tiles().cachedBytes()).as("a hit adds nothing").isEqualTo(cached);
        assertThat(http.with("If-None-Match", first.header("ETag")).get("/tiles/roads" + MONACO + ".png").status())
                .isEqualTo(304);

        assertThat(server.services().roadImports().delete("monaco", TEST)).isTrue();
        assertThat(http.get("/tiles/roads" + MONACO + ".png").header("ETag")).as("deleted: a new picture")
                .isNotEqualTo(first.header("ETag"));
        assertThat(http.get("/tiles/roads" + MONACO + ".mvt").status()).as("deleted: no features").isEqualTo(204);
        server.services().roadImports().importFile(SharedData.file("osm/monaco.osm.gz"), "monaco", "monaco.osm.gz",
                false, TEST);
        assertThat(http.get("/tiles/roads" + MONACO + ".mvt").status()).as("imported again").isEqualTo(200);
        assertThat(http.get("/tiles/roads" + MONACO + ".png").body()).as("the same roads, the same picture")
                .isEqualTo(first.body());
    }

    @Test
    void closing_a_problem_through_the_api_changes_the_overdue_tiles_at_once() {
        TestHttp.Reply before = http.get("/tiles/grid_overdue" + WEST + ".png");
        TestHttp.Reply mvtBefore = http.get("/tiles/grid_overdue" + WEST + ".mvt");
        assertThat(http.get("/tiles/grid_overdue" + WEST + ".png").header("ETag")).isEqualTo(before.header("ETag"));
        long id = problemId("P-OVERDUE");
        TestHttp.Reply moved = http.postJson("/api/problems/" + id + "/transitions",
                "{\"to\":\"closed_unfixed\",\"reason\":\"企业已关停\"}");
        assertThat(moved.status()).as(moved.body()).isLessThan(300);
        TestHttp.Reply after = http.get("/tiles/grid_overdue" + WEST + ".png");
        assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
        assertThat(http.get("/tiles/grid_overdue" + WEST + ".mvt").body()).isNotEqualTo(mvtBefore.body());
        assertThat(http.get("/tiles/problems" + WEST + ".mvt").status()).as("no open problem left there").isEqualTo(204);
    }

    @Test
    void a_patrol_imported_through_the_api_changes_the_coverage_tiles_at_once() {
        TestHttp.Reply before = http.get("/tiles/grid_patrol_coverage" + WEST + ".mvt?level=county");
        assertThat(before.status()).isEqualTo(200);
        assertThat(http.get("/tiles/grid_patrol_coverage" + WEST + ".mvt?level=county").header("ETag"))
                .isEqualTo(before.header("ETag"));
        String csv = "code,officer,started_at,ended_at,checked,findings,source_codes,lon,lat\n"
                + "PR-CACHE,张三," + java.time.OffsetDateTime.now().minusDays(2).withNano(0) + ",,废气,无,S-SPECIAL,112.1,27.1\n";
        TestHttp.Reply imported = http.post("/api/patrols/import?filename=p.csv", csv.getBytes(StandardCharsets.UTF_8),
                "application/octet-stream");
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        TestHttp.Reply after = http.get("/tiles/grid_patrol_coverage" + WEST + ".mvt?level=county");
        assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
        assertThat(http.get("/tiles/grid_patrol_coverage" + WEST + ".mvt?level=village").header("ETag"))
                .as("another LEVEL is another tile").isNotEqualTo(after.header("ETag"));
    }

    @Test
    void a_new_plan_appears_on_the_plan_tiles_at_once() {
        assertThat(http.get("/tiles/plan_routes" + WEST + ".mvt").status()).isEqualTo(204);
        assertThat(http.get("/tiles/plan_routes" + WEST + ".mvt").status()).isEqualTo(204);
        sql("""
                insert into inspection_plan (id, kind, name, rule, first_day, last_day, work_start, work_end,
                                             matrix_method, solver, params, summary, created_by)
                values (2001, 'patrol', '巡查', 'none', '2026-03-02', '2026-03-02', '08:30', '17:30', 'great_circle',
                        '{}', '{}', '{}', 'admin');
                insert into inspection_plan_team (plan_id, team_no, name, home_counties, start_geom, end_geom) values
                (2001, 1, '一组', '{430102}', ST_SetSRID(ST_MakePoint(112.2, 28.2), 4490),
                 ST_SetSRID(ST_MakePoint(112.2, 28.2), 4490));
                insert into inspection_plan_route (plan_id, team_no, day, departure, return_at, distance_m, travel_s,
                                                   service_s, wait_s, stop_count, geom) values
                (2001, 1, '2026-03-02', '2026-03-02 08:30+08', '2026-03-02 12:00+08', 61000, 5000, 3600, 0, 0,
                 ST_GeomFromText('LINESTRING(112.2 28.2, 112.4 28.2)', 4490));
                """);
        assertThat(http.get("/tiles/plan_routes" + WEST + ".mvt").status()).isEqualTo(200);
        assertThat(http.get("/tiles/plan_routes" + WEST + ".mvt?plan=2002").status()).isEqualTo(204);
    }

    @Test
    void capabilities_extents_follow_an_edit_at_once() {
        String caps = capabilities();
        assertThat(eastOf(caps, "pollution_sources")).isEqualTo("113.6");
        sql("""
                insert into pollution_source (code, name, category, inspection_class, status, geom, city_code, county_code)
                values ('S-EAST', '东部新厂', 'enterprise', 'general', 'active', ST_SetSRID(ST_MakePoint(113.9, 27.5), 4490),
                        '430100000000', '430103000000')""");
        assertThat(eastOf(capabilities(), "pollution_sources")).isEqualTo("113.9");
        sql("delete from pollution_source where code = 'S-EAST'");
        assertThat(eastOf(capabilities(), "pollution_sources")).isEqualTo("113.6");
    }

    @Test
    void an_edit_through_another_instance_is_seen_within_about_a_second() throws InterruptedException {
        String path = "/tiles/complaints/9/415/215.mvt?from=2020-01-01&to=2030-12-31"; // C-RECENT at 112.2, 27.2
        TestHttp.Reply first = http.get(path);
        assertThat(first.status()).isEqualTo(200);
        String before = first.header("ETag");
        assertThat(http.get(path).header("ETag")).isEqualTo(before);
        try (cn.gridwatch.db.Database other = cn.gridwatch.db.Database.open(server.fresh().url(), TestDatabase.user(),
                TestDatabase.password(), 1)) {
            other.inTransaction("another instance's edit", c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("update complaint set content = '夜间施工噪声（已核实）' where code = 'C-RECENT'");
                }
                return null;
            });
        }
        String after = before;
        long deadline = System.currentTimeMillis() + 5_000;
        while (after.equals(before) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            after = http.get(path).header("ETag");
        }
        assertThat(after).as("seen within the versions' maximum age (1 s)").isNotEqualTo(before);
    }

    @Test
    void one_transaction_bumps_a_source_version_once_however_many_statements_it_runs() {
        long before = version("complaints");
        long problems = version("problems");
        sql("update complaint set content = content where code = 'C-OLD';"
                + " update complaint set content = content where code = 'C-RECENT';"
                + " update complaint set content = content where code = 'C-2024'");
        assertThat(version("complaints")).isEqualTo(before + 1);
        assertThat(version("problems")).as("other sources untouched").isEqualTo(problems);
    }

    private static long problemId(String code) {
        return server.db().withConnection("problem id", c -> {
            try (PreparedStatement ps = c.prepareStatement("select id from problem where code = ?")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static String capabilities() {
        TestHttp.Reply r = http.get("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0");
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    /** The eastBoundLongitude of {@code layer}'s EX_GeographicBoundingBox. */
    private static String eastOf(String caps, String layer) {
        int at = caps.indexOf("<Name>" + layer + "</Name>");
        assertThat(at).as(layer).isPositive();
        int east = caps.indexOf("<eastBoundLongitude>", at);
        return caps.substring(east + "<eastBoundLongitude>".length(), caps.indexOf('<', east + 1));
    }
}
