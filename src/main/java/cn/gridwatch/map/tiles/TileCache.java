package cn.gridwatch.map.tiles;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An in-memory least-recently-used cache of rendered tiles, bounded by the total bytes of the
 * tiles it holds. Keys carry the grid version (and table layers' data versions), so a change never
 * finds an old tile: it asks for a new key, and the old entries age out. Two concurrent misses of one key both render it
 * (harmless; the second put replaces the first). Thread-safe (one lock; the work under it is a map
 * operation).
 */
final class TileCache {
    /**
     * What identifies a tile: format ({@code mvt}, {@code png}), style ("" for vector tiles), layer,
     * address, grid version, the viewer's scope prefix and, for table layers, the variant: their data
     * version, time range, vendor parameters, viewer (restricted layers) and clock minute (layers that
     * move with the clock).
     */
    record Key(String format, String style, String layer, int z, int x, int y, long version, String scopePrefix,
            String variant) {
        Key(String format, String style, String layer, int z, int x, int y, long version, String scopePrefix) {
            this(format, style, layer, z, x, y, version, scopePrefix, "");
        }
    }

    private final long maxBytes;
    private final LinkedHashMap<Key, Tile> map = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    TileCache(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("tile cache size must be >= 0 bytes, but was: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    synchronized Tile get(Key key) {
        return map.get(key);
    }

    synchronized void put(Key key, Tile tile) {
        if (tile.bytes().length > maxBytes) {
            return;
        }
        Tile old = map.put(key, tile);
        bytes += tile.bytes().length - (old == null ? 0 : old.bytes().length);
        Iterator<Map.Entry<Key, Tile>> it = map.entrySet().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            bytes -= it.next().getValue().bytes().length;
            it.remove();
        }
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return map.size();
    }
}
