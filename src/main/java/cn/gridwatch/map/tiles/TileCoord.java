package cn.gridwatch.map.tiles;

import cn.gridwatch.geo.WebMercator;
import org.locationtech.jts.geom.Envelope;

/**
 * A tile address in the XYZ scheme of web maps (EPSG:3857, origin top left, as
 * {@code ST_TileEnvelope}). Construction checks the ranges, with messages naming the bad value.
 * Immutable.
 */
public record TileCoord(int z, int x, int y) {
    public TileCoord {
        if (z < 0 || z > TileLayer.MAX_ZOOM) {
            throw new IllegalArgumentException("tile zoom z must be in 0.." + TileLayer.MAX_ZOOM + ", but was: " + z);
        }
        long n = 1L << z;
        if (x < 0 || x >= n) {
            throw new IllegalArgumentException("tile column x must be in 0.." + (n - 1) + " at zoom " + z + ", but was: " + x);
        }
        if (y < 0 || y >= n) {
            throw new IllegalArgumentException("tile row y must be in 0.." + (n - 1) + " at zoom " + z + ", but was: " + y);
        }
    }

    /** The tile's extent in EPSG:3857 metres (x = easting), as {@code ST_TileEnvelope(z, x, y)}. */
    public Envelope webMercatorEnvelope() {
        double size = 2 * WebMercator.MAX_EXTENT_M / (1L << z);
        double minX = -WebMercator.MAX_EXTENT_M + x * size;
        double maxY = WebMercator.MAX_EXTENT_M - y * size;
        return new Envelope(minX, minX + size, maxY - size, maxY);
    }

    /** Parses the three path parts; a non-number is an {@link IllegalArgumentException} naming it. */
    public static TileCoord parse(String z, String x, String y) {
        return new TileCoord(number("z", z), number("x", x), number("y", y));
    }

    private static int number(String name, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tile " + name + " must be a whole number, but was: '" + v + "'", e);
        }
    }
}
