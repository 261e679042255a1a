package cn.gridwatch.dispatch;

import java.util.Arrays;

/**
 * Ranks a station's {@link Neighbours} for one reading by {@link UpwindWeight}: highest weight
 * first, ties by distance, then by source id, and keeps the best {@code k}. Pure and thread-safe.
 */
final class SourceRanking {
    private SourceRanking() {
    }

    /** Positions into {@code n} of the best {@code k} and their weights, best first. */
    record Ranked(int[] positions, double[] weights) {
    }

    static Ranked top(Neighbours n, Double windFromDeg, Double windSpeed, double radiusM, int k) {
        int size = n.size();
        double[] w = new double[size];
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            double b = n.bearingDeg()[i];
            w[i] = UpwindWeight.weight(n.distanceM()[i], Double.isNaN(b) ? null : b, windFromDeg, windSpeed, radiusM);
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(w[b], w[a]);
            if (c == 0) {
                c = Double.compare(n.distanceM()[a], n.distanceM()[b]);
            }
            return c != 0 ? c : Long.compare(n.sourceIds()[a], n.sourceIds()[b]);
        });
        int m = Math.min(k, size);
        int[] positions = new int[m];
        double[] weights = new double[m];
        for (int i = 0; i < m; i++) {
            positions[i] = order[i];
            weights[i] = Math.round(w[order[i]] * 10_000) / 10_000.0;
        }
        return new Ranked(positions, weights);
    }
}
