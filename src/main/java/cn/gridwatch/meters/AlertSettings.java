package cn.gridwatch.meters;

/**
 * The rule that flags a 15-minute interval, and how flagged intervals become a period:
 * <ul>
 *   <li>production <b>runs</b> when its kW is above {@code runFraction} × its own 90th-percentile kW
 *       over the {@code baselineDays} before the end of the run (default 10 %, 30 days): a line
 *       idling or on standby draws less than a tenth of its working load;
 *   <li>the control equipment is <b>off or far below normal</b> when control kW / production kW is
 *       below {@code ratioFraction} × the pair's normal ratio (default 30 %); "off" is ratio 0;
 *   <li>an interval is flagged when both hold; an interval missing either reading is not flagged
 *       and ends a period (a gap says nothing either way);
 *   <li>consecutive flagged intervals merge into one period, which counts only with at least
 *       {@code minIntervals} intervals (default 2, i.e. 30 minutes).
 * </ul>
 * Immutable.
 */
public record AlertSettings(double runFraction, double ratioFraction, int minIntervals, int baselineDays) {

    public static AlertSettings defaults() {
        return new AlertSettings(0.10, 0.30, 2, 30);
    }

    public AlertSettings {
        check("runFraction", runFraction, 0.001, 1);
        check("ratioFraction", ratioFraction, 0.001, 1);
        if (minIntervals < 1 || minIntervals > 96) {
            throw new IllegalArgumentException("field 'minIntervals' must be in 1..96, but was: " + minIntervals);
        }
        if (baselineDays < 1 || baselineDays > 366) {
            throw new IllegalArgumentException("field 'baselineDays' must be in 1..366, but was: " + baselineDays);
        }
    }

    private static void check(String field, double v, double min, double max) {
        if (!Double.isFinite(v) || v < min || v > max) {
            throw new IllegalArgumentException("field '" + field + "' must be in " + min + ".." + max + ", but was: " + v);
        }
    }
}
