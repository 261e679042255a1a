package cn.gridwatch.geo;

/**
 * Converts one point, x = longitude/easting, y = latitude/northing, returning a new
 * {@code double[] {x, y}}. Instances backed by proj4j are not thread-safe; see where they come from.
 */
@FunctionalInterface
interface PointOp {
    double[] apply(double x, double y);
}
