package cn.gridwatch.map.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.TestGrids;
import cn.gridwatch.TestHttp.Reply;
import cn.gridwatch.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The tile warm-up on the real server: after the grid is loaded it renders the opening view's grid
 * tiles into the cache, so the page's first requests are cache hits (the cache does not grow and
 * the bytes are the warmed ones); after a grid change it warms the new version.
 */
class TileWarmUpTest {
    // TestServer stops the warm-up Wiring started; this test starts its own
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.withSmallCity();

    private static TileWarmer.Report warmed(TileWarmer w, long version) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            TileWarmer.Report r = w.last();
            if (r != null && r.complete() && r.version() == version) {
                return r;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no complete warm-up of version " + version + "; last: " + w.last());
    }

    @Test
    void the_opening_view_s_grid_tiles_are_cached_before_a_browser_asks_and_again_after_an_import() throws Exception {
        TileService tiles = server.services().tiles();
        assertThat(tiles.cachedBytes()).isZero();
        TileWarmer w = tiles.warmUp(100);
        TileWarmer.Report r = warmed(w, tiles.currentVersion());
        assertThat(r.tiles()).isPositive();
        long cached = tiles.cachedBytes();
        assertThat(cached).as("warmed tiles in the cache").isPositive();

        // the small city (112..114 E, 27..29 N) fits 1920x1080 up to zoom 8; at 8 the city tile is warmed
        int[] t = TileApiTest.tileAt(8, 113, 28);
        String path = "/tiles/grid_city/8/" + t[1] + "/" + t[2] + ".png?style=outline_labels&v=" + tiles.currentVersion();
        Reply first = server.http().get(path);
        assertThat(first.status()).isEqualTo(200);
        assertThat(tiles.cachedBytes()).as("a warmed tile is a hit: the cache does not grow").isEqualTo(cached);

        long before = tiles.currentVersion();
        TestGrids.importOk(server.http(), "village", TestGrids.fc(
                TestGrids.feature("430102001001", "解放东村社区", TestGrids.box(112, 27, 112.5, 28)),
                TestGrids.feature("430102001002", "马王堆社区", TestGrids.box(112.5, 27, 113, 28)),
                TestGrids.feature("430103001001", "白沙井社区", TestGrids.box(113, 27, 113.5, 28))));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (tiles.currentVersion() == before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(tiles.currentVersion()).isGreaterThan(before);
        warmed(w, tiles.currentVersion());
        assertThat(tiles.cachedBytes()).as("the new version's tiles are warmed too").isGreaterThan(cached);
    }
}
