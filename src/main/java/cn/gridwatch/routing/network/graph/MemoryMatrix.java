package cn.gridwatch.routing.network.graph;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The in-memory engine: one {@link GraphSearch} (Dijkstra, stopping when every destination is
 * settled) per origin, origins spread over the common fork-join pool, each worker with its own
 * search arrays. Stateless and thread-safe.
 */
public final class MemoryMatrix implements NetworkMatrix {
    @Override
    public Legs compute(RoadGraph g, List<Snap> snaps) {
        int n = snaps.size();
        double[][] s = new double[n][];
        double[][] m = new double[n][];
        int workers = Math.max(1, Math.min(n, Runtime.getRuntime().availableProcessors()));
        IntStream.range(0, workers).parallel().forEach(w -> {
            GraphSearch search = new GraphSearch(g);
            for (int i = w; i < n; i += workers) {
                GraphSearch.Leg[] legs = search.run(snaps.get(i), snaps);
                double[] rowS = new double[n];
                double[] rowM = new double[n];
                for (int j = 0; j < n; j++) {
                    rowS[j] = i == j ? 0 : legs[j].seconds();
                    rowM[j] = i == j ? 0 : legs[j].metres();
                }
                s[i] = rowS;
                m[i] = rowM;
            }
        });
        return new Legs(s, m);
    }

    @Override
    public String name() {
        return "memory";
    }
}
