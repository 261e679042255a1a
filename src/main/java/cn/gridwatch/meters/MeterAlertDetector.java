package cn.gridwatch.meters;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Finds the periods where a production meter runs while its control meter is off or far below its
 * normal ratio, by the rule of {@link AlertSettings}. Works on in-memory series (15-minute interval
 * start → average kW). Pure and thread-safe.
 */
public final class MeterAlertDetector {
    public static final Duration INTERVAL = Duration.ofMinutes(15);

    private MeterAlertDetector() {
    }

    /** The {@code q}-quantile (0..1) of {@code values} by nearest rank; 0 for none. */
    public static double quantile(double[] values, double q) {
        if (values.length == 0) {
            return 0;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int rank = (int) Math.ceil(q * v.length);
        return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
    }

    /** The kW above which {@code baseline} (the production meter's readings) counts as running. */
    public static double runThresholdKw(double[] baseline, AlertSettings s) {
        return s.runFraction() * quantile(baseline, 0.90);
    }

    /**
     * The flagged periods among the production intervals with {@code from <= t < to}.
     *
     * @param runThresholdKw production above this runs ({@link #runThresholdKw}); 0 or less flags nothing
     */
    public static List<AlertPeriod> detect(NavigableMap<Instant, Double> production, Map<Instant, Double> control,
            double normalRatio, double runThresholdKw, Instant from, Instant to, AlertSettings s) {
        List<AlertPeriod> out = new ArrayList<>();
        if (runThresholdKw <= 0) {
            return out;
        }
        double limit = s.ratioFraction() * normalRatio;
        Run run = null;
        for (Map.Entry<Instant, Double> e : production.subMap(from, true, to, false).entrySet()) {
            Instant t = e.getKey();
            double p = e.getValue();
            Double c = control.get(t);
            boolean flagged = p > runThresholdKw && c != null && c / p < limit;
            if (run != null && (!flagged || !run.end.equals(t))) {
                run.closeInto(out, s.minIntervals());
                run = null;
            }
            if (flagged) {
                if (run == null) {
                    run = new Run(t);
                }
                run.add(t, p, c / p);
            }
        }
        if (run != null) {
            run.closeInto(out, s.minIntervals());
        }
        return out;
    }

    /** A period being built. */
    private static final class Run {
        final Instant start;
        Instant end;
        int n;
        double minRatio = Double.MAX_VALUE;
        double sumKw;

        Run(Instant start) {
            this.start = start;
            this.end = start;
        }

        void add(Instant t, double kw, double ratio) {
            end = t.plus(INTERVAL);
            n++;
            minRatio = Math.min(minRatio, ratio);
            sumKw += kw;
        }

        void closeInto(List<AlertPeriod> out, int minIntervals) {
            if (n >= minIntervals) {
                out.add(new AlertPeriod(start, end, n, minRatio, sumKw / n));
            }
        }
    }
}
