package cn.gridwatch.grid.generate;

import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * A natural-looking outline for a fictional city or province: a star-shaped polygon around a centre
 * whose radius follows a closed random walk (in log scale) plus two or three slow lobes. Star-shaped
 * with positive radii means the ring is always simple. Coordinates are EPSG:4490 lon/lat on the 1e-6
 * degree grid; sizes are half-widths in kilometres. Stateless and thread-safe.
 */
final class CityOutline {
    private static final double KM_PER_DEGREE = 111.32;

    private CityOutline() {
    }

    /**
     * An outline around ({@code lon}, {@code lat}) about {@code 2 * halfWidthKm} wide and
     * {@code 2 * halfHeightKm} high, with {@code vertices} vertices.
     */
    static Polygon create(double lon, double lat, double halfWidthKm, double halfHeightKm, int vertices,
            SplittableRandom rnd) {
        if (vertices < 16) {
            throw new IllegalArgumentException("an outline needs at least 16 vertices, but was: " + vertices);
        }
        double[] walk = new double[vertices + 1];
        for (int i = 1; i <= vertices; i++) {
            walk[i] = walk[i - 1] + (rnd.nextDouble() - 0.5) * 0.05;
        }
        double[] phase = {rnd.nextDouble() * 2 * Math.PI, rnd.nextDouble() * 2 * Math.PI, rnd.nextDouble() * 2 * Math.PI};
        double a = halfWidthKm / (KM_PER_DEGREE * Math.cos(Math.toRadians(lat)));
        double b = halfHeightKm / KM_PER_DEGREE;
        Coordinate[] ring = new Coordinate[vertices + 1];
        for (int i = 0; i < vertices; i++) {
            double t = 2 * Math.PI * i / vertices;
            double closedWalk = walk[i] - walk[vertices] * i / vertices;
            double lobes = 0.12 * Math.sin(2 * t + phase[0]) + 0.08 * Math.sin(3 * t + phase[1])
                    + 0.05 * Math.sin(5 * t + phase[2]);
            double r = Math.exp(closedWalk + lobes);
            ring[i] = GeneratorGeometry.snap(lon + a * r * Math.cos(t), lat + b * r * Math.sin(t));
        }
        ring[vertices] = ring[0].copy();
        Polygon outline = GeneratorGeometry.FACTORY.createPolygon(ring);
        if (!outline.isValid()) {
            throw new IllegalStateException("generated outline is not valid; try more or fewer vertices");
        }
        return outline;
    }
}
