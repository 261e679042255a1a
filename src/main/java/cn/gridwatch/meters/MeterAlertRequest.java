package cn.gridwatch.meters;

import java.time.Duration;
import java.time.Instant;

/**
 * One meter-alert run: the intervals with {@code from <= t < to}, of every pair or of one source
 * ({@code sourceCode}), under {@code settings}. Immutable.
 */
public record MeterAlertRequest(Instant from, Instant to, String sourceCode, AlertSettings settings) {
    public static final Duration MAX_WINDOW = Duration.ofDays(31);

    public MeterAlertRequest {
        if (from == null) {
            throw new IllegalArgumentException("field 'from' is required");
        }
        if (to == null || !to.isAfter(from)) {
            throw new IllegalArgumentException("field 'to' must be after 'from' (" + from + "), but was: " + to);
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("a meter-alert run covers at most " + MAX_WINDOW.toDays()
                    + " days; 'from' " + from + " to 'to' " + to + " is longer");
        }
        if (settings == null) {
            settings = AlertSettings.defaults();
        }
    }
}
