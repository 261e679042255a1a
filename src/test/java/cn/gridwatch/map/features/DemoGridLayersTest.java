package cn.gridwatch.map.features;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GdalTools;
import cn.gridwatch.TestServer;
import cn.gridwatch.db.TestDatabase;
import cn.gridwatch.grid.GridKind;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.imports.ImportReport;
import cn.gridwatch.grid.imports.ImportRequest;
import cn.gridwatch.grid.imports.ImportStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The map layers over the demo grid (gis-data/, 946 cells imported as the demo does): GDAL reads
 * every village through the OGC API's next links, and low-zoom tiles of real shapes are built.
 */
class DemoGridLayersTest {
    private static TestDatabase.Fresh db;
    private static TestServer server;
    private static String token;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        server = new TestServer(db);
        token = server.tokenFor(TestServer.ADMIN);
        String[][] files = {{"city.geojson", "city"}, {"counties.geojson", "county"},
            {"townships.geojson", "township"}, {"villages.geojson", "village"}};
        for (String[] f : files) {
            ImportReport r = server.services().imports().importFile(ImportRequest.builder(Path.of("gis-data", f[0]),
                    GridLevel.parse(f[1])).kind(GridKind.ADMIN).crs("EPSG:4490").validFrom(LocalDate.of(2024, 1, 1))
                    .qa(false).build());
            assertThat(r.status()).isEqualTo(ImportStatus.COMMITTED);
        }
        server.services().locate().refresh();
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
    void gdal_reads_every_demo_village_through_the_next_links() throws Exception {
        long villages = server.services().grids().loadSnapshot(null).stream()
                .filter(c -> c.level() == GridLevel.VILLAGE && c.kind() == GridKind.ADMIN).count();
        assertThat(villages).isGreaterThan(500);
        String out = GdalTools.ogrinfoWithBasicAuth("gis", token, "-ro", "-oo", "PAGE_SIZE=250",
                "OAPIF:http://127.0.0.1:" + server.port() + "/ogc", "grid_village");
        assertThat(out.split("OGRFeature\\(grid_village\\)", -1).length - 1).isEqualTo((int) villages);
    }

    @Test
    void the_whole_city_at_zoom_5_is_one_simplified_tile_with_every_county() throws Exception {
        double[] box = server.services().tiles().bounds(cn.gridwatch.map.tiles.TileLayer.byId("grid_city"), "");
        double lon = (box[0] + box[2]) / 2;
        double lat = (box[1] + box[3]) / 2;
        int z = 5;
        int x = (int) Math.floor((lon + 180) / 360 * (1 << z));
        double r = Math.toRadians(lat);
        int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * (1 << z));
        HttpResponse<byte[]> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + server.port() + "/tiles/grid_county/" + z + "/" + x + "/" + y + ".mvt"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(res.statusCode()).isEqualTo(200);
        List<String> counties = server.services().grids().loadSnapshot(null).stream()
                .filter(c -> c.level() == GridLevel.COUNTY).map(c -> c.code()).toList();
        // MVT stores string values as plain UTF-8, so every county's code is readable in the bytes
        String text = new String(res.body(), StandardCharsets.UTF_8);
        assertThat(counties).isNotEmpty().allSatisfy(code -> assertThat(text).contains(code));
        assertThat(res.body().length).as("simplified to the tile's pixel size").isLessThan(200_000);
    }
}
