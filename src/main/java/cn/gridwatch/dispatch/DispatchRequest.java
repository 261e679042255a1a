package cn.gridwatch.dispatch;

import java.time.Duration;
import java.time.Instant;

/**
 * One dispatch run: the readings with {@code from <= at < to} (of one station, or all when
 * {@code station} is null) are compared with {@code thresholds}; for each exceeding reading the
 * {@code maxSources} best-ranked sources within {@code radiusM} metres get a patrol task. Immutable.
 */
public record DispatchRequest(Instant from, Instant to, String station, Thresholds thresholds, double radiusM,
        int maxSources) {
    public static final Duration MAX_WINDOW = Duration.ofDays(31);

    public DispatchRequest {
        if (from == null) {
            throw new IllegalArgumentException("field 'from' is required (the first reading hour)");
        }
        if (to == null || !to.isAfter(from)) {
            throw new IllegalArgumentException("field 'to' must be after 'from' (" + from + "), but was: " + to);
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("a dispatch run covers at most " + MAX_WINDOW.toDays()
                    + " days; 'from' " + from + " to 'to' " + to + " is longer");
        }
        DispatchSettings.check("field 'radiusM'", radiusM, 100, 50_000);
        DispatchSettings.check("field 'maxSources'", maxSources, 1, 1000);
    }
}
