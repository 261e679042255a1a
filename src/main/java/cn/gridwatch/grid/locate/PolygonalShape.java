package cn.gridwatch.grid.locate;

import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Exact "covers" test of a point against one polygon (shell plus holes), packed into primitive
 * arrays and banded by latitude so that a test only looks at the edges whose y-range contains the
 * point. Coordinates are whatever the polygon uses (EPSG:4490 here: x = longitude, y = latitude).
 *
 * <p>Algorithm: the ray-crossing count of JTS {@code RayCrossingCounter} (itself after
 * O'Rourke, "Computational Geometry in C"), with the robust orientation predicate of
 * {@link CGAlgorithmsDD}, so the answer is exactly that of JTS {@code covers}: a point on any ring
 * (vertex or edge) is covered, otherwise an odd number of crossings means interior. An edge can
 * only affect a point whose y lies in the edge's closed y-range, and it is filed under every band
 * {@code band(ymin)..band(ymax)} of the same monotone band function used at query time, so no
 * relevant edge is ever missed, without any tolerance.
 *
 * <p>Immutable after construction; {@link #covers} allocates nothing and is safe from any number of
 * threads.
 */
final class PolygonalShape {
    private final double minX;
    private final double minY;
    private final double maxX;
    private final double maxY;
    /** Ring vertices one after another; edge k runs from vertex k to k + 1 (never across rings). */
    private final double[] xs;
    private final double[] ys;
    private final double bandInv;
    private final int bandCount;
    private final int[] bandStart;
    private final int[] bandEdges;

    PolygonalShape(Polygon polygon) {
        int vertexCount = polygon.getNumPoints();
        xs = new double[vertexCount];
        ys = new double[vertexCount];
        int[] ringEnds = new int[polygon.getNumInteriorRing() + 1];
        int n = copyRing(polygon.getExteriorRing(), 0);
        ringEnds[0] = n;
        for (int r = 0; r < polygon.getNumInteriorRing(); r++) {
            n = copyRing(polygon.getInteriorRingN(r), n);
            ringEnds[r + 1] = n;
        }
        Envelope env = envelopeOf(xs, ys, n);
        minX = env.minX;
        minY = env.minY;
        maxX = env.maxX;
        maxY = env.maxY;
        int edgeCount = Math.max(1, n - ringEnds.length);
        bandCount = maxY > minY ? Math.max(1, Math.min(edgeCount / 3, 1 << 16)) : 1;
        bandInv = maxY > minY ? bandCount / (maxY - minY) : 0;
        bandStart = new int[bandCount + 1];
        forEachRingEdge(ringEnds, (k, b) -> bandStart[b + 1]++);
        for (int b = 0; b < bandCount; b++) {
            bandStart[b + 1] += bandStart[b];
        }
        bandEdges = new int[bandStart[bandCount]];
        int[] fill = bandStart.clone();
        forEachRingEdge(ringEnds, (k, b) -> bandEdges[fill[b]++] = k);
    }

    /** Calls {@code sink} once per (edge, band) pair, an edge being filed under every band its y-range meets. */
    private void forEachRingEdge(int[] ringEnds, BandSink sink) {
        int ringStart = 0;
        for (int ringEnd : ringEnds) {
            for (int k = ringStart; k < ringEnd - 1; k++) {
                int b1 = band(Math.max(ys[k], ys[k + 1]));
                for (int b = band(Math.min(ys[k], ys[k + 1])); b <= b1; b++) {
                    sink.accept(k, b);
                }
            }
            ringStart = ringEnd;
        }
    }

    private interface BandSink {
        void accept(int edge, int band);
    }

    private int copyRing(LinearRing ring, int offset) {
        int n = offset;
        for (Coordinate c : ring.getCoordinates()) {
            xs[n] = c.x;
            ys[n] = c.y;
            n++;
        }
        return n;
    }

    private int band(double y) {
        int b = (int) ((y - minY) * bandInv);
        return b < 0 ? 0 : Math.min(b, bandCount - 1);
    }

    double minX() {
        return minX;
    }

    double minY() {
        return minY;
    }

    double maxX() {
        return maxX;
    }

    double maxY() {
        return maxY;
    }

    /** Calls {@code visitor} with every edge (x1, y1, x2, y2), in no particular order. */
    void forEachEdge(EdgeVisitor visitor) {
        for (int b = 0; b < bandCount; b++) {
            for (int k = bandStart[b]; k < bandStart[b + 1]; k++) {
                int e = bandEdges[k];
                // an edge spanning several bands is listed in each; visit it from its first band only
                if (band(Math.min(ys[e], ys[e + 1])) == b) {
                    visitor.edge(xs[e], ys[e], xs[e + 1], ys[e + 1]);
                }
            }
        }
    }

    /** True when the polygon covers (x, y): interior or boundary, exactly as JTS {@code covers}. */
    boolean covers(double x, double y) {
        if (!(x >= minX && x <= maxX && y >= minY && y <= maxY)) {
            return false;
        }
        int b = band(y);
        int crossings = 0;
        for (int k = bandStart[b], end = bandStart[b + 1]; k < end; k++) {
            int e = bandEdges[k];
            int r = crossing(xs[e], ys[e], xs[e + 1], ys[e + 1], x, y);
            if (r < 0) {
                return true;
            }
            crossings += r;
        }
        return (crossings & 1) == 1;
    }

    /**
     * The same test over edges stored as {@code x1, y1, x2, y2} quadruples {@code from..to-1} of
     * {@code edges} (one band of one polygon, see {@link LevelShapes}).
     */
    static boolean coversByEdges(double[] edges, int from, int to, double x, double y) {
        int crossings = 0;
        for (int k = from * 4, end = to * 4; k < end; k += 4) {
            int r = crossing(edges[k], edges[k + 1], edges[k + 2], edges[k + 3], x, y);
            if (r < 0) {
                return true;
            }
            crossings += r;
        }
        return (crossings & 1) == 1;
    }

    /**
     * One step of the ray-crossing count for edge (x1, y1)-(x2, y2) and point (x, y): -1 when the
     * point lies on the edge's end point (x2, y2) or on the edge, else 1 when the edge crosses the
     * ray to the right of the point, else 0 (JTS {@code RayCrossingCounter.countSegment}).
     */
    private static int crossing(double x1, double y1, double x2, double y2, double x, double y) {
        if (x1 < x && x2 < x) {
            return 0;
        }
        if (x == x2 && y == y2) {
            return -1;
        }
        if (y1 == y && y2 == y) {
            return x >= Math.min(x1, x2) && x <= Math.max(x1, x2) ? -1 : 0;
        }
        if ((y1 > y && y2 <= y) || (y2 > y && y1 <= y)) {
            int orient = CGAlgorithmsDD.orientationIndex(x1, y1, x2, y2, x, y);
            if (orient == 0) {
                return -1;
            }
            if (y2 < y1) {
                orient = -orient;
            }
            return orient > 0 ? 1 : 0;
        }
        return 0;
    }

    int bandCount() {
        return bandCount;
    }

    double bandInv() {
        return bandInv;
    }

    /** Band b's edges are {@code bandEdges()[bandStart()[b] .. bandStart()[b + 1]]}; shared, do not modify. */
    int[] bandStart() {
        return bandStart;
    }

    /** Edge k runs from vertex k to k + 1 of {@link #xs()} / {@link #ys()}; shared, do not modify. */
    int[] bandEdges() {
        return bandEdges;
    }

    double[] xs() {
        return xs;
    }

    double[] ys() {
        return ys;
    }

    /** Receives edges from {@link #forEachEdge}. */
    interface EdgeVisitor {
        void edge(double x1, double y1, double x2, double y2);
    }

    private record Envelope(double minX, double minY, double maxX, double maxY) {
    }

    private static Envelope envelopeOf(double[] xs, double[] ys, int n) {
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            x0 = Math.min(x0, xs[i]);
            y0 = Math.min(y0, ys[i]);
            x1 = Math.max(x1, xs[i]);
            y1 = Math.max(y1, ys[i]);
        }
        return new Envelope(x0, y0, x1, y1);
    }

    static boolean isPolygonal(Geometry g) {
        return g instanceof Polygon || g instanceof MultiPolygon;
    }
}
