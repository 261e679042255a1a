package cn.gridwatch.grid.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A road network being drawn for the demo: OSM nodes (ids from 1, lon/lat EPSG:4490 rounded to
 * 1e-7 degree) and ways (ids from 1, with tags), in creation order. Distances use a local
 * equirectangular plane (metres), fine at city scale. Not thread-safe.
 */
final class RoadSketch {
    /** One way: its node ids in order and its tags in insertion order. */
    record Way(long id, long[] refs, Map<String, String> tags) {
    }

    private static final double M_PER_DEG_LAT = 110_574;
    private final List<double[]> nodes = new ArrayList<>();
    private final List<Way> ways = new ArrayList<>();
    private final double mPerDegLon;

    RoadSketch(double refLat) {
        this.mPerDegLon = 111_320 * Math.cos(Math.toRadians(refLat));
    }

    long node(double lon, double lat) {
        nodes.add(new double[] {Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7});
        return nodes.size();
    }

    /** A node {@code east} and {@code north} metres from (lon, lat). */
    long nodeOffset(double lon, double lat, double east, double north) {
        return node(lon + east / mPerDegLon, lat + north / M_PER_DEG_LAT);
    }

    double lon(long id) {
        return nodes.get((int) id - 1)[0];
    }

    double lat(long id) {
        return nodes.get((int) id - 1)[1];
    }

    double metres(long a, long b) {
        double dx = (lon(b) - lon(a)) * mPerDegLon;
        double dy = (lat(b) - lat(a)) * M_PER_DEG_LAT;
        return Math.hypot(dx, dy);
    }

    void way(long[] refs, String... keyValues) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                tags.put(keyValues[i], keyValues[i + 1]);
            }
        }
        ways.add(new Way(ways.size() + 1, refs, tags));
    }

    /**
     * The node ids of a gently curving road from {@code a} to {@code b}: new nodes every ~400 m on an
     * arc bowed sideways by up to 7% of the length (500 m at most), each moved by up to 15 m more.
     */
    long[] line(long a, long b, SplittableRandom rnd) {
        double len = metres(a, b);
        int k = Math.max(1, (int) Math.ceil(len / 400));
        double bow = Math.min(0.07 * len, 500) * (rnd.nextDouble() * 2 - 1);
        double dx = (lon(b) - lon(a)) * mPerDegLon;
        double dy = (lat(b) - lat(a)) * M_PER_DEG_LAT;
        double nx = len == 0 ? 0 : -dy / len;
        double ny = len == 0 ? 0 : dx / len;
        long[] refs = new long[k + 1];
        refs[0] = a;
        refs[k] = b;
        for (int i = 1; i < k; i++) {
            double t = (double) i / k;
            double side = bow * Math.sin(Math.PI * t) + (rnd.nextDouble() * 2 - 1) * 15;
            double east = t * dx + side * nx + (rnd.nextDouble() * 2 - 1) * 15;
            double north = t * dy + side * ny;
            refs[i] = nodeOffset(lon(a), lat(a), east, north);
        }
        return refs;
    }

    List<double[]> nodes() {
        return nodes;
    }

    List<Way> ways() {
        return ways;
    }

    /** Total length of all ways in kilometres. */
    double lengthKm() {
        double m = 0;
        for (Way w : ways) {
            for (int i = 1; i < w.refs.length; i++) {
                m += metres(w.refs[i - 1], w.refs[i]);
            }
        }
        return m / 1000;
    }

    /** Index pairs of a minimum spanning tree over {@code ids} (Prim; ties by index, so deterministic). */
    List<int[]> spanningTree(long[] ids) {
        int n = ids.length;
        List<int[]> edges = new ArrayList<>();
        if (n < 2) {
            return edges;
        }
        boolean[] in = new boolean[n];
        double[] best = new double[n];
        int[] from = new int[n];
        Arrays.fill(best, Double.MAX_VALUE);
        in[0] = true;
        for (int j = 1; j < n; j++) {
            best[j] = metres(ids[0], ids[j]);
        }
        for (int step = 1; step < n; step++) {
            int next = -1;
            for (int j = 0; j < n; j++) {
                if (!in[j] && (next < 0 || best[j] < best[next])) {
                    next = j;
                }
            }
            in[next] = true;
            edges.add(new int[] {from[next], next});
            for (int j = 0; j < n; j++) {
                double d = metres(ids[next], ids[j]);
                if (!in[j] && d < best[j]) {
                    best[j] = d;
                    from[j] = next;
                }
            }
        }
        return edges;
    }
}
