package cn.gridwatch.map.tiles;

import cn.gridwatch.map.style.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the city-zoom PNG tiles of the four grid layers into the {@link TileService} cache in the
 * background, so the first browser after a start or a grid change finds the tiles of its opening
 * view cached instead of waiting for them to be drawn. It checks the grid version every
 * {@code pollMillis} and, when the version is new and the grid not empty, renders for the whole
 * jurisdiction (scope "") the tiles of a full-screen view centred on the city ({@code grid_city}
 * bounds, EPSG:4490 lon/lat) at the zooms the page opens on ({@link #coords}), of the layers in the
 * styles the page asks for there ({@link #webPageLayers}), at most {@value #MAX_TILES} tile images (a
 * warm-up that reaches the cap counts as done). A version change during a warm-up stops it (the
 * next check starts again for the new version). One daemon thread at minimum priority, so
 * requests are served first; failures are logged, never thrown. Thread-safe; close to stop it.
 */
public final class TileWarmer implements AutoCloseable {
    static final int VIEW_W = 1920;
    static final int VIEW_H = 1080;
    static final int MAX_TILES = 2400;
    private static final Logger LOG = LoggerFactory.getLogger(TileWarmer.class);
    /** The grid layers the web map shows, coarsest first, and the zoom it starts asking for each (gridlayers.js). */
    private static final List<String> WEB_LAYERS = List.of("grid_city", "grid_county", "grid_township", "grid_village");
    private static final int[] WEB_MIN_ZOOM = {0, 7, 10, 12};
    /** How many zooms below the last one at which the city fits are warmed (phones open 2 lower). */
    static final int ZOOMS = 4;

    /** What one warm-up did: grid version, tile images rendered (or found cached), milliseconds. */
    public record Report(long version, int tiles, long millis, boolean complete) {
    }

    private final TileService tiles;
    private final ScheduledExecutorService thread;
    private final Consumer<Report> onDone;
    private volatile long warmed = Long.MIN_VALUE;
    private volatile Report last;

    /** Starts checking at once and then every {@code pollMillis}; {@code onDone} hears of each warm-up. */
    public TileWarmer(TileService tiles, long pollMillis, Consumer<Report> onDone) {
        this.tiles = tiles;
        this.onDone = onDone;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tile-warm-up");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        thread.scheduleWithFixedDelay(this::check, 0, pollMillis, TimeUnit.MILLISECONDS);
    }

    /** The last finished warm-up, or null before the first. */
    public Report last() {
        return last;
    }

    private void check() {
        try {
            long version = tiles.currentVersion();
            if (version == warmed) {
                return;
            }
            Report r = warm(version);
            if (r.complete()) {
                warmed = version;
            }
            if (r.tiles() > 0) {
                last = r;
                onDone.accept(r);
            }
        } catch (RuntimeException e) {
            LOG.warn("tile warm-up failed (tiles will be drawn on request): {}", e.toString());
            warmed = tiles.currentVersion(); // do not retry a failing grid every poll; a new version retries
        }
    }

    /** Renders the warm-up tiles of {@code version}; stops early when the version changes or on close. */
    Report warm(long version) {
        long t0 = System.nanoTime();
        TileLayer city = TileLayer.byId("grid_city");
        double[] b = tiles.bounds(city, "");
        if (b == null || b[2] - b[0] >= 359) { // no grid yet: TileJSON's world bounds
            return new Report(version, 0, 0, true);
        }
        int n = 0;
        for (TileCoord t : coords(b)) {
            List<String[]> asked = webPageLayers(t.z());
            for (String[] layerStyle : asked) {
                if (n >= MAX_TILES) {
                    return new Report(version, n, (System.nanoTime() - t0) / 1_000_000, true);
                }
                if (thread.isShutdown() || tiles.currentVersion() != version) {
                    return new Report(version, n, (System.nanoTime() - t0) / 1_000_000, false);
                }
                tiles.png(TileLayer.byId(layerStyle[0]), t, layerStyle[1], "");
                n++;
            }
        }
        return new Report(version, n, (System.nanoTime() - t0) / 1_000_000, true);
    }

    /**
     * The {layer, style} pairs the web map asks for at zoom {@code z}: the levels it shows there, the
     * two finest with labels (as web/js/gridlayers.js does).
     */
    static List<String[]> webPageLayers(int z) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < WEB_LAYERS.size(); i++) {
            if (z >= WEB_MIN_ZOOM[i]) {
                shown.add(WEB_LAYERS.get(i));
            }
        }
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            out.add(new String[] {shown.get(i), i >= shown.size() - 2 ? Style.OUTLINE_LABELS : Style.OUTLINE});
        }
        return out;
    }

    /**
     * The tiles of a view centred on {@code [minLon, minLat, maxLon, maxLat]} the size of the largest
     * screen ({@value #VIEW_W}x{@value #VIEW_H} px), at every zoom at which the extent fits in it
     * (where the web map, fitting the city, opens on any screen up to that size), the finest
     * {@value #ZOOMS} of them, finest first (the desk's zoom before the phone's).
     */
    static List<TileCoord> coords(double[] b) {
        int last = 0;
        while (last < TileLayer.TILEJSON_MAX_ZOOM && lonPx(b[2], last + 1) - lonPx(b[0], last + 1) <= VIEW_W
                && latPx(b[1], last + 1) - latPx(b[3], last + 1) <= VIEW_H) {
            last++;
        }
        List<TileCoord> out = new ArrayList<>();
        for (int z = last; z >= Math.max(0, last - ZOOMS + 1); z--) {
            double cx = (lonPx(b[2], z) + lonPx(b[0], z)) / 2;
            double cy = (latPx(b[1], z) + latPx(b[3], z)) / 2;
            int x1 = clampTile((int) Math.floor((cx + VIEW_W / 2.0) / 256), z);
            int y1 = clampTile((int) Math.floor((cy + VIEW_H / 2.0) / 256), z);
            for (int x = clampTile((int) Math.floor((cx - VIEW_W / 2.0) / 256), z); x <= x1; x++) {
                for (int y = clampTile((int) Math.floor((cy - VIEW_H / 2.0) / 256), z); y <= y1; y++) {
                    out.add(new TileCoord(z, x, y));
                }
            }
        }
        return out;
    }

    private static double lonPx(double lon, int z) {
        return (lon + 180) / 360 * 256 * (1L << z);
    }

    private static double latPx(double lat, int z) {
        double clamped = Math.max(-85.0511, Math.min(85.0511, lat));
        double s = Math.sin(Math.toRadians(clamped));
        return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * 256 * (1L << z);
    }

    private static int clampTile(int i, int z) {
        return Math.max(0, Math.min((1 << z) - 1, i));
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
