package cn.gridwatch.routing.plan;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * A time of day in which an inspection may begin ({@code 09:00-12:00}, local time Asia/Shanghai):
 * on every day of a plan ({@code date} null), or on one date only ({@code 2026-12-01 09:00-11:30}),
 * which then replaces the daily windows on that date. Also used for working hours, where it is the
 * span in which a team is out. Immutable.
 */
public record DailyWindow(LocalTime start, LocalTime end, LocalDate date) {
    public DailyWindow {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a daily time window must start before it ends, but was "
                    + start + "-" + end);
        }
    }

    /** A window on every day. */
    public DailyWindow(LocalTime start, LocalTime end) {
        this(start, end, null);
    }

    /**
     * Parses {@code HH:mm-HH:mm} (every day) or {@code YYYY-MM-DD HH:mm-HH:mm} (that date only);
     * {@code field} names the value in the message.
     */
    public static DailyWindow parse(String field, String text) {
        LocalDate date = null;
        String times = text;
        if (text != null && text.trim().matches("\\d{4}-\\d{2}-\\d{2}\\s+.*")) {
            String[] dt = text.trim().split("\\s+", 2);
            try {
                date = LocalDate.parse(dt[0]);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + field + "' must look like 2026-12-01 09:00-11:30, but was: '"
                        + text + "'", e);
            }
            times = dt[1];
        }
        String[] p = times == null ? new String[0] : times.split("-");
        if (p.length != 2) {
            throw new IllegalArgumentException("'" + field + "' must look like 09:00-12:00 or 2026-12-01 09:00-11:30, "
                    + "but was: '" + text + "'");
        }
        try {
            return new DailyWindow(LocalTime.parse(p[0].trim()), LocalTime.parse(p[1].trim()), date);
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
        return (date == null ? "" : date + " ") + start + "-" + end;
    }
}
