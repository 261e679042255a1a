package cn.gridwatch.map.tiles;

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
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vector tiles and TileJSON on the real server and PostGIS. Fixture (as GridApiTest): a 2x2 degree
 * city near Changsha, two counties, four townships, two villages in one township. Tiles are decoded
 * with {@link MvtReader} and, once, with GDAL's MVT driver.
 */
class TileApiTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
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
    void a_village_tile_has_the_layer_with_code_name_and_level_attributes() {
        int[] t = tileAt(12, 112.25, 27.5);
        Bin r = get("/tiles/grid_village/" + t[0] + "/" + t[1] + "/" + t[2] + ".mvt", Map.of());
        assertThat(r.status).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/vnd.mapbox-vector-tile");
        MvtReader.Layer layer = MvtReader.layers(r.body).get("grid_village");
        assertThat(layer).isNotNull();
        assertThat(layer.features()).isEqualTo(1);
        assertThat(layer.keys()).containsExactlyInAnyOrder("code", "name", "level");
        assertThat(layer.stringValues()).contains("430102001001", "解放东村社区", "village");
    }

    @Test
    void a_low_zoom_city_tile_holds_the_city_and_villages_below_their_min_zoom_are_204() {
        int[] t = tileAt(5, 113, 28);
        Bin city = get("/tiles/grid_city/" + t[0] + "/" + t[1] + "/" + t[2] + ".mvt", Map.of());
        assertThat(city.status).isEqualTo(200);
        assertThat(MvtReader.layers(city.body).get("grid_city").stringValues()).contains("长沙市");
        Bin village = get("/tiles/grid_village/" + t[0] + "/" + t[1] + "/" + t[2] + ".mvt", Map.of());
        assertThat(village.status).isEqualTo(204);
        assertThat(village.body).isEmpty();
    }

    @Test
    void a_tile_with_no_cell_in_it_is_204() {
        assertThat(get("/tiles/grid_city/10/0/0.mvt", Map.of()).status).isEqualTo(204);
    }

    @Test
    void bad_tile_addresses_are_400_naming_the_value_and_unknown_layers_404_naming_the_layer() {
        Reply zoom = http.get("/tiles/grid_city/23/0/0.mvt");
        assertThat(zoom.status()).isEqualTo(400);
        assertThat(zoom.json().get("detail").asText()).contains("z").contains("23");
        Reply x = http.get("/tiles/grid_city/2/4/0.mvt");
        assertThat(x.status()).isEqualTo(400);
        assertThat(x.json().get("detail").asText()).contains("0..3").contains("4");
        Reply word = http.get("/tiles/grid_city/2/a/0.mvt");
        assertThat(word.status()).isEqualTo(400);
        assertThat(word.json().get("detail").asText()).contains("'a'");
        Reply negative = http.get("/tiles/grid_city/2/0/-1.mvt");
        assertThat(negative.status()).isEqualTo(400);
        Reply layer = http.get("/tiles/rivers/2/0/0.mvt");
        assertThat(layer.status()).isEqualTo(404);
        assertThat(layer.json().get("detail").asText()).contains("'rivers'").contains("grid_village");
        assertThat(http.get("/tiles/rivers.json").status()).isEqualTo(404);
        assertThat(http.anonymous().get("/tiles/grid_city/0/0/0.mvt").status()).isEqualTo(401);
    }

    @Test
    void if_none_match_with_the_etag_is_304_and_versioned_urls_are_immutable() {
        int[] t = tileAt(8, 112.5, 28);
        String path = "/tiles/grid_county/" + t[0] + "/" + t[1] + "/" + t[2] + ".mvt";
        Bin first = get(path, Map.of());
        String etag = first.header("ETag");
        long version = server.services().tiles().currentVersion();
        assertThat(etag).startsWith("\"v" + version + "-");
        assertThat(first.header("Cache-Control")).isEqualTo("no-cache");
        Bin again = get(path, Map.of("If-None-Match", etag));
        assertThat(again.status).isEqualTo(304);
        assertThat(again.body).isEmpty();
        Bin versioned = get(path + "?v=" + version, Map.of());
        assertThat(versioned.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(get(path + "?v=" + (version - 1), Map.of()).header("Cache-Control")).isEqualTo("no-cache");
    }

    @Test
    void after_an_import_changes_a_cell_the_tile_is_rebuilt_never_served_stale() {
        int[] t = tileAt(12, 112.75, 27.5);
        String path = "/tiles/grid_village/" + t[0] + "/" + t[1] + "/" + t[2] + ".mvt";
        Bin before = get(path, Map.of());
        assertThat(MvtReader.layers(before.body).get("grid_village").stringValues()).contains("马王堆社区");
        assertThat(get(path, Map.of("If-None-Match", before.header("ETag"))).status).isEqualTo(304);

        upload("village", fc(feature("430102001001", "解放东村社区", box(112, 27, 112.5, 28)),
                feature("430102001002", "马王堆新社区", box(112.5, 27, 113, 28))));

        Bin after = get(path, Map.of("If-None-Match", before.header("ETag")));
        assertThat(after.status).isEqualTo(200);
        assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
        assertThat(MvtReader.layers(after.body).get("grid_village").stringValues())
                .contains("马王堆新社区").doesNotContain("马王堆社区");
    }

    @Test
    void a_county_officer_gets_only_their_own_county_in_tiles() {
        server.userWithToken("tianxin", cn.gridwatch.security.Role.COUNTY_OFFICER, "430103");
        int[] t = tileAt(6, 113, 28);
        String path = "/tiles/grid_county/" + t[0] + "/" + t[1] + "/" + t[2] + ".mvt";
        assertThat(MvtReader.layers(get(path, Map.of()).body).get("grid_county").features()).isEqualTo(2);
        Bin mine = get(path, Map.of("Authorization", "Bearer " + server.tokenFor("tianxin")));
        MvtReader.Layer layer = MvtReader.layers(mine.body).get("grid_county");
        assertThat(layer.features()).isEqualTo(1);
        assertThat(layer.stringValues()).contains("天心区").doesNotContain("芙蓉区");
    }

    @Test
    void tilejson_describes_the_layer_with_versioned_tile_urls() {
        JsonNode j = http.get("/tiles/grid_township.json").json();
        assertThat(j.get("tilejson").asText()).isEqualTo("3.0.0");
        assertThat(j.get("tiles").get(0).asText()).matches("http://127\\.0\\.0\\.1:\\d+/tiles/grid_township/"
                + "\\{z}/\\{x}/\\{y}\\.mvt\\?v=\\d+");
        assertThat(j.get("minzoom").asInt()).isEqualTo(7);
        assertThat(j.get("maxzoom").asInt()).isEqualTo(16);
        assertThat(j.get("bounds").get(0).asDouble()).isEqualTo(112.0);
        assertThat(j.get("bounds").get(3).asDouble()).isEqualTo(29.0);
        assertThat(j.get("vector_layers").get(0).get("id").asText()).isEqualTo("grid_township");
        JsonNode withToken = http.anonymous().get("/tiles/grid_township.json?access_token=" + token).json();
        assertThat(withToken.get("tiles").get(0).asText()).endsWith("&access_token=" + token);
    }

    @Test
    void gdal_reads_the_tile_with_its_mvt_driver(@TempDir Path dir) throws Exception {
        int[] t = tileAt(12, 112.25, 27.5);
        Bin r = get("/tiles/grid_village/" + t[0] + "/" + t[1] + "/" + t[2] + ".mvt", Map.of());
        Path file = dir.resolve("tile.mvt");
        Files.write(file, r.body);
        // exit code not judged, as before: the assertions are on what the driver read
        String out = GdalTools.exec("ogrinfo", "-ro", "-al", "-oo", "Z=" + t[0], "-oo", "X=" + t[1],
                "-oo", "Y=" + t[2], "MVT:" + file).output();
        assertThat(out).contains("Layer name: grid_village").contains("Feature Count: 1")
                .contains("code (String) = 430102001001").contains("name (String) = 解放东村社区");
    }

    /** z, x, y of the XYZ tile holding lon/lat. */
    static int[] tileAt(int z, double lon, double lat) {
        double n = 1 << z;
        int x = (int) Math.floor((lon + 180) / 360 * n);
        double r = Math.toRadians(lat);
        int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
        return new int[] {z, x, y};
    }

    record Bin(int status, byte[] body, HttpResponse<byte[]> response) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    static Bin get(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + token);
        headers.forEach(b::setHeader);
        try {
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Bin(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new AssertionError("request failed: " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static void upload(String level, String body) {
        TestGrids.importOk(http, level, body);
    }

}
