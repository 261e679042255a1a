package cn.gridwatch.map;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A half-open time interval {@code [from, to)} for time-filtered layers (complaints by the time they
 * were received); either end may be null (open). Parsed from WMS {@code TIME} and OGC API
 * {@code datetime}: one instant or date, or {@code start/end} where each end is a date (a whole day
 * in {@code zone}: a start date begins at its midnight, an end date includes its day) or an
 * RFC 3339 timestamp with offset (an end timestamp is included, to the microsecond PostgreSQL
 * keeps), and {@code ..} or nothing means open. Immutable.
 */
public record TimeRange(Instant from, Instant to) {
    public TimeRange {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("a time range must start before it ends, but was: " + from + "/" + to);
        }
    }

    /** Everything from {@code days} days before now on (the default window of complaint layers). */
    public static TimeRange lastDays(int days, Clock clock) {
        return new TimeRange(clock.instant().minus(Duration.ofDays(days)), null);
    }

    public boolean isAll() {
        return from == null && to == null;
    }

    /**
     * Parses {@code text} given as parameter {@code param} (named in errors).
     *
     * @throws IllegalArgumentException naming the parameter and the value when it is not a time,
     *     a date or an interval of those, or the interval ends before it starts
     */
    public static TimeRange parse(String param, String text, ZoneId zone) {
        String t = text.trim();
        try {
            int slash = t.indexOf('/');
            if (slash < 0) {
                if (isDate(t)) {
                    LocalDate d = LocalDate.parse(t);
                    return new TimeRange(startOf(d, zone), startOf(d.plusDays(1), zone));
                }
                Instant at = OffsetDateTime.parse(t).toInstant();
                return new TimeRange(at, at.plus(1, ChronoUnit.MICROS));
            }
            String a = t.substring(0, slash).trim();
            String b = t.substring(slash + 1).trim();
            if (b.indexOf('/') >= 0) {
                throw new DateTimeParseException("more than one '/'", t, slash);
            }
            Instant from = open(a) ? null : isDate(a) ? startOf(LocalDate.parse(a), zone) : OffsetDateTime.parse(a).toInstant();
            Instant to = open(b) ? null : isDate(b) ? startOf(LocalDate.parse(b).plusDays(1), zone)
                    : OffsetDateTime.parse(b).toInstant().plus(1, ChronoUnit.MICROS);
            return new TimeRange(from, to);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(param + " must be a date (2024-06-01), a timestamp with offset"
                    + " (2024-06-01T08:00:00+08:00) or an interval start/end of those ('..' for open), but was: '"
                    + text + "'", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(param + " '" + text + "' is not a valid interval: " + e.getMessage(), e);
        }
    }

    private static boolean open(String s) {
        return s.isEmpty() || s.equals("..");
    }

    private static boolean isDate(String s) {
        return s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-';
    }

    private static Instant startOf(LocalDate d, ZoneId zone) {
        return d.atStartOfDay(zone).toInstant();
    }
}
