package cn.gridwatch.map.wms;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GdalTools;
import cn.gridwatch.SharedData;
import cn.gridwatch.TestHttp;
import cn.gridwatch.TestServer;
import cn.gridwatch.db.TestDatabase;
import cn.gridwatch.map.RegisterFixture;
import cn.gridwatch.security.Actor;
import cn.gridwatch.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The road, plan and thematic layers over the real app and PostGIS: Monaco's roads imported through
 * the road import service, two stored plans (1001 with an inspector on its team, sealed; 1002),
 * and {@link RegisterFixture}'s problems and sources under the thematic layers; GDAL as the client
 * where it can be. Plan 1001's route runs along 28.2N, plan 1002's along 28.7N, both 112.2..112.8E.
 */
class NetworkAndThematicLayersTest {
    private static final String PLANS = """
            insert into inspection_plan (id, kind, name, rule, first_day, last_day, work_start, work_end, sealed_until,
                                         matrix_method, solver, params, summary, created_by)
            values (1001, 'joint', '联合执法甲', 'none', '2026-03-02', '2026-03-02', '08:30', '17:30',
                    now() + interval '30 days', 'great_circle', '{}', '{}', '{}', 'planner1'),
                   (1002, 'joint', '联合执法乙', 'none', '2026-03-03', '2026-03-03', '08:30', '17:30', null,
                    'great_circle', '{}', '{}', '{}', 'planner1');
            insert into inspection_plan_team (plan_id, team_no, name, home_counties, start_geom, end_geom) values
            (1001, 1, '一组', '{430102}', ST_SetSRID(ST_MakePoint(112.2, 28.2), 4490), ST_SetSRID(ST_MakePoint(112.2, 28.2), 4490)),
            (1002, 2, '二组', '{430102}', ST_SetSRID(ST_MakePoint(112.2, 28.7), 4490), ST_SetSRID(ST_MakePoint(112.2, 28.7), 4490));
            insert into inspection_plan_member (plan_id, team_no, name, kind, user_id)
            select 1001, 1, '检查员一', 'enforcement', id from app_user where username = 'member1';
            insert into inspection_plan_route (plan_id, team_no, day, departure, return_at, distance_m, travel_s,
                                               service_s, wait_s, stop_count, geom) values
            (1001, 1, '2026-03-02', '2026-03-02 08:30+08', '2026-03-02 12:00+08', 61000, 5000, 3600, 0, 1,
             ST_GeomFromText('LINESTRING(112.2 28.2, 112.8 28.2)', 4490)),
            (1002, 2, '2026-03-03', '2026-03-03 08:30+08', '2026-03-03 12:00+08', 61000, 5000, 3600, 0, 1,
             ST_GeomFromText('LINESTRING(112.2 28.7, 112.8 28.7)', 4490));
            insert into inspection_plan_stop (plan_id, team_no, day, seq, target_code, target_name, priority, arrival,
                                              start_at, departure, leg_s, leg_m, geom) values
            (1001, 1, '2026-03-02', 1, 'S-GEN', '一般餐馆', 1, '2026-03-02 09:10+08', '2026-03-02 09:10+08',
             '2026-03-02 10:10+08', 2400, 30000, ST_SetSRID(ST_MakePoint(112.5, 28.2), 4490)),
            (1002, 2, '2026-03-03', 1, 'S-SPECIAL', '特殊监管化工厂', 1, '2026-03-03 09:10+08', '2026-03-03 09:10+08',
             '2026-03-03 10:10+08', 2400, 30000, ST_SetSRID(ST_MakePoint(112.5, 28.7), 4490));
            """;
    private static final String MAP = "/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&SRS=EPSG:4326&BBOX=112,27,114,29"
            + "&WIDTH=400&HEIGHT=400&FORMAT=image/png&TRANSPARENT=TRUE&STYLES=";
    private static TestDatabase.Fresh db;
    private static TestServer server;
    private static String token;
    private static TestHttp member;
    private static TestHttp outsider;
    private static TestHttp gis;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        server = new TestServer(db);
        RegisterFixture.load(server, db);
        token = server.tokenFor(TestServer.ADMIN);
        member = server.userWithToken("member1", Role.INSPECTOR, null);
        outsider = server.userWithToken("outsider1", Role.INSPECTOR, null);
        gis = server.userWithToken("gis1", Role.GIS_CLIENT, null);
        sql(PLANS);
        server.services().roadImports().importFile(SharedData.file("osm/monaco.osm.gz"), "monaco", "monaco.osm.gz",
                false, Actor.system("test"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
    }

    static void sql(String text) {
        db.db().inTransaction("test data", c -> {
            try (Statement st = c.createStatement()) {
                st.execute(text);
            }
            return null;
        });
    }

    private static HttpResponse<byte[]> get(String q) {
        return WmsFixture.get(server.port(), token, q);
    }

    static BufferedImage image(HttpResponse<byte[]> r) {
        assertThat(r.headers().firstValue("Content-Type").orElse(""))
                .as(new String(r.body(), StandardCharsets.UTF_8)).startsWith("image/png");
        try {
            return ImageIO.read(new ByteArrayInputStream(r.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pixel colour (RGB, 0 when transparent) at (lon, lat) on a {@link #MAP} image. */
    static int at(BufferedImage img, double lon, double lat) {
        int argb = img.getRGB((int) ((lon - 112) * 200), (int) ((29 - lat) * 200));
        return (argb >>> 24) < 16 ? 0 : argb & 0xFFFFFF;
    }

    /** Colours equal to within 2 per channel (alpha compositing rounds). */
    static boolean close(int rgb, int expected) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xFF) - ((expected >> shift) & 0xFF)) > 2) {
                return false;
            }
        }
        return true;
    }

    static int alpha(BufferedImage img, double lon, double lat) {
        return img.getRGB((int) ((lon - 112) * 200), (int) ((29 - lat) * 200)) >>> 24;
    }

    @Test
    void gdalinfo_lists_the_road_plan_and_thematic_layers() {
        String out = GdalTools.run("gdalinfo", "WMS:http://127.0.0.1:" + server.port() + "/wms?access_token=" + token);
        for (String layer : List.of("roads", "plan_routes", "plan_stops", "grid_overdue", "grid_patrol_coverage")) {
            assertThat(out).contains("LAYERS=" + layer);
        }
        assertThat(out).contains("道路 Road network").contains("逾期问题专题图");
    }

    @Test
    void a_getmap_of_roads_over_monaco_draws_the_imported_roads_and_nothing_elsewhere() {
        String q = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&CRS=EPSG:4326&LAYERS=roads&STYLES="
                + "&WIDTH=256&HEIGHT=256&FORMAT=image/png&BGCOLOR=0xFFFFFF&BBOX=";
        BufferedImage monaco = image(get(q + "43.72,7.40,43.76,7.44"));
        BufferedImage sea = image(get(q + "43.60,7.40,43.64,7.44"));
        assertThat(nonWhite(monaco)).as("road pixels over Monaco").isGreaterThan(2000);
        assertThat(nonWhite(sea)).as("open sea south of Monaco").isZero();
    }

    @Test
    void ogrinfo_reads_the_roads_and_the_thematic_collections() {
        String url = "OAPIF:http://127.0.0.1:" + server.port() + "/ogc";
        String summary = ogrinfo("-ro", "-so", url);
        assertThat(summary).contains("roads").contains("grid_overdue").contains("grid_patrol_coverage");
        String roads = ogrinfo("-ro", "-so", url, "roads");
        assertThat(roads).contains("road_class").contains("Feature Count");
        String overdue = ogrinfo("-ro", url, "grid_overdue");
        assertThat(overdue).contains("overdue (Integer").contains("430102001001").contains("MULTIPOLYGON");
        String coverage = ogrinfo("-ro", url, "grid_patrol_coverage");
        assertThat(coverage).contains("coverage_pct").contains("sources (Integer");
    }

    @Test
    void the_overdue_shading_of_a_cell_follows_its_problems_becoming_overdue_or_closed() {
        JsonNode before = items("/ogc/collections/grid_overdue/items?level=county");
        assertThat(count(before, "430103000000", "overdue")).isZero();
        BufferedImage county0 = image(get(MAP + "&LAYERS=grid_overdue&LEVEL=county"));
        int fillBefore = alpha(county0, 113.5, 28.5);
        sql("update problem set deadline = now() - interval '1 hour' where code = 'P-OPEN'");
        assertThat(count(items("/ogc/collections/grid_overdue/items?level=county"), "430103000000", "overdue"))
                .isEqualTo(1);
        BufferedImage county1 = image(get(MAP + "&LAYERS=grid_overdue&LEVEL=county"));
        assertThat(close(at(county1, 113.5, 28.5), 0xFFFFB2)).as("one overdue: the first class").isTrue();
        assertThat(alpha(county1, 113.5, 28.5)).isGreaterThan(fillBefore);

        BufferedImage village = image(get(MAP + "&LAYERS=grid_overdue"));
        assertThat(close(at(village, 112.25, 27.5), 0xFFFFB2)).as("P-OVERDUE's village").isTrue();
        sql("update problem set status = 'closed', closed_at = now() where code = 'P-OVERDUE'");
        BufferedImage closed = image(get(MAP + "&LAYERS=grid_overdue"));
        assertThat(close(at(closed, 112.25, 27.5), 0xFFFFB2)).as("closed: no longer overdue").isFalse();
        assertThat(alpha(closed, 112.25, 27.5)).isLessThan(alpha(village, 112.25, 27.5));
        sql("update problem set status = 'assigned', closed_at = null where code = 'P-OVERDUE';"
                + " update problem set deadline = now() + interval '10 days' where code = 'P-OPEN'");
    }

    @Test
    void the_thematic_layers_have_named_styles_and_a_legend_of_their_class_breaks() {
        String caps = new String(get("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0").body(),
                StandardCharsets.UTF_8);
        assertThat(caps).contains("<Name>overdue</Name>").contains("<Name>overdue_labels</Name>")
                .contains("<Name>coverage</Name>").contains("<Name>by_class</Name>").contains("<Name>by_team</Name>");
        BufferedImage legend = image(get("/wms?SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER=grid_overdue"
                + "&FORMAT=image/png&VERSION=1.1.1"));
        assertThat(legend.getHeight()).as("five classes").isGreaterThanOrEqualTo(5 * 16);
        boolean red = false;
        for (int y = 0; y < legend.getHeight() && !red; y++) {
            for (int x = 0; x < legend.getWidth() && !red; x++) {
                red = close(legend.getRGB(x, y) & 0xFFFFFF, 0xE31A1C) || close(legend.getRGB(x, y) & 0xFFFFFF, 0xEA5E60);
            }
        }
        assertThat(red).as("the box of the highest class").isTrue();
        BufferedImage coverage = image(get("/wms?SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER=grid_patrol_coverage"
                + "&STYLE=coverage_labels&FORMAT=image/png"));
        assertThat(coverage.getHeight()).isGreaterThanOrEqualTo(5 * 16);
    }

    @Test
    void patrol_coverage_counts_the_sources_patrolled_in_the_last_30_days() {
        JsonNode none = items("/ogc/collections/grid_patrol_coverage/items?level=county");
        assertThat(count(none, "430102000000", "sources")).isEqualTo(2);
        assertThat(count(none, "430102000000", "patrolled")).isZero();
        sql("""
                insert into patrol_record (code, officer, started_at, ended_at, geom, city_code, county_code)
                values ('PR-1', '张三', now() - interval '3 days', now() - interval '3 days' + interval '1 hour',
                        ST_SetSRID(ST_MakePoint(112.1, 27.1), 4490), '430100000000', '430102000000');
                insert into patrol_source (patrol_id, source_id)
                select p.id, s.id from patrol_record p, pollution_source s where p.code = 'PR-1' and s.code = 'S-SPECIAL';
                """);
        JsonNode after = items("/ogc/collections/grid_patrol_coverage/items?level=county");
        assertThat(count(after, "430102000000", "patrolled")).isEqualTo(1);
        assertThat(after.toString()).contains("\"coverage_pct\":50");
        BufferedImage map = image(get(MAP + "&LAYERS=grid_patrol_coverage&LEVEL=county"));
        assertThat(close(at(map, 112.5, 28.5), 0xA6D96A)).as("1 of 2: 50-75%").isTrue();
        sql("delete from patrol_source; delete from patrol_record where code = 'PR-1'");
    }

    @Test
    void the_plan_parameter_shows_one_plan_and_plans_follow_who_may_read_them() {
        assertThat(codes(items("/ogc/collections/plan_routes/items"))).containsExactlyInAnyOrder(
                "1001-1-2026-03-02", "1002-2-2026-03-03");
        assertThat(codes(items("/ogc/collections/plan_routes/items?plan=1002"))).containsExactly("1002-2-2026-03-03");
        BufferedImage one = image(get(MAP + "&LAYERS=plan_routes&PLAN=1001"));
        assertThat(at(one, 112.5, 28.2)).as("plan 1001, team 1").isEqualTo(0xE6194B);
        assertThat(at(one, 112.5, 28.7)).as("plan 1002 is filtered out").isZero();
        BufferedImage both = image(get(MAP + "&LAYERS=plan_routes"));
        assertThat(at(both, 112.5, 28.7)).as("plan 1002, team 2").isEqualTo(0x3CB44B);

        assertThat(codes(member.get("/ogc/collections/plan_routes/items").json())).containsExactly("1001-1-2026-03-02");
        assertThat(codes(member.get("/ogc/collections/plan_stops/items").json())).as("sealed for members").isEmpty();
        assertThat(codes(outsider.get("/ogc/collections/plan_routes/items").json())).isEmpty();
        assertThat(codes(gis.get("/ogc/collections/plan_routes/items").json())).isEmpty();
        assertThat(codes(items("/ogc/collections/plan_stops/items?plan=1001"))).containsExactly("1001-1-2026-03-02-1");
    }

    @Test
    void a_bad_plan_or_level_value_is_refused_naming_the_parameter() {
        String wms = new String(get(MAP + "&LAYERS=plan_routes&PLAN=abc").body(), StandardCharsets.UTF_8);
        assertThat(wms).contains("InvalidParameterValue").contains("PLAN").contains("abc");
        TestHttp.Reply tile = server.http().get("/tiles/grid_overdue/8/208/107.mvt?level=parish");
        assertThat(tile.status()).isEqualTo(400);
        assertThat(tile.body()).contains("LEVEL").contains("parish");
        assertThat(server.http().get("/ogc/collections/plan_routes/items?plan=-1").status()).isEqualTo(400);
    }

    @Test
    void problems_and_plans_are_filtered_by_datetime_and_time() {
        assertThat(codes(items("/ogc/collections/problems/items"))).contains("P-OVERDUE", "P-OPEN");
        String lastWeek = java.time.LocalDate.now().minusDays(7) + "/..";
        assertThat(codes(items("/ogc/collections/problems/items?datetime=" + lastWeek))).containsExactly("P-OPEN");
        assertThat(codes(items("/ogc/collections/plan_routes/items?datetime=2026-03-03"))).containsExactly(
                "1002-2-2026-03-03");
        BufferedImage day = image(get(MAP + "&LAYERS=plan_routes&TIME=2026-03-02"));
        assertThat(at(day, 112.5, 28.2)).isEqualTo(0xE6194B);
        assertThat(at(day, 112.5, 28.7)).isZero();
        JsonNode coll = server.http().get("/ogc/collections/plan_routes").json();
        assertThat(coll.at("/extent/temporal/interval/0/0").asText()).as("the first plan day's midnight in the server's zone")
                .isEqualTo(java.time.LocalDate.of(2026, 3, 2).atStartOfDay(java.time.ZoneId.systemDefault()).toInstant()
                        .toString());
        assertThat(coll.at("/extent/spatial/bbox/0").toString()).isEqualTo("[112.2,28.2,112.8,28.7]");
        JsonNode hidden = outsider.get("/ogc/collections/plan_routes").json();
        assertThat(hidden.has("extent")).as("no extent from plans the reader may not see").isFalse();
        JsonNode problems = server.http().get("/ogc/collections/problems").json();
        assertThat(problems.at("/extent/temporal/interval/0/0").asText()).isNotEmpty();
        String caps = new String(get("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0").body(),
                StandardCharsets.UTF_8);
        int plan = caps.indexOf("<Name>plan_routes</Name>");
        assertThat(caps.indexOf("<Dimension name=\"time\"", plan)).as("a TIME dimension on plan_routes")
                .isBetween(plan, caps.indexOf("</Layer>", plan));
        int problemLayer = caps.indexOf("<Name>problems</Name>");
        assertThat(caps.indexOf("<Dimension name=\"time\"", problemLayer)).isBetween(problemLayer,
                caps.indexOf("</Layer>", problemLayer));
    }

    private static JsonNode items(String path) {
        TestHttp.Reply r = server.http().get(path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> codes(JsonNode fc) {
        List<String> out = new ArrayList<>();
        fc.get("features").forEach(f -> out.add(f.get("id").asText()));
        return out;
    }

    private static long count(JsonNode fc, String code, String property) {
        for (JsonNode f : fc.get("features")) {
            if (f.get("id").asText().equals(code)) {
                return f.get("properties").get(property).asLong();
            }
        }
        throw new AssertionError("no feature " + code + " in " + fc);
    }

    private static int nonWhite(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    n++;
                }
            }
        }
        return n;
    }

    private static String ogrinfo(String... args) {
        return GdalTools.ogrinfoWithBasicAuth("gis", token, args);
    }
}
