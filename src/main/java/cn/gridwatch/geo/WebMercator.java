package cn.gridwatch.geo;

/**
 * Spherical ("pseudo", "web") Mercator, EPSG:3857, on a sphere of radius 6 378 137 m, as used by
 * web map tiles. Geographic coordinates are longitude/latitude in degrees on WGS84/CGCS2000,
 * projected coordinates are x/y in metres; every method returns {@code double[] {x, y}} or
 * {@code {lon, lat}}. Implemented directly because the formulas are exact and short, and so no datum
 * shift can sneak in.
 *
 * <p>Stateless and thread-safe.
 */
public final class WebMercator {
    /** Sphere radius, metres. */
    public static final double RADIUS_M = 6_378_137.0;
    /** Half the width of the world in metres: x and y of the tile square lie in [-this, this]. */
    public static final double MAX_EXTENT_M = Math.PI * RADIUS_M;

    private WebMercator() {
    }

    /**
     * Lon/lat degrees to x/y metres. Latitude ±90 maps to an infinite y, which callers must reject;
     * the tile square ends at about ±85.0511 degrees.
     */
    public static double[] fromLonLat(double lon, double lat) {
        double x = Math.toRadians(lon) * RADIUS_M;
        double y = Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2)) * RADIUS_M;
        return new double[] {x, y};
    }

    /**
     * X/y metres to lon/lat degrees. Longitude is clamped to [-180, 180] so that the edge of the
     * tile square, which rounding can push a hair past 180, stays a valid longitude.
     */
    public static double[] toLonLat(double x, double y) {
        double lon = Math.max(-180.0, Math.min(180.0, Math.toDegrees(x / RADIUS_M)));
        double lat = Math.toDegrees(2 * Math.atan(Math.exp(y / RADIUS_M)) - Math.PI / 2);
        return new double[] {lon, lat};
    }
}
