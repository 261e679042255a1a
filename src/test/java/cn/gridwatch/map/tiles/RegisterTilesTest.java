package cn.gridwatch.map.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.TestServer;
import cn.gridwatch.map.RegisterFixture;
import cn.gridwatch.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Vector and PNG tiles of the register layers on the real server and PostGIS, over
 * {@link RegisterFixture}; vector tiles decoded with {@link MvtReader}.
 */
class RegisterTilesTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.server();
    private static String admin;

    @BeforeAll
    static void start() {
        RegisterFixture.load(server.testServer(), server.fresh());
        admin = server.tokenFor(TestServer.ADMIN);
    }

    private static HttpResponse<byte[]> get(String token, String path) {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + token).build();
        try {
            return CLIENT.send(r, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The string values of {@code layer} in every zoom-8 tile over the city (112..114E, 27..29N). */
    private static Set<String> values(String token, String layer, String query) {
        int[] a = TileApiTest.tileAt(8, 112, 29);
        int[] b = TileApiTest.tileAt(8, 114, 27);
        Set<String> out = new HashSet<>();
        for (int x = a[1]; x <= b[1]; x++) {
            for (int y = a[2]; y <= b[2]; y++) {
                HttpResponse<byte[]> r = get(token, "/tiles/" + layer + "/8/" + x + "/" + y + ".mvt" + query);
                assertThat(r.statusCode()).isIn(200, 204);
                if (r.statusCode() == 200) {
                    MvtReader.Layer l = MvtReader.layers(r.body()).get(layer);
                    assertThat(l).as("layer " + layer + " in its tile").isNotNull();
                    out.addAll(l.stringValues());
                }
            }
        }
        return out;
    }

    @Test
    void vector_tiles_of_a_register_hold_its_rows_with_class_attributes_and_cell_codes() {
        Set<String> v = values(admin, "pollution_sources", "");
        assertThat(v).contains("S-SPECIAL", "S-KEY", "S-GEN", "special", "key", "general", "特殊监管化工厂",
                "430102001001").doesNotContain("S-CLOSED");
        int[] t = TileApiTest.tileAt(10, 112.1, 27.1);
        MvtReader.Layer one = MvtReader.layers(get(admin, "/tiles/pollution_sources/10/" + t[1] + "/" + t[2] + ".mvt")
                .body()).get("pollution_sources");
        assertThat(one.keys()).contains("code", "name", "class", "inspection_class", "village_code");
        assertThat(values(admin, "drinking_water_zones", "")).contains("DW-1");
        assertThat(values(admin, "problems", "")).contains("P-OVERDUE", "overdue", "P-OPEN", "open")
                .doesNotContain("P-CLOSED");
    }

    @Test
    void complaint_tiles_show_the_default_window_or_the_days_from_and_to_give() {
        assertThat(values(admin, "complaints", "")).contains("C-RECENT").doesNotContain("C-OLD", "C-2024");
        assertThat(values(admin, "complaints", "?from=2024-03-15&to=2024-03-15")).contains("C-2024")
                .doesNotContain("C-RECENT");
        HttpResponse<byte[]> bad = get(admin, "/tiles/complaints/8/207/107.mvt?from=2024-03-15&to=2024-03-01");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(new String(bad.body())).contains("'to'");
    }

    @Test
    void officers_get_only_the_rows_of_their_jurisdiction_in_tiles() {
        server.userWithToken("tile-county", Role.COUNTY_OFFICER, "430103");
        String county = server.tokenFor("tile-county");
        assertThat(values(county, "pollution_sources", "")).contains("S-KEY").doesNotContain("S-SPECIAL", "S-GEN");
        assertThat(values(county, "air_stations", "")).contains("AIR-M1").doesNotContain("AIR-N1");
    }

    @Test
    void register_tiles_below_their_min_zoom_are_empty_and_png_tiles_draw_the_symbols() throws Exception {
        int[] low = TileApiTest.tileAt(7, 113, 28);
        assertThat(get(admin, "/tiles/pollution_sources/7/" + low[1] + "/" + low[2] + ".mvt").statusCode()).isEqualTo(204);
        int[] t = TileApiTest.tileAt(9, 112.4, 27.4);
        long version = server.services().tiles().currentVersion();
        HttpResponse<byte[]> png = get(admin, "/tiles/problems/9/" + t[1] + "/" + t[2] + ".png?v=" + version);
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Cache-Control").orElse("")).as("register tiles always revalidate")
                .isEqualTo("no-cache");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png.body()));
        boolean red = false;
        for (int y = 0; y < img.getHeight() && !red; y++) {
            for (int x = 0; x < img.getWidth() && !red; x++) {
                red = (img.getRGB(x, y) >>> 24) == 255 && (img.getRGB(x, y) & 0xFFFFFF) == 0xE74C3C;
            }
        }
        assertThat(red).as("the overdue problem's red triangle").isTrue();
        assertThat(server.services().tiles().cachedBytes()).as("register tiles are cached by data version (TableLayerCacheTest)")
                .isGreaterThanOrEqualTo(png.body().length);
        assertThat(get(admin, "/tiles/problems/9/" + t[1] + "/" + t[2] + ".png?style=outline").statusCode())
                .isEqualTo(400);
    }

    @Test
    void tilejson_of_a_register_layer_lists_its_fields_and_hands_out_unversioned_urls() throws Exception {
        JsonNode j = cn.gridwatch.Json.MAPPER.readTree(get(admin, "/tiles/pollution_sources.json").body());
        assertThat(j.get("tiles").get(0).asText()).endsWith("/tiles/pollution_sources/{z}/{x}/{y}.mvt");
        assertThat(j.get("minzoom").asInt()).isEqualTo(8);
        JsonNode fields = j.get("vector_layers").get(0).get("fields");
        assertThat(fields.has("inspection_class")).isTrue();
        assertThat(fields.has("county_code")).isTrue();
        assertThat(j.get("bounds").get(0).asDouble()).isEqualTo(112.1);
    }
}
