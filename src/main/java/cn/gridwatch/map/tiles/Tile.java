package cn.gridwatch.map.tiles;

/**
 * A rendered tile (MVT or PNG): its bytes (empty when nothing is in it), the grid version it was made from
 * and its entity tag {@code "v{version}-{hash}"}. Treat the bytes as read-only.
 */
public record Tile(byte[] bytes, long version, String etag) {
    public boolean isEmpty() {
        return bytes.length == 0;
    }
}
