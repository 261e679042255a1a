package cn.gridwatch.routing;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The fallback where no road network covers an area: great-circle distance (haversine on a sphere
 * of radius 6,371,008.8 m) times a detour factor, driven at a fixed speed. Every matrix it makes says
 * so in its notes. Immutable and thread-safe.
 */
public final class GreatCircleMatrix implements TravelMatrixProvider {
    /** Road distance over straight-line distance typical of Chinese county roads. */
    public static final double DEFAULT_DETOUR = 1.3;
    public static final double DEFAULT_SPEED_KMH = 30.0;
    private static final double EARTH_RADIUS_M = 6_371_008.8;
    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4490);

    private final double detour;
    private final double metresPerSecond;

    public GreatCircleMatrix() {
        this(DEFAULT_DETOUR, DEFAULT_SPEED_KMH);
    }

    public GreatCircleMatrix(double detour, double speedKmh) {
        if (!(detour >= 1.0 && detour <= 5.0)) {
            throw new IllegalArgumentException("detour factor must be in [1, 5], but was: " + detour);
        }
        if (!(speedKmh > 0 && speedKmh <= 200)) {
            throw new IllegalArgumentException("speed must be in (0, 200] km/h, but was: " + speedKmh);
        }
        this.detour = detour;
        this.metresPerSecond = speedKmh / 3.6;
    }

    @Override
    public TravelMatrix matrix(List<Coordinate> points) {
        int n = points.size();
        long[][] s = new long[n][n];
        long[][] m = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    double d = metres(points.get(i), points.get(j)) * detour;
                    m[i][j] = Math.round(d);
                    s[i][j] = Math.round(d / metresPerSecond);
                }
            }
        }
        String note = String.format("no road network used: great-circle distance x %.2f at %.0f km/h",
                detour, metresPerSecond * 3.6);
        return new TravelMatrix(s, m, "great_circle", List.of(note));
    }

    @Override
    public LineString path(Coordinate from, Coordinate to) {
        return GEOMETRY.createLineString(new Coordinate[] {new Coordinate(from), new Coordinate(to)});
    }

    /** Haversine distance in metres between two lon/lat points. */
    public static double metres(Coordinate a, Coordinate b) {
        double p1 = Math.toRadians(a.y);
        double p2 = Math.toRadians(b.y);
        double dp = p2 - p1;
        double dl = Math.toRadians(b.x - a.x);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }
}
