package cn.gridwatch.map.tiles;

import cn.gridwatch.db.Database;
import java.util.function.LongSupplier;
import java.util.zip.CRC32;

/**
 * Vector tiles of the grid layers, cached by (layer, z, x, y, grid version, scope). The grid
 * version comes from {@code currentVersion}, which in the app is the version of the in-memory grid
 * snapshot: an import through this instance refreshes it before answering, imports through other
 * instances reach it by LISTEN/NOTIFY (or the poll), so no database query is made per tile. Because
 * the version is in the key, a tile built before a change is never served after this instance has
 * learned of the change, and instances that share a database converge as they learn it. Below a
 * layer's minimum zoom the tile is empty without asking the database. Thread-safe.
 */
public final class TileService {
    private final Database db;
    private final LongSupplier currentVersion;
    private final TileCache cache;
    private final TileRepository repo = new TileRepository();

    /** @param cacheBytes the most bytes of tiles kept in memory (0 turns caching off) */
    public TileService(Database db, LongSupplier currentVersion, long cacheBytes) {
        this.db = db;
        this.currentVersion = currentVersion;
        this.cache = new TileCache(cacheBytes);
    }

    /** The current grid version (what {@code ?v=} must equal for a long-lived answer). */
    public long currentVersion() {
        return currentVersion.getAsLong();
    }

    /**
     * The tile of {@code layer} at {@code t} as seen by a viewer limited to codes starting with
     * {@code scopePrefix} ("" for everything).
     */
    public Tile tile(TileLayer layer, TileCoord t, String scopePrefix) {
        long version = currentVersion();
        if (t.z() < layer.minZoom()) {
            return new Tile(new byte[0], version, etag(version, new byte[0]));
        }
        TileCache.Key key = new TileCache.Key(layer.id(), t.z(), t.x(), t.y(), version, scopePrefix);
        Tile hit = cache.get(key);
        if (hit != null) {
            return hit;
        }
        byte[] bytes = db.withConnection("building tile " + layer.id() + "/" + t.z() + "/" + t.x() + "/" + t.y(),
                c -> repo.tile(c, layer, t, scopePrefix));
        Tile tile = new Tile(bytes, version, etag(version, bytes));
        cache.put(key, tile);
        return tile;
    }

    /** The layer's extent as {@code [minLon, minLat, maxLon, maxLat]} for TileJSON. */
    public double[] bounds(TileLayer layer, String scopePrefix) {
        return db.withConnection("reading the extent of " + layer.id(), c -> repo.bounds(c, layer, scopePrefix));
    }

    /** Bytes held by the cache (for tests and monitoring). */
    public long cachedBytes() {
        return cache.bytes();
    }

    private static String etag(long version, byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return "\"v" + version + "-" + Long.toHexString(crc.getValue()) + "\"";
    }
}
