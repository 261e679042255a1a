package cn.gridwatch.stats;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A statistics period {@code [from, to)} of whole calendar days in China Standard Time
 * ({@link #ZONE}, UTC+8): {@code from} is the first day counted, {@code to} the first day not
 * counted. Timestamps in the registers are compared with the instants at which these days start.
 * Immutable.
 *
 * @param from first day of the period (inclusive)
 * @param to   first day after the period (exclusive)
 */
public record StatsPeriod(LocalDate from, LocalDate to) {
    /** The zone whose midnights bound a period: the bureaus count days in Beijing time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Longest period accepted, about ten years. */
    public static final int MAX_DAYS = 3660;
    /** Earliest first day accepted: older registers do not exist, and year 0 is not a date in PostgreSQL. */
    public static final LocalDate MIN_FROM = LocalDate.of(1900, 1, 1);

    /**
     * @throws IllegalArgumentException naming {@code from} and {@code to} when the period is empty, too long
     *     or starts before {@link #MIN_FROM}
     */
    public StatsPeriod {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a statistics period needs both 'from' and 'to'");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("'from' must be before 'to' (the period is [from, to)), but was from="
                    + from + ", to=" + to);
        }
        if (from.isBefore(MIN_FROM)) {
            throw new IllegalArgumentException("'from' must be on or after " + MIN_FROM + ", but was: " + from);
        }
        long days = ChronoUnit.DAYS.between(from, to);
        if (days > MAX_DAYS) {
            throw new IllegalArgumentException("the period from=" + from + " to=" + to + " has " + days
                    + " days; at most " + MAX_DAYS + " are allowed");
        }
    }

    /** The {@code days} days that end with {@code lastDay} (included). */
    public static StatsPeriod endingWith(LocalDate lastDay, int days) {
        return new StatsPeriod(lastDay.minusDays(days - 1L), lastDay.plusDays(1));
    }

    /** Number of days in the period. */
    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to);
    }

    /** The period of the same length that ends where this one starts. */
    public StatsPeriod previous() {
        return new StatsPeriod(from.minusDays(days()), from);
    }

    /** The instant the period starts (midnight of {@code from} in {@link #ZONE}). */
    public OffsetDateTime start() {
        return from.atStartOfDay(ZONE).toOffsetDateTime();
    }

    /** The instant the period ends, exclusive (midnight of {@code to} in {@link #ZONE}). */
    public OffsetDateTime end() {
        return to.atStartOfDay(ZONE).toOffsetDateTime();
    }
}
