package cn.gridwatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.TestGrids;
import cn.gridwatch.TestHttp;
import cn.gridwatch.TestServer;
import cn.gridwatch.security.Role;
import com.microsoft.playwright.BrowserContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Measures (never asserts) how fast the web map of the demo city ({@code gis-data/}, 946 cells)
 * comes up in Chromium on localhost: navigation timing, first grid tile drawn (the first meaningful
 * paint: the page has nothing else to show) and all tiles in view. Cold means a restart:
 * {@code gridwatch serve} in a new JVM on the imported database ({@link FreshServer}), opened as
 * soon as it answers (the {@link cn.gridwatch.map.tiles.TileWarmer} still rendering) and, in a
 * second restart, once the warm-up has finished. The test's own server has no warm-up
 * ({@link TestServer} stops it), so its first visit shows the cost of drawing the tiles on request. Warm means a server that has served the page before,
 * with an empty browser cache, and a reload. Then panning at village zoom, first over new ground
 * and again over the same ground (tiles cached). Prints the figures with the load average and
 * writes them to {@code target/screenshots/timings.txt}; the aim (first paint under 2 s) is for
 * bench/README.md, not a test verdict.
 */
class WebMapLoadTimingTest {
    private static final String USER = "timer";
    @RegisterExtension
    @Order(1)
    static final GridwatchServerExtension server =
            GridwatchServerExtension.server().fixture(WebMapLoadTimingTest::importDemoCity);
    @RegisterExtension
    @Order(2)
    static final BrowserSession browser = BrowserSession.over(server);

    @BeforeAll
    static void user() {
        server.userWithToken(USER, Role.ADMIN, null);
    }

    /** The demo city's four levels from {@code gis-data/}, imported through the API. */
    private static void importDemoCity(TestHttp asAdmin) {
        for (String[] f : new String[][] {{"city", "city"}, {"counties", "county"}, {"townships", "township"},
                {"villages", "village"}}) {
            try {
                String body = Files.readString(Path.of("gis-data", f[0] + ".geojson"), StandardCharsets.UTF_8);
                TestGrids.importOk(asAdmin, f[1], body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void the_demo_city_map_load_timings_are_measured_and_printed() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("web map load timings (ms since navigation start), demo city, 1366x768, Chromium "
                + browser.chromium().version() + ", load average before: " + loadAverage());
        lines.add(coldRow("restarted server (new JVM), at once", false));
        lines.add(coldRow("restarted server (new JVM), after its warm-up", true));
        BrowserContext first = MapPage.signedIn(browser.chromium(), browser.base(), 1366, 768, USER, USER + "-password");
        MapPage cold = new MapPage(first, browser.base()).open();
        cold.waitForTiles();
        lines.add(row("test server (no warm-up), empty browser cache", cold));
        cold.shot("00-demo-city");
        cold.page().reload();
        cold.waitForGrid();
        lines.add(row("reload (browser cache warm)", cold));

        BrowserContext second = MapPage.signedIn(browser.chromium(), browser.base(), 1366, 768, USER, USER + "-password");
        MapPage warm = new MapPage(second, browser.base()).open();
        lines.add(row("warm server, empty browser cache", warm));

        lines.add(pan(warm, "pan at village zoom 14, new ground"));
        lines.add(pan(warm, "pan at village zoom 14, same ground again (cached)"));
        warm.shot("00-demo-village-zoom");
        lines.add("load average after: " + loadAverage());
        assertThat(cold.errors()).isEmpty();
        assertThat(warm.errors()).isEmpty();
        first.close();
        second.close();

        lines.forEach(System.out::println);
        Files.write(MapPage.SHOTS.resolve("timings.txt"), lines, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /**
     * {@code gridwatch serve} started in a new JVM on the same database (a restart), opened in a new
     * browser context as soon as it answers, or once its tile warm-up has logged that it finished;
     * the server is stopped afterwards.
     */
    private static String coldRow(String what, boolean afterWarmUp) throws Exception {
        try (FreshServer fresh = new FreshServer(server.fresh())) {
            long up = fresh.awaitServing();
            String note = String.format(Locale.ROOT, " [JVM start to serving: %d ms", up);
            if (afterWarmUp) {
                note += "; " + fresh.awaitLine("tile warm-up of grid version \\d+: \\d+ tiles in \\d+ ms")
                        .replaceAll(".*tile warm-up", "warm-up");
            }
            BrowserContext ctx = MapPage.signedIn(browser.chromium(), fresh.base(), 1366, 768, USER, USER + "-password");
            try {
                MapPage p = new MapPage(ctx, fresh.base()).open();
                p.waitForTiles();
                assertThat(p.errors()).isEmpty();
                return row(what, p) + note + "]";
            } finally {
                ctx.close();
            }
        }
    }

    private static String row(String what, MapPage p) {
        @SuppressWarnings("unchecked")
        Map<String, Number> t = (Map<String, Number>) p.page().evaluate("() => {"
                + " const n = performance.getEntriesByType('navigation')[0]; const g = window.gwTimings;"
                + " const tiles = performance.getEntriesByType('resource').filter(r => r.name.includes('/tiles/'));"
                + " return {response: n.responseEnd, dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd,"
                + "  signedIn: g.signedIn, map: g.mapCreated, firstTile: g.firstGridTile, allTiles: g.gridLoaded,"
                + "  tileRequests: tiles.length}; }");
        assertThat(t.get("firstTile").doubleValue()).isPositive();
        return String.format(Locale.ROOT, "%-52s html %5.0f  DOMContentLoaded %5.0f  load %5.0f  signed-in %5.0f"
                + "  map %5.0f  FIRST GRID TILE %5.0f  all tiles %5.0f  (%d tile requests)", what,
                t.get("response").doubleValue(), t.get("dcl").doubleValue(), t.get("load").doubleValue(),
                t.get("signedIn").doubleValue(), t.get("map").doubleValue(), t.get("firstTile").doubleValue(),
                t.get("allTiles").doubleValue(), t.get("tileRequests").intValue());
    }

    /** Eight half-screen pans at zoom 14 around the city centre; time until each one's tiles are in. */
    private static String pan(MapPage p, String what) {
        p.view(27.69, 113.02, 14);
        p.page().evaluate("() => performance.clearResourceTimings()");
        List<Double> ms = new ArrayList<>();
        int[][] moves = {{500, 0}, {0, 350}, {-500, 0}, {-500, 0}, {0, -350}, {0, -350}, {500, 0}, {500, 0}};
        for (int[] m : moves) {
            double t0 = ((Number) p.page().evaluate("() => performance.now()")).doubleValue();
            p.page().evaluate("([x, y]) => window.gwMap.panBy([x, y], {animate: false})", List.of(m[0], m[1]));
            p.page().waitForFunction("() => [...window.gwGrid.layers.values()].every(l => !l._map || !l._loading)");
            ms.add(((Number) p.page().evaluate("() => performance.now()")).doubleValue() - t0);
        }
        double max = ms.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double mean = ms.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        @SuppressWarnings("unchecked")
        Map<String, Number> fetched = (Map<String, Number>) p.page().evaluate("() => {"
                + " const t = performance.getEntriesByType('resource').filter(r => r.name.includes('/tiles/'));"
                + " return {all: t.length, network: t.filter(r => r.transferSize > 0).length}; }");
        return String.format(Locale.ROOT, "%-52s tiles in after each pan: mean %5.0f ms, max %5.0f ms"
                + " (%d tile images, %d of them over the network)", what, mean, max, fetched.get("all").intValue(),
                fetched.get("network").intValue());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
