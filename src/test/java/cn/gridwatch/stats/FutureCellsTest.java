package cn.gridwatch.stats;

import static cn.gridwatch.TestGrids.box;
import static cn.gridwatch.TestGrids.fc;
import static cn.gridwatch.TestGrids.feature;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.TestHttp;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A village imported with a validity that starts next month is not a cell yet: the statistics do
 * not list it and the per-cell thematic layers do not shade it, as the grid tiles, search and locate
 * already leave it out. The villages valid today stay.
 */
class FutureCellsTest {
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.withSmallCity();
    private static final String FUTURE = "430103002001";
    private static TestHttp http;

    @BeforeAll
    static void importAFutureVillage() {
        http = server.http();
        String from = LocalDate.now().plusDays(30).toString();
        var imported = http.post("/api/grids/import?level=village&crs=EPSG:4490&validFrom=" + from
                + "&filename=future.geojson", fc(feature(FUTURE, "未来新村社区", box(113.2, 28.2, 113.8, 28.8)))
                .getBytes(StandardCharsets.UTF_8), "application/geo+json");
        assertThat(imported.status()).as(imported.body()).isIn(200, 201);
        assertThat(http.get("/api/grids?q=" + FUTURE).body()).as("the cell is stored, with its later start")
                .contains(FUTURE);
    }

    @Test
    void statistics_list_only_the_villages_valid_today() {
        String body = http.get("/api/stats?level=village&root=430100").body();
        assertThat(body).contains("430102001001").contains("430102001002").doesNotContain(FUTURE);
        String period = http.get("/api/stats?level=village&root=430100&from=2025-03-01&to=2025-03-29").body();
        assertThat(period).as("a past period is reported on today's grid").contains("430102001001")
                .doesNotContain(FUTURE);
    }

    @Test
    void thematic_layers_shade_only_the_villages_valid_today() {
        for (String layer : new String[] {"grid_overdue", "grid_patrol_coverage"}) {
            var items = http.get("/ogc/collections/" + layer + "/items?level=village&limit=100");
            assertThat(items.status()).as(items.body()).isEqualTo(200);
            assertThat(items.body()).as(layer).contains("430102001001").doesNotContain(FUTURE);
        }
    }
}
