package cn.gridwatch.map.features;

import static cn.gridwatch.TestGrids.box;
import static cn.gridwatch.TestGrids.fc;
import static cn.gridwatch.TestGrids.feature;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GdalTools;
import cn.gridwatch.TestGrids;
import cn.gridwatch.TestHttp;
import cn.gridwatch.TestHttp.Reply;
import cn.gridwatch.TestServer;
import cn.gridwatch.db.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OGC API – Features on the real server and PostGIS, checked by shape and with GDAL's OAPIF driver
 * as the client. Fixture: a 2x2 degree city near Changsha, two counties, four townships (1x1 degree)
 * and two villages.
 */
class FeaturesApiTest {
    private static TestDatabase.Fresh db;
    private static TestServer server;
    private static TestHttp http;
    private static String token;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        server = new TestServer(db);
        http = server.http();
        token = server.tokenFor(TestServer.ADMIN);
        TestGrids.loadSmallCity(http);
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

    @Test
    void the_landing_page_links_conformance_and_collections() {
        JsonNode j = http.get("/ogc").json();
        assertThat(rels(j.get("links"))).contains("self", "conformance", "data");
        JsonNode c = http.get("/ogc/conformance").json();
        assertThat(c.get("conformsTo").toString())
                .contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core")
                .contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson");
    }

    @Test
    void collections_are_the_four_grid_levels_then_the_registers_roads_plans_and_thematic_layers_with_their_extent_in_crs84() {
        JsonNode j = http.get("/ogc/collections").json();
        List<String> ids = new ArrayList<>();
        j.get("collections").forEach(c -> ids.add(c.get("id").asText()));
        assertThat(ids.subList(0, 4)).containsExactly("grid_city", "grid_county", "grid_township", "grid_village");
        assertThat(ids.subList(4, ids.size())).containsExactly("air_stations", "water_sections",
                "drinking_water_sources", "drinking_water_zones", "outfalls", "pollution_sources", "complaints",
                "problems", "roads", "plan_routes", "plan_stops", "grid_overdue", "grid_patrol_coverage");
        JsonNode village = http.get("/ogc/collections/grid_village").json();
        assertThat(village.get("extent").get("spatial").get("bbox").get(0).toString()).isEqualTo("[112.0,27.0,113.0,28.0]");
        assertThat(village.get("extent").get("spatial").get("crs").asText())
                .isEqualTo("http://www.opengis.net/def/crs/OGC/1.3/CRS84");
        assertThat(rels(village.get("links"))).contains("self", "items");
    }

