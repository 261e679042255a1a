package cn.gridwatch.map.wms;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GdalTools;
import cn.gridwatch.TestServer;
import cn.gridwatch.db.TestDatabase;
import cn.gridwatch.geo.WebMercator;
import cn.gridwatch.map.RegisterFixture;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GDAL's WMS driver against the register layers (gdalinfo and gdal_translate as subprocesses, the
 * API token in the URL as GIS tools send it), over {@link RegisterFixture}.
 */
class RegisterLayersGdalTest {
    private static TestDatabase.Fresh db;
    private static TestServer server;
    private static String url;

    private final Path dir = Path.of("target", "wms", "gdal-registers");

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        server = new TestServer(db);
        RegisterFixture.load(server, db);
        url = "http://127.0.0.1:" + server.port() + "/wms?access_token=" + server.tokenFor(TestServer.ADMIN);
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
    void gdalinfo_lists_every_register_layer_with_its_chinese_title() {
        String out = GdalTools.run("gdalinfo", "WMS:" + url);
        for (String layer : List.of("air_stations", "water_sections", "drinking_water_sources", "drinking_water_zones",
                "outfalls", "pollution_sources", "complaints", "problems")) {
            assertThat(out).contains("LAYERS=" + layer);
        }
        assertThat(out).contains("污染源 Pollution sources").contains("信访投诉 Complaints");
    }

    @Test
    void gdal_translate_draws_a_source_at_the_same_place_in_epsg4490_130_and_epsg3857_111() throws IOException {
        BufferedImage geographic = translate("1.3.0", "EPSG:4490", 112, 29, 114, 27);
        double[] ul = WebMercator.fromLonLat(112, 29);
        double[] lr = WebMercator.fromLonLat(114, 27);
        BufferedImage mercator = translate("1.1.1", "EPSG:3857", ul[0], ul[1], lr[0], lr[1]);
        // S-KEY, the key discharger (orange square) at 113.6E 27.6N
        double my = WebMercator.fromLonLat(113.6, 27.6)[1];
        int gx = (int) ((113.6 - 112) * 200);
        int gy = (int) ((29 - 27.6) * 200);
        int mx = gx; // web Mercator x is linear in longitude
        int myPx = (int) ((ul[1] - my) / (ul[1] - lr[1]) * 400);
        assertThat(geographic.getRGB(gx, gy) & 0xFFFFFF).isEqualTo(0xE67E22);
        assertThat(mercator.getRGB(mx, myPx) & 0xFFFFFF).isEqualTo(0xE67E22);
        assertThat(geographic.getRGB(gx - 30, gy) & 0xFFFFFF).as("white around it").isEqualTo(0xFFFFFF);
    }

    private BufferedImage translate(String version, String crs, double ulx, double uly, double lrx, double lry)
            throws IOException {
        return GdalTools.wmsToPng(url, version, crs, "pollution_sources", ulx, uly, lrx, lry, dir, false).image();
    }
}
