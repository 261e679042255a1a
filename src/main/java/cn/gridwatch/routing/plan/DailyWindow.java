package cn.gridwatch.routing.plan;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * A time of day in which an inspection may begin, the same on every day of a plan
 * ({@code 09:00-12:00}, local time Asia/Shanghai). Also used for working hours, where it is the span
 * in which a team is out. Immutable.
 */
public record DailyWindow(LocalTime start, LocalTime end) {
    public DailyWindow {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a daily time window must start before it ends, but was "
                    + start + "-" + end);
        }
    }

    /** Parses {@code HH:mm-HH:mm}; {@code field} names the value in the message. */
    public static DailyWindow parse(String field, String text) {
        String[] p = text == null ? new String[0] : text.split("-");
        if (p.length != 2) {
            throw new IllegalArgumentException("'" + field + "' must look like 09:00-12:00, but was: '" + text + "'");
        }
        try {
            return new DailyWindow(LocalTime.parse(p[0].trim()), LocalTime.parse(p[1].trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + field + "' must look like 09:00-12:00, but was: '" + text + "'", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + field + "': " + e.getMessage(), e);
        }
    }

    /** A time of day {@code HH:mm}. */
    public static LocalTime time(String field, String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("'" + field + "' must be a time like 08:30, but was: '" + text + "'", e);
        }
    }

    public long startSecond() {
        return start.toSecondOfDay();
    }

    public long endSecond() {
        return end.toSecondOfDay();
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
