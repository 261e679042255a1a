package cn.gridwatch.map.tiles;

import cn.gridwatch.db.Database;
import cn.gridwatch.geo.CrsRegistry;
import cn.gridwatch.map.MapLayer;
import cn.gridwatch.map.TimeRange;
import cn.gridwatch.map.render.ImageEncoder;
import cn.gridwatch.map.render.ImageFormat;
import cn.gridwatch.map.render.MapImageService;
import cn.gridwatch.map.style.Style;
import cn.gridwatch.map.TableLayer;
import cn.gridwatch.map.table.MapDataVersions;
import cn.gridwatch.map.table.TableFilter;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vector (MVT) and PNG tiles of the published layers. Grid tiles are cached by (format, style, layer,
 * z, x, y, grid version, scope). Table layers' tiles (registers, roads, plans, thematic) are cached
 * too, with a variant in the key: the data version of their sources ({@link MapDataVersions}: from
 * memory, re-read after any commit through this instance, so an edit here is never answered with
 * an old tile, and at least every second for edits by other instances), the time range, vendor parameters, the viewer for restricted layers, and the minute
 * for layers whose picture moves with the clock (overdue problems, coverage of the last 30 days,
 * the default window of complaints). Officers get only the rows of their jurisdiction. The grid version comes from {@code currentVersion}, which in the app is the
 * version of the in-memory grid snapshot: an import through this instance refreshes it before
 * answering, imports through other instances reach it by LISTEN/NOTIFY (or the poll), so no
 * database query is made per cached tile. Because the version is in the key, a tile built before a
 * change is never served after this instance has learned of the change, and instances that share a
 * database converge as they learn it.
 *
 * <p>Vector tiles below a layer's minimum zoom are empty without asking the database. PNG tiles
 * are drawn by {@link MapImageService}, the path behind WMS GetMap, and follow the layer's WMS
 * scale range: outside it the tile is empty. With labels, a tile is drawn with a
 * {@value #LABEL_BUFFER_PX} pixel margin and cropped, so a label near an edge is drawn (in part)
 * by both neighbours. A tile draws a label only when all of it fits in the tile plus margin, so a
 * label wider than about the margin, anchored outside the tile, can still stop at its edge. Thread-safe.
 */
public final class TileService implements AutoCloseable {
    public static final int PNG_SIZE = 256;
    static final int LABEL_BUFFER_PX = 64;
    private static final String WEB_MERCATOR = "EPSG:3857";
    private static final Logger LOG = LoggerFactory.getLogger(TileService.class);
    /** Tiles of layers that move with the clock are cached for at most this long. */
    static final long CLOCK_BUCKET_MS = 60_000;

    private final Database db;
    private final MapImageService images;
    private final LongSupplier currentVersion;
    private final TileCache cache;
    private final TileRepository repo = new TileRepository();
    private volatile TileWarmer warmer;
    private final MapDataVersions versions;
    private final Clock clock;

    /** @param cacheBytes the most bytes of tiles kept in memory (0 turns caching off) */
    public TileService(Database db, MapImageService images, LongSupplier currentVersion, long cacheBytes) {
        this.db = db;
        this.images = images;
        this.currentVersion = currentVersion;
        this.cache = new TileCache(cacheBytes);
        this.versions = images.tables().versions(); // one in-memory copy shared with the WMS capabilities
        this.clock = Clock.systemUTC();
    }

    /** The current grid version (what {@code ?v=} must equal for a long-lived answer). */
    public long currentVersion() {
        return currentVersion.getAsLong();
    }

    /**
     * The MVT tile of {@code layer} at {@code t} as seen by a viewer limited to codes starting with
     * {@code scopePrefix} ("" for everything).
     */
    public Tile tile(TileLayer layer, TileCoord t, String scopePrefix) {
        return tile(layer, t, scopePrefix, null);
    }

    /**
     * As {@link #tile(TileLayer, TileCoord, String)}, with the time range of timed register layers
     * ({@code time} null: the layer's default window).
     */
    public Tile tile(TileLayer layer, TileCoord t, String scopePrefix, TimeRange time) {
        return tile(layer, t, new TableFilter(time, scopePrefix));
    }

    /**
     * The MVT tile of {@code layer} at {@code t} for {@code filter}: its scope, and for register
     * layers its time range, vendor parameters and viewer.
     */
    public Tile tile(TileLayer layer, TileCoord t, TableFilter filter) {
        String scopePrefix = filter.scopePrefix();
        long version = currentVersion();
        if (t.z() < layer.minZoom()) {
            return tile(new byte[0], version);
        }
        if (!layer.isGrid()) {
            double simplify = t.z() <= TileRepository.SIMPLIFY_UP_TO_ZOOM ? TileRepository.unitMetres(t.z()) : 0;
            Supplier<byte[]> build = () -> images.tables().mvt(layer.layer(), t.z(), t.x(), t.y(), simplify, filter);
            String variant = variant(layer.layer().table(), filter);
            return variant == null ? tile(build.get(), version)
                    : cached(new TileCache.Key("mvt", "", layer.id(), t.z(), t.x(), t.y(), version, scopePrefix,
                            variant), build);
        }
        return cached(new TileCache.Key("mvt", "", layer.id(), t.z(), t.x(), t.y(), version, scopePrefix),
                () -> db.withConnection("building tile " + layer.id() + "/" + t.z() + "/" + t.x() + "/" + t.y(),
                        c -> repo.tile(c, layer, t, scopePrefix)));
    }

    /**
     * The 256x256 transparent PNG tile of {@code layer} at {@code t} in {@code style} (a style of
     * the layer; blank: its default), with only the features the viewer may see ({@code scopePrefix})
     * and, for timed layers, those of {@code time} (null: the default window). Empty (no bytes) when
     * the layer does not draw at the tile's scale.
     *
     * @throws IllegalArgumentException naming the style when the layer has no such style
     */
    public Tile png(TileLayer layer, TileCoord t, String style, String scopePrefix, TimeRange time) {
        return png(layer, t, style, new TableFilter(time, scopePrefix));
    }

    /** As {@link #png(TileLayer, TileCoord, String, String, TimeRange)} for {@code filter} (see {@link #tile(TileLayer, TileCoord, TableFilter)}). */
    public Tile png(TileLayer layer, TileCoord t, String style, TableFilter filter) {
        String scopePrefix = filter.scopePrefix();
        MapLayer mapLayer = layer.layer();
        Style s = mapLayer.style(style);
        long version = currentVersion();
        Envelope tileBox = t.webMercatorEnvelope();
        if (!mapLayer.visibleAt(MapImageService.scaleDenominator(CrsRegistry.parse(WEB_MERCATOR), tileBox, PNG_SIZE))) {
            return tile(new byte[0], version);
        }
        if (!layer.isGrid()) {
            Supplier<byte[]> build = () -> ImageEncoder.encode(renderPng(mapLayer, s, tileBox, scopePrefix, filter),
                    ImageFormat.PNG, null);
            String variant = variant(mapLayer.table(), filter);
            return variant == null ? tile(build.get(), version)
                    : cached(new TileCache.Key("png", s.name(), layer.id(), t.z(), t.x(), t.y(), version, scopePrefix,
                            variant), build);
        }
        return cached(new TileCache.Key("png", s.name(), layer.id(), t.z(), t.x(), t.y(), version, scopePrefix),
                () -> ImageEncoder.encode(renderPng(mapLayer, s, tileBox, scopePrefix, filter), ImageFormat.PNG, null));
    }

    /** As {@link #png(TileLayer, TileCoord, String, String, TimeRange)} with the default time window. */
    public Tile png(TileLayer layer, TileCoord t, String style, String scopePrefix) {
        return png(layer, t, style, scopePrefix, null);
    }

    private BufferedImage renderPng(MapLayer layer, Style style, Envelope tileBox, String scopePrefix,
            TableFilter filter) {
        int buffer = style.labels() ? LABEL_BUFFER_PX : 0;
        Envelope box = new Envelope(tileBox);
        box.expandBy(tileBox.getWidth() * buffer / PNG_SIZE);
        int size = PNG_SIZE + 2 * buffer;
        BufferedImage img = images.render(new MapImageService.Request(List.of(layer), List.of(style),
                CrsRegistry.parse(WEB_MERCATOR), box, size, size, null, null, code -> code.startsWith(scopePrefix),
                filter));
        return buffer == 0 ? img : img.getSubimage(buffer, buffer, PNG_SIZE, PNG_SIZE);
    }

    private Tile cached(TileCache.Key key, Supplier<byte[]> build) {
        Tile hit = cache.get(key);
        if (hit != null) {
            return hit;
        }
        Tile tile = tile(build.get(), key.version());
        cache.put(key, tile);
        return tile;
    }

    /**
     * What besides the address and grid version a table layer's tile depends on, as a cache key part:
     * the data version of its sources (see {@link MapDataVersions}),
     * the asked time, its vendor parameters, the viewer when rows are restricted and the minute when
     * the layer moves with the clock (or shows a default window ending now). Null when the layer
     * declares no sources (never cached).
     */
    private String variant(TableLayer table, TableFilter f) {
        if (table.sources().isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder().append(versions.of(table));
        sb.append('|').append(f.time() == null ? "-" : f.time().from() + "/" + f.time().to());
        sb.append('|').append(f.paramValues(table));
        if (table.restrictedTo() != null) {
            sb.append('|').append(f.viewer().key());
        }
        boolean defaultWindow = table.timed() && !table.allTimesByDefault() && f.time() == null;
        if (table.movesWithClock() || defaultWindow) {
            sb.append("|m").append(clock.millis() / CLOCK_BUCKET_MS);
        }
        return sb.toString();
    }

    /** The layer's extent as {@code [minLon, minLat, maxLon, maxLat]} for TileJSON. */
    public double[] bounds(TileLayer layer, String scopePrefix) {
        return bounds(layer, scopePrefix, TableFilter.Viewer.PRIVILEGED);
    }

    /** As {@link #bounds(TileLayer, String)} of the rows {@code viewer} may see (restricted layers: plans). */
    public double[] bounds(TileLayer layer, String scopePrefix, TableFilter.Viewer viewer) {
        if (!layer.isGrid()) {
            double[] e = images.tables().extent(layer.layer(), scopePrefix, viewer);
            return e != null ? e : TileRepository.WORLD.clone();
        }
        return db.withConnection("reading the extent of " + layer.id(), c -> repo.bounds(c, layer, scopePrefix));
    }

    /**
     * Starts rendering the city-zoom grid tiles into the cache in the background after the start
     * and after each grid change ({@link TileWarmer}), checking the version every {@code pollMillis}.
     */
    public TileWarmer warmUp(long pollMillis) {
        close();
        warmer = new TileWarmer(this, pollMillis, r -> LOG.info("tile warm-up of grid version {}: {} tiles in {} ms", r.version(), r.tiles(), r.millis()));
        return warmer;
    }

    /** The background warm-up, or null when {@link #warmUp} was not called. */
    public TileWarmer warmer() {
        return warmer;
    }

    /** Stops the warm-up thread, if any. */
    @Override
    public void close() {
        TileWarmer w = warmer;
        if (w != null) {
            w.close();
        }
    }

    /** Bytes held by the cache (for tests and monitoring). */
    public long cachedBytes() {
        return cache.bytes();
    }

    private static Tile tile(byte[] bytes, long version) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return new Tile(bytes, version, "\"v" + version + "-" + Long.toHexString(crc.getValue()) + "\"");
    }
}
