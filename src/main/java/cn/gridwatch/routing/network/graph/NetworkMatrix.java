package cn.gridwatch.routing.network.graph;

import java.util.List;

/**
 * Computes travel times and distances among points snapped onto one road network: the engine
 * behind {@link cn.gridwatch.routing.network.RoadMatrixProvider}. Implementations are thread-safe.
 */
public interface NetworkMatrix {
    /** Times and distances between points on one network; {@code seconds[i][j]} is infinite without a path. */
    record Legs(double[][] seconds, double[][] metres) {
    }

    /** Every ordered pair of {@code snaps} (all {@link Snap.Status#ON_ROAD} on {@code g}), in their order. */
    Legs compute(RoadGraph g, List<Snap> snaps);

    /** A short name for notes and benchmarks. */
    String name();
}
