package cn.gridwatch.routing.solver;

/**
 * A closed interval {@code [start, end]} in the problem's time unit (seconds for plans, scaled
 * units for benchmarks) in which service at a node may begin. Immutable.
 */
public record TimeWindow(long start, long end) {
    public TimeWindow {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("a time window must have 0 <= start <= end, but was [" + start + ", "
                    + end + "]");
        }
    }

    public boolean contains(long t) {
        return t >= start && t <= end;
    }
}
