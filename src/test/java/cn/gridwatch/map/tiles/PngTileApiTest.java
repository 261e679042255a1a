package cn.gridwatch.map.tiles;

import static cn.gridwatch.TestGrids.box;
import static cn.gridwatch.TestGrids.fc;
import static cn.gridwatch.TestGrids.feature;
import static cn.gridwatch.map.tiles.TileApiTest.tileAt;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.TestGrids;
import cn.gridwatch.TestHttp;
import cn.gridwatch.TestHttp.Reply;
import cn.gridwatch.TestServer;
import cn.gridwatch.security.Role;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.locationtech.jts.geom.Envelope;

/**
 * PNG tiles on the real server and PostGIS, with the fixture of {@link TileApiTest} (a 2x2 degree
 * city near Changsha, two counties, four townships, two villages). Tiles are decoded with ImageIO
 * and compared with WMS GetMap of the same EPSG:3857 box.
 */
class PngTileApiTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.server();
    private static TestHttp http;
    private static String token;

    @BeforeAll
    static void start() {
        http = server.http();
        token = server.tokenFor(TestServer.ADMIN);
        upload("city", fc(feature("430100", "长沙市", box(112, 27, 114, 29))));
        upload("county", fc(feature("430102", "芙蓉区", box(112, 27, 113, 29)),
                feature("430103", "天心区", box(113, 27, 114, 29))));
        upload("township", townships(box(113, 27, 114, 28)));
        upload("village", fc(feature("430102001001", "解放东村社区", box(112, 27, 112.5, 28)),
                feature("430102001002", "马王堆社区", box(112.5, 27, 113, 28))));
    }

    @Test
    void a_png_tile_is_a_256_pixel_transparent_image_with_the_outlines_drawn() {
        Bin r = get(path("grid_county", tileAt(8, 113, 28)), Map.of());
        assertThat(r.status).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("image/png");
        BufferedImage img = decode(r.body);
        assertThat(img.getWidth()).isEqualTo(256);
        assertThat(img.getHeight()).isEqualTo(256);
        assertThat(img.getColorModel().hasAlpha()).isTrue();
        assertThat(opaquePixels(img)).isBetween(100, 256 * 256 / 2);
        assertThat(img.getRGB(0, 0) >>> 24).isZero();
    }

    @Test
    void the_tile_is_the_same_picture_as_wms_getmap_of_its_box() {
        int[] t = tileAt(10, 113.0, 27.5);
        Envelope e = new TileCoord(t[0], t[1], t[2]).webMercatorEnvelope();
        Bin tile = get(path("grid_township", t) + "?style=outline", Map.of());
        Bin wms = get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=grid_township&STYLES=outline"
                + "&CRS=EPSG:3857&BBOX=" + e.getMinX() + "," + e.getMinY() + "," + e.getMaxX() + "," + e.getMaxY()
                + "&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE", Map.of());
        assertThat(wms.header("Content-Type")).isEqualTo("image/png");
        int[] a = pixels(decode(tile.body));
        int[] b = pixels(decode(wms.body));
        assertThat(opaquePixels(decode(tile.body))).isPositive();
        assertThat(Arrays.equals(a, b)).as("tile and GetMap pixels are equal").isTrue();
    }

    @Test
    void the_default_style_has_labels_and_outline_has_none() {
        int[] t = tileAt(8, 112.5, 28);
        BufferedImage labelled = decode(get(path("grid_county", t), Map.of()).body);
        BufferedImage outline = decode(get(path("grid_county", t) + "?style=outline", Map.of()).body);
        assertThat(opaquePixels(labelled)).isGreaterThan(opaquePixels(outline));
        assertThat(get(path("grid_county", t) + "?style=outline_labels", Map.of()).body)
                .isEqualTo(get(path("grid_county", t), Map.of()).body);
        Reply bad = http.get(path("grid_county", t) + "?style=fill");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asText()).contains("'fill'");
    }

    @Test
    void a_label_on_a_tile_edge_is_drawn_in_both_tiles_so_the_pair_matches_one_getmap_of_both() throws IOException {
        // 芙蓉区's label sits at 112.5°E, exactly the edge between tiles 415 and 416 at zoom 9
        int[] left = tileAt(9, 112.4, 28);
        int[] right = {left[0], left[1] + 1, left[2]};
        BufferedImage pair = new BufferedImage(512, 256, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = pair.createGraphics();
        g.drawImage(decode(get(path("grid_county", left), Map.of()).body), 0, 0, null);
        g.drawImage(decode(get(path("grid_county", right), Map.of()).body), 256, 0, null);
        g.dispose();
        Envelope a = new TileCoord(left[0], left[1], left[2]).webMercatorEnvelope();
        Envelope b = new TileCoord(right[0], right[1], right[2]).webMercatorEnvelope();
        BufferedImage wms = decode(get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=grid_county"
                + "&STYLES=outline_labels&CRS=EPSG:3857&BBOX=" + a.getMinX() + "," + a.getMinY() + "," + b.getMaxX()
                + "," + a.getMaxY() + "&WIDTH=512&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE", Map.of()).body);
        Path out = Path.of("target", "tiles", "png-label-seam.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(pair, "png", out.toFile());
        int[] p = pixels(pair);
        int[] w = pixels(wms);
        int seamText = 0;
        int different = 0;
        for (int i = 0; i < p.length; i++) {
            int x = i % 512;
            if (Math.abs((p[i] >>> 24) - (w[i] >>> 24)) > 64) {
                different++;
            }
            if (x >= 236 && x < 276 && (p[i] >>> 24) > 128 && (p[i] & 0xFFFFFF) == 0x7B241C) {
                seamText++;
            }
        }
        assertThat(seamText).as("label pixels either side of the seam").isPositive();
        assertThat(different).as("pixels that differ from GetMap").isLessThan(50);
    }

    @Test
    void outside_the_layers_wms_scale_range_the_tile_is_204() {
        // villages draw below 1:250 000: zoom 11 is about 1:273 000, zoom 12 about 1:136 000
        assertThat(get(path("grid_village", tileAt(11, 112.25, 27.5)), Map.of()).status).isEqualTo(204);
        assertThat(get(path("grid_village", tileAt(12, 112.25, 27.5)), Map.of()).status).isEqualTo(200);
    }

    @Test
    void bad_tile_addresses_are_400_unknown_layers_404_and_a_token_is_required() {
        Reply zoom = http.get("/tiles/grid_city/23/0/0.png");
        assertThat(zoom.status()).isEqualTo(400);
        assertThat(zoom.json().get("detail").asText()).contains("z").contains("23");
        assertThat(http.get("/tiles/grid_city/2/4/0.png").status()).isEqualTo(400);
        assertThat(http.get("/tiles/grid_city/2/0/a.png").json().get("detail").asText()).contains("'a'");
        assertThat(http.get("/tiles/grid_city/2/0/0.gif").status()).isEqualTo(400);
        Reply layer = http.get("/tiles/rivers/2/0/0.png");
        assertThat(layer.status()).isEqualTo(404);
        assertThat(layer.json().get("detail").asText()).contains("'rivers'");
        assertThat(http.anonymous().get("/tiles/grid_city/0/0/0.png").status()).isEqualTo(401);
    }

    @Test
    void if_none_match_with_the_etag_is_304_and_versioned_urls_are_immutable() {
        String path = path("grid_city", tileAt(7, 113, 28));
        Bin first = get(path, Map.of());
        long version = server.services().tiles().currentVersion();
        assertThat(first.header("ETag")).startsWith("\"v" + version + "-");
        assertThat(first.header("Cache-Control")).isEqualTo("no-cache");
        Bin again = get(path, Map.of("If-None-Match", first.header("ETag")));
        assertThat(again.status).isEqualTo(304);
        assertThat(again.body).isEmpty();
        assertThat(get(path + "?v=" + version, Map.of()).header("Cache-Control"))
                .isEqualTo("public, max-age=31536000, immutable");
    }

    @Test
    void after_an_import_changes_a_cell_the_png_tile_is_redrawn_never_served_stale() {
        String path = path("grid_township", tileAt(10, 114.0, 27.5)) + "?style=outline";
        Bin before = get(path, Map.of());
        assertThat(get(path, Map.of()).body).isEqualTo(before.body); // from the cache
        assertThat(get(path, Map.of("If-None-Match", before.header("ETag"))).status).isEqualTo(304);

        upload("township", townships(box(113, 27, 113.8, 28))); // 坡子街街道's east edge leaves the tile

        Bin after = get(path, Map.of("If-None-Match", before.header("ETag")));
        assertThat(after.status).isEqualTo(200);
        assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
        assertThat(after.body).isNotEqualTo(before.body);
        assertThat(opaquePixels(decode(after.body))).isLessThan(opaquePixels(decode(before.body)));
    }

    @Test
    void a_county_officer_gets_only_their_own_county_in_png_tiles() {
        server.userWithToken("tianxin", Role.COUNTY_OFFICER, "430103");
        String path = path("grid_county", tileAt(10, 112.0, 28)) + "?style=outline"; // 芙蓉区's west edge only
        assertThat(opaquePixels(decode(get(path, Map.of()).body))).isPositive();
        Bin mine = get(path, Map.of("Authorization", "Bearer " + server.tokenFor("tianxin")));
        assertThat(mine.status).isEqualTo(200);
        assertThat(opaquePixels(decode(mine.body))).isZero();
    }

    private static String townships(String poZiJie) {
        return fc(feature("430102001", "定王台街道", box(112, 27, 113, 28)),
                feature("430102002", "文艺路街道", box(112, 28, 113, 29)),
                feature("430103001", "坡子街街道", poZiJie),
                feature("430103002", "城南路街道", box(113, 28, 114, 29)));
    }

    private static String path(String layer, int[] t) {
        return "/tiles/" + layer + "/" + t[0] + "/" + t[1] + "/" + t[2] + ".png";
    }

    private static BufferedImage decode(byte[] png) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(img).as("a decodable PNG").isNotNull();
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    private static int opaquePixels(BufferedImage img) {
        return (int) Arrays.stream(pixels(img)).filter(p -> p >>> 24 > 0).count();
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