    @Test
    void items_page_with_next_and_prev_links_and_number_matched() {
        Reply r = http.get("/ogc/collections/grid_township/items?limit=3");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/geo+json");
        JsonNode j = r.json();
        assertThat(j.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(j.get("numberMatched").asInt()).isEqualTo(4);
        assertThat(j.get("numberReturned").asInt()).isEqualTo(3);
        JsonNode f = j.get("features").get(0);
        assertThat(f.get("id").asText()).isEqualTo("430102001000");
        assertThat(f.get("properties").get("name").asText()).isEqualTo("定王台街道");
        assertThat(f.get("properties").get("level").asText()).isEqualTo("township");
        assertThat(f.get("properties").get("parentCode").asText()).isEqualTo("430102000000");
        assertThat(f.get("properties").get("validFrom").asText()).isEqualTo("2024-01-01");
        assertThat(f.get("geometry").get("coordinates").get(0).get(0).get(0).get(0).asDouble()).isBetween(112.0, 113.0);
        String next = link(j, "next");
        assertThat(next).endsWith("/ogc/collections/grid_township/items?limit=3&offset=3");
        assertThat(link(j, "prev")).isNull();
        JsonNode second = http.get(next.substring(next.indexOf("/ogc"))).json();
        assertThat(second.get("numberReturned").asInt()).isEqualTo(1);
        assertThat(second.get("features").get(0).get("id").asText()).isEqualTo("430103002000");
        assertThat(link(second, "next")).isNull();
        assertThat(link(second, "prev")).endsWith("offset=0");
    }

    @Test
    void bbox_keeps_the_cells_that_intersect_it_and_links_keep_bbox_and_token() {
        JsonNode j = http.anonymous().get("/ogc/collections/grid_township/items?bbox=113.2,27.2,113.4,28.6&limit=1"
                + "&access_token=" + token).json();
        assertThat(j.get("numberMatched").asInt()).isEqualTo(2);
        assertThat(j.get("features").get(0).get("id").asText()).isEqualTo("430103001000");
        assertThat(link(j, "next")).contains("bbox=113.2%2C27.2%2C113.4%2C28.6").endsWith("&access_token=" + token);
    }

    @Test
    void one_item_by_its_code_and_unknown_things_are_404() {
        JsonNode j = http.get("/ogc/collections/grid_village/items/430102001002").json();
        assertThat(j.get("type").asText()).isEqualTo("Feature");
        assertThat(j.get("properties").get("name").asText()).isEqualTo("马王堆社区");
        Reply wrongLevel = http.get("/ogc/collections/grid_city/items/430102001002");
        assertThat(wrongLevel.status()).isEqualTo(404);
        assertThat(wrongLevel.json().get("detail").asText()).contains("430102001002").contains("grid_city");
        Reply coll = http.get("/ogc/collections/rivers/items");
        assertThat(coll.status()).isEqualTo(404);
        assertThat(coll.json().get("detail").asText()).contains("'rivers'");
    }

    @Test
    void a_county_officer_gets_only_the_cells_of_their_county() {
        TestHttp officer = server.userWithToken("furong", cn.gridwatch.security.Role.COUNTY_OFFICER, "430102");
        JsonNode j = officer.get("/ogc/collections/grid_township/items").json();
        assertThat(j.get("numberMatched").asInt()).isEqualTo(2);
        j.get("features").forEach(f -> assertThat(f.get("id").asText()).startsWith("430102"));
        assertThat(officer.get("/ogc/collections/grid_township/items/430103001000").status()).isEqualTo(404);
    }

    @Test
    void bad_bbox_limit_and_format_are_400_naming_the_parameter() {
        Reply bbox = http.get("/ogc/collections/grid_city/items?bbox=1,2,3");
        assertThat(bbox.status()).isEqualTo(400);
        assertThat(bbox.json().get("detail").asText()).contains("'bbox'");
        Reply limit = http.get("/ogc/collections/grid_city/items?limit=10001");
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.json().get("detail").asText()).contains("'limit'").contains("10001");
        Reply zero = http.get("/ogc/collections/grid_city/items?limit=0");
        assertThat(zero.status()).isEqualTo(400);
        Reply f = http.get("/ogc/collections?f=html");
        assertThat(f.status()).isEqualTo(400);
        assertThat(f.json().get("detail").asText()).contains("'f'").contains("html");
    }

    @Test
    void gdal_lists_the_four_layers_and_pages_through_all_townships() throws Exception {
        String url = "OAPIF:http://127.0.0.1:" + server.port() + "/ogc";
        String summary = ogrinfo("-ro", "-so", "-al", url);
        assertThat(summary).contains("Layer name: grid_city", "Layer name: grid_county", "Layer name: grid_township",
                "Layer name: grid_village");
        String all = ogrinfo("--debug", "on", "-ro", "-oo", "PAGE_SIZE=3", url, "grid_township");
        assertThat(count(all, "OGRFeature(grid_township)")).isEqualTo(4);
        assertThat(all).contains("/ogc/collections/grid_township/items?limit=3&offset=3"); // followed the next link
        assertThat(all).contains("name (String) = 城南路街道");
    }

    @Test
    void gdal_with_the_token_in_the_url_keeps_it_through_the_next_links() throws Exception {
        // GDAL 3.6 copies the connection URL's query onto the URLs it builds; the server copies the
        // token onto its next links, which GDAL follows as they are
        String out = GdalTools.run("ogrinfo", "--debug", "on", "-ro", "-oo", "PAGE_SIZE=3",
                "OAPIF:http://127.0.0.1:" + server.port() + "/ogc?access_token=" + token, "grid_township");
        assertThat(count(out, "OGRFeature(grid_township)")).isEqualTo(4);
        assertThat(out).contains("items?limit=3&offset=3&access_token=" + token);
    }

    private static String ogrinfo(String... args) {
        return GdalTools.ogrinfoWithBasicAuth("gis", token, args);
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static List<String> rels(JsonNode links) {
        List<String> out = new ArrayList<>();
        links.forEach(l -> out.add(l.get("rel").asText()));
        return out;
    }

    private static String link(JsonNode page, String rel) {
        for (JsonNode l : page.get("links")) {
            if (l.get("rel").asText().equals(rel)) {
                return l.get("href").asText();
            }
        }
        return null;
    }

    static void upload(String level, String body) {
        TestGrids.importOk(http, level, body);
    }

}
