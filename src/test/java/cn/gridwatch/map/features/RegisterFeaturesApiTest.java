package cn.gridwatch.map.features;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GdalTools;
import cn.gridwatch.TestHttp;
import cn.gridwatch.TestHttp.Reply;
import cn.gridwatch.TestServer;
import cn.gridwatch.db.TestDatabase;
import cn.gridwatch.map.RegisterFixture;
import cn.gridwatch.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The register collections of OGC API – Features on the real server and PostGIS, over
 * {@link RegisterFixture}, checked by shape and with GDAL's OAPIF driver.
 */
class RegisterFeaturesApiTest {
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
        RegisterFixture.load(server, db);
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

    private static List<String> ids(JsonNode fc) {
        List<String> out = new ArrayList<>();
        fc.get("features").forEach(f -> out.add(f.get("id").asText()));
        return out;
    }

    @Test
    void a_register_collection_gives_its_rows_as_geojson_points_with_their_attributes() {
        JsonNode fc = http.get("/ogc/collections/pollution_sources/items").json();
        assertThat(fc.get("numberMatched").asInt()).isEqualTo(3);
        assertThat(ids(fc)).containsExactly("S-GEN", "S-KEY", "S-SPECIAL");
        JsonNode special = fc.get("features").get(2);
        assertThat(special.get("geometry").get("type").asText()).isEqualTo("Point");
        assertThat(special.get("geometry").get("coordinates").toString()).isEqualTo("[112.1,27.1]");
        JsonNode p = special.get("properties");
        assertThat(p.get("name").asText()).isEqualTo("特殊监管化工厂");
        assertThat(p.get("inspection_class").asText()).isEqualTo("special");
        assertThat(p.get("class").asText()).isEqualTo("special");
        assertThat(p.get("village_code").asText()).isEqualTo("430102001001");
        JsonNode zones = http.get("/ogc/collections/drinking_water_zones/items").json();
        assertThat(zones.get("features").get(0).get("geometry").get("type").asText()).isEqualTo("MultiPolygon");
        JsonNode inBox = http.get("/ogc/collections/pollution_sources/items?bbox=113,27,114,28").json();
        assertThat(ids(inBox)).containsExactly("S-KEY");
        JsonNode coll = http.get("/ogc/collections/pollution_sources").json();
        assertThat(coll.get("title").asText()).isEqualTo("污染源 Pollution sources");
        assertThat(coll.get("extent").get("spatial").get("bbox").get(0).toString()).isEqualTo("[112.1,27.1,113.6,27.9]");
    }

    @Test
    void complaints_default_to_the_last_365_days_and_follow_datetime() {
        assertThat(ids(http.get("/ogc/collections/complaints/items").json())).containsExactly("C-RECENT");
        assertThat(ids(http.get("/ogc/collections/complaints/items?datetime=2024-03-01/2024-03-31").json()))
                .containsExactly("C-2024");
        assertThat(ids(http.get("/ogc/collections/complaints/items?datetime=2024-03-15T02:00:00Z").json()))
                .containsExactly("C-2024");
        assertThat(ids(http.get("/ogc/collections/complaints/items?datetime=../..").json()))
                .containsExactly("C-2024", "C-OLD", "C-RECENT");
        JsonNode page = http.get("/ogc/collections/complaints/items?datetime=../..&limit=1").json();
        String next = page.get("links").findValuesAsText("href").stream().filter(h -> h.contains("offset=1"))
                .findFirst().orElseThrow();
        assertThat(next).contains("datetime=..%2F..");
        JsonNode coll = http.get("/ogc/collections/complaints").json();
        assertThat(coll.get("extent").get("temporal").get("interval").get(0).get(0).asText())
                .isEqualTo("2024-03-15T02:00:00Z");
        Reply bad = http.get("/ogc/collections/complaints/items?datetime=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asText()).contains("datetime").contains("'yesterday'");
        assertThat(http.get("/ogc/collections/complaints/items/C-OLD").status()).as("single items ignore the window")
                .isEqualTo(200);
    }

    @Test
    void open_problems_carry_overdue_computed_at_the_time_of_the_request() {
        JsonNode fc = http.get("/ogc/collections/problems/items").json();
        assertThat(ids(fc)).containsExactly("P-OPEN", "P-OVERDUE");
        assertThat(fc.get("features").get(1).get("properties").get("overdue").asBoolean()).isTrue();
        assertThat(fc.get("features").get(0).get("properties").get("overdue").asBoolean()).isFalse();
        assertThat(http.get("/ogc/collections/problems/items/P-CLOSED").status()).isEqualTo(404);
    }

    @Test
    void officers_get_only_the_rows_of_their_jurisdiction() {
        TestHttp county = server.userWithToken("ogc-county", Role.COUNTY_OFFICER, "430103");
        assertThat(ids(county.get("/ogc/collections/pollution_sources/items").json())).containsExactly("S-KEY");
        assertThat(county.get("/ogc/collections/pollution_sources/items/S-SPECIAL").status()).isEqualTo(404);
        JsonNode coll = county.get("/ogc/collections/pollution_sources").json();
        assertThat(coll.get("extent").get("spatial").get("bbox").get(0).toString()).isEqualTo("[113.6,27.6,113.6,27.6]");
        TestHttp village = server.userWithToken("ogc-village", Role.VILLAGE_OFFICER, "430102001002");
        assertThat(ids(village.get("/ogc/collections/pollution_sources/items").json())).containsExactly("S-GEN");
        assertThat(ids(village.get("/ogc/collections/outfalls/items").json())).isEmpty();
    }

    @Test
    void ogrinfo_reads_register_collections_through_the_oapif_driver() throws Exception {
        String url = "OAPIF:http://127.0.0.1:" + server.port() + "/ogc";
        String summary = ogrinfo("-ro", "-so", url);
        assertThat(summary).contains("pollution_sources").contains("complaints").contains("problems")
                .contains("air_stations").contains("drinking_water_zones");
        String sources = ogrinfo("-ro", url, "pollution_sources");
        assertThat(sources.split("OGRFeature\\(pollution_sources\\)", -1).length - 1).isEqualTo(3);
        assertThat(sources).contains("inspection_class (String) = special").contains("POINT (112.1 27.1)");
        String complaints = ogrinfo("-ro", url, "complaints");
        assertThat(complaints).contains("C-RECENT").doesNotContain("C-OLD");
        String zones = ogrinfo("-ro", url, "drinking_water_zones");
        assertThat(zones).contains("MULTIPOLYGON (((113.1 27.1");
    }

    private static String ogrinfo(String... args) {
        return GdalTools.ogrinfoWithBasicAuth("gis", token, args);
    }
}
