package cn.gridwatch.grid.generate.registers;

import java.util.List;
import java.util.SplittableRandom;

/** Seeded weighted choices for the generators. Stateless and thread-safe; the random generator is not. */
final class Weighted {
    private Weighted() {
    }

    /** An index into {@code cumulative} (running sums of non-negative weights) chosen by weight. */
    static int index(double[] cumulative, SplittableRandom rnd) {
        double total = cumulative[cumulative.length - 1];
        if (!(total > 0)) {
            throw new IllegalStateException("nothing to choose from: all weights are zero");
        }
        double x = rnd.nextDouble() * total;
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) { // the first index whose running sum exceeds x: never a zero-weight item
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** One of {@code items}, item {@code i} with weight {@code weights[i]}. */
    static <T> T pick(List<T> items, double[] weights, SplittableRandom rnd) {
        double[] c = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            c[i] = sum;
        }
        return items.get(index(c, rnd));
    }

    /** One of {@code items}, uniformly. */
    static <T> T any(List<T> items, SplittableRandom rnd) {
        return items.get(rnd.nextInt(items.size()));
    }

    /** True with probability {@code p}. */
    static boolean chance(double p, SplittableRandom rnd) {
        return rnd.nextDouble() < p;
    }
}
