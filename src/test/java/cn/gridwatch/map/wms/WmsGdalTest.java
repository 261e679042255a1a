package cn.gridwatch.map.wms;

import static cn.gridwatch.map.wms.WmsFixture.darkestColumn;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GdalTools;
import cn.gridwatch.TestServer;
import cn.gridwatch.db.TestDatabase;
import cn.gridwatch.geo.WebMercator;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GDAL's WMS driver as the client (gdalinfo and gdal_translate as subprocesses, the API token in
 * the URL as GIS tools send it), over the {@link WmsFixture} grid.
 */
class WmsGdalTest {
    private static TestDatabase.Fresh db;
    private static TestServer server;
    private static String url;

    private final Path dir = Path.of("target", "wms", "gdal");

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        server = new TestServer(db);
        WmsFixture.load(server);
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
    void gdalinfo_lists_every_grid_layer_from_the_capabilities() {
        String out = GdalTools.run("gdalinfo", "WMS:" + url);
        for (String layer : List.of("grid_city", "grid_county", "grid_township", "grid_village")) {
            assertThat(out).contains("LAYERS=" + layer);
        }
        assertThat(out).contains("村/社区网格");
    }

    @Test
    void gdal_translate_draws_the_county_boundary_at_the_same_column_in_epsg4490_130_and_epsg3857_111() throws IOException {
        // 112.5..113.5E, 27.5..28.5N; the counties meet at 113E, the middle column in both CRSs
        // (Web Mercator x is linear in longitude)
        BufferedImage geographic = translate("1.3.0", "EPSG:4490", 112.5, 28.5, 113.5, 27.5);
        double[] ul = WebMercator.fromLonLat(112.5, 28.5);
        double[] lr = WebMercator.fromLonLat(113.5, 27.5);
        BufferedImage mercator = translate("1.1.1", "EPSG:3857", ul[0], ul[1], lr[0], lr[1]);
        assertThat(geographic.getWidth()).isEqualTo(400);
        int a = darkestColumn(geographic, 20, 380, 500);
        int b = darkestColumn(mercator, 20, 380, 500);
        assertThat(a).isBetween(198, 201);
        assertThat(Math.abs(a - b)).isLessThanOrEqualTo(1);
    }

    private BufferedImage translate(String version, String crs, double ulx, double uly, double lrx, double lry)
            throws IOException {
        boolean yx = version.equals("1.3.0") && cn.gridwatch.geo.CrsRegistry.axisOrderIsYX(crs);
        GdalTools.WmsPng drawn = GdalTools.wmsToPng(url, version, crs, "grid_county", ulx, uly, lrx, lry, dir, true);
        Files.writeString(dir.resolve(crs.replace(':', '_') + ".log"), drawn.output());
        // the 1.3.0 EPSG:4490 request must send lat,lon
        assertThat(drawn.output()).contains(yx ? "bbox=27.5" : "bbox=");
        return drawn.image();
    }
}
