package cn.gridwatch.routing.network.graph;

import java.util.Arrays;

/**
 * Geodesic measures on a road edge's vertices, stored as one array {@code x0, y0, x1, y1, ...} of
 * lon/lat degrees (EPSG:4490). Lengths are haversine metres on the sphere that
 * {@link cn.gridwatch.routing.GreatCircleMatrix} uses; a fraction is a share of that length, the same
 * measure pgRouting's {@code pgr_withPoints} gets from us. Projection works in a local equirectangular
 * plane around the point (error well under a metre at snapping distances). Stateless and thread-safe.
 */
public final class Polyline {
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private Polyline() {
    }

    /** Haversine distance in metres between two lon/lat points. */
    public static double metres(double lon1, double lat1, double lon2, double lat2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }

    /** The length in metres of the line through {@code xy}. */
    public static double length(double[] xy) {
        double sum = 0;
        for (int i = 2; i < xy.length; i += 2) {
            sum += metres(xy[i - 2], xy[i - 1], xy[i], xy[i + 1]);
        }
        return sum;
    }

    /** Where a point falls on a line: the share of the length before it and the distance to it in metres. */
    public record Projection(double fraction, double distanceM, double lon, double lat) {
    }

    /** The nearest point of the line to (lon, lat). */
    public static Projection project(double[] xy, double lon, double lat) {
        double kx = Math.cos(Math.toRadians(lat));
        double bestD2 = Double.MAX_VALUE;
        int bestSeg = 0;
        double bestT = 0;
        for (int i = 2; i < xy.length; i += 2) {
            double ax = (xy[i - 2] - lon) * kx;
            double ay = xy[i - 1] - lat;
            double bx = (xy[i] - lon) * kx;
            double by = xy[i + 1] - lat;
            double dx = bx - ax;
            double dy = by - ay;
            double len2 = dx * dx + dy * dy;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
            double px = ax + t * dx;
            double py = ay + t * dy;
            double d2 = px * px + py * py;
            if (d2 < bestD2) {
                bestD2 = d2;
                bestSeg = i;
                bestT = t;
            }
        }
        double before = 0;
        for (int i = 2; i < bestSeg; i += 2) {
            before += metres(xy[i - 2], xy[i - 1], xy[i], xy[i + 1]);
        }
        double segLen = metres(xy[bestSeg - 2], xy[bestSeg - 1], xy[bestSeg], xy[bestSeg + 1]);
        double total = length(xy);
        double px = xy[bestSeg - 2] + bestT * (xy[bestSeg] - xy[bestSeg - 2]);
        double py = xy[bestSeg - 1] + bestT * (xy[bestSeg + 1] - xy[bestSeg - 1]);
        double fraction = total == 0 ? 0 : Math.max(0, Math.min(1, (before + bestT * segLen) / total));
        return new Projection(fraction, metres(lon, lat, px, py), px, py);
    }

    /**
     * The vertices of the part of the line between fractions {@code from} and {@code to}, in that
     * direction (from > to walks the line backwards). Always at least two points.
     */
    public static double[] part(double[] xy, double from, double to) {
        boolean reverse = from > to;
        double lo = Math.min(from, to);
        double hi = Math.max(from, to);
        double total = length(xy);
        double[] out = new double[xy.length + 4];
        int n = 0;
        double at = 0;
        double[] start = pointAt(xy, lo * total);
        out[n++] = start[0];
        out[n++] = start[1];
        for (int i = 2; i < xy.length - 2; i += 2) {
            at += metres(xy[i - 2], xy[i - 1], xy[i], xy[i + 1]);
            if (at > lo * total && at < hi * total) {
                out[n++] = xy[i];
                out[n++] = xy[i + 1];
            }
        }
        double[] end = pointAt(xy, hi * total);
        out[n++] = end[0];
        out[n++] = end[1];
        double[] res = Arrays.copyOf(out, n);
        return reverse ? reversed(res) : res;
    }

    /** The line's vertices in the opposite order. */
    public static double[] reversed(double[] xy) {
        double[] r = new double[xy.length];
        for (int i = 0; i < xy.length; i += 2) {
            r[xy.length - 2 - i] = xy[i];
            r[xy.length - 1 - i] = xy[i + 1];
        }
        return r;
    }

    private static double[] pointAt(double[] xy, double metresAlong) {
        double at = 0;
        for (int i = 2; i < xy.length; i += 2) {
            double seg = metres(xy[i - 2], xy[i - 1], xy[i], xy[i + 1]);
            if (at + seg >= metresAlong && seg > 0) {
                double t = Math.max(0, Math.min(1, (metresAlong - at) / seg));
                return new double[] {xy[i - 2] + t * (xy[i] - xy[i - 2]), xy[i - 1] + t * (xy[i + 1] - xy[i - 1])};
            }
            at += seg;
        }
        return new double[] {xy[xy.length - 2], xy[xy.length - 1]};
    }
}
