package cn.gridwatch.map.wms;

import static cn.gridwatch.map.wms.WmsFixture.darkPixels;
import static cn.gridwatch.map.wms.WmsFixture.image;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.TestServer;
import cn.gridwatch.grid.GridKind;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.imports.ImportRequest;
import cn.gridwatch.grid.imports.ImportStatus;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The WMS over the demo city in gis-data/ (946 cells): all four levels with labels, in EPSG:3857
 * and a Gauss-Krüger zone, several clients at once. Writes the maps to target/wms/ to look at.
 */
class WmsDemoGridTest {
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.server();
    private static String token;

    @BeforeAll
    static void start() {
        String[][] files = {{"city.geojson", "city"}, {"counties.geojson", "county"},
            {"townships.geojson", "township"}, {"villages.geojson", "village"}};
        for (String[] f : files) {
            ImportRequest req = ImportRequest.builder(Path.of("gis-data", f[0]), GridLevel.parse(f[1]))
                    .kind(GridKind.ADMIN).crs("EPSG:4490").validFrom(LocalDate.of(2024, 1, 1)).qa(false).build();
            assertThat(server.services().imports().importFile(req).status()).isEqualTo(ImportStatus.COMMITTED);
        }
        token = server.tokenFor(TestServer.ADMIN);
    }

    private static byte[] map(String query, String saveAs) throws IOException {
        HttpResponse<byte[]> r = WmsFixture.get(server.port(), token, "/wms?SERVICE=WMS&REQUEST=GetMap&FORMAT=image/png"
                + query);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo("image/png");
        if (saveAs != null) {
            Files.createDirectories(Path.of("target", "wms"));
            Files.write(Path.of("target", "wms", saveAs), r.body());
        }
        return r.body();
    }

    @Test
    void the_whole_city_draws_every_level_with_labels_in_web_mercator() throws IOException {
        String all = "&LAYERS=grid_village,grid_township,grid_county,grid_city"
                + "&STYLES=outline,outline_labels,outline_labels,outline";
        BufferedImage img = image(map("&VERSION=1.1.1&SRS=EPSG:3857&BBOX=12549000,3178000,12613000,3242000"
                + all + "&WIDTH=1024&HEIGHT=1024", "wms-demo-city-3857.png"));
        assertThat(darkPixels(img, 0, 0, 1024, 1024, 600)).isGreaterThan(20_000);
    }

    @Test
    void village_labels_at_a_large_scale_in_a_gauss_kruger_zone() throws IOException {
        double[] c = cn.gridwatch.geo.CrsRegistry.fromCgcs2000("EPSG:4547", 112.98, 27.7);
        String bbox = (c[1] - 6000) + "," + (c[0] - 8000) + "," + (c[1] + 6000) + "," + (c[0] + 8000);
        BufferedImage img = image(map("&VERSION=1.3.0&CRS=EPSG:4547&BBOX=" + bbox
                + "&LAYERS=grid_village,grid_township&STYLES=outline_labels,outline&WIDTH=800&HEIGHT=600",
                "wms-demo-villages-4547.png"));
        assertThat(darkPixels(img, 0, 0, 800, 600, 450)).isGreaterThan(2_000);
    }

    @Test
    void concurrent_map_requests_all_succeed_and_agree() throws Exception {
        String q = "&VERSION=1.3.0&CRS=EPSG:4490&BBOX=27.44,112.74,27.94,113.30"
                + "&LAYERS=grid_township,grid_county&STYLES=outline_labels,outline_labels&WIDTH=512&HEIGHT=512";
        byte[] expected = map(q, null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<byte[]>> futures = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                futures.add(pool.submit(() -> map(q, null)));
            }
            for (Future<byte[]> f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
