package cn.gridwatch.grid.generate.registers;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Random times of a generated year in China Standard Time (UTC+8), written as ISO 8601 with the offset,
 * e.g. {@code 2026-03-05T09:30:00+08:00}. Stateless and thread-safe; the random generator is not.
 */
final class Times {
    static final ZoneOffset CST = ZoneOffset.ofHours(8);
    static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private Times() {
    }

    /** A day of [from, from + days), uniformly, or a weekday with probability {@code weekdayBias}. */
    static LocalDate day(LocalDate from, int days, double weekdayBias, SplittableRandom rnd) {
        LocalDate d = from.plusDays(rnd.nextInt(days));
        if (isWeekend(d) && rnd.nextDouble() < weekdayBias) {
            d = from.plusDays(rnd.nextInt(days));
        }
        return d;
    }

    /** {@code day} at a random minute between {@code fromMinute} and {@code toMinute} after midnight. */
    static OffsetDateTime at(LocalDate day, int fromMinute, int toMinute, SplittableRandom rnd) {
        int m = fromMinute + rnd.nextInt(toMinute - fromMinute);
        return day.atTime(m / 60, m % 60).atOffset(CST);
    }

    static String iso(OffsetDateTime t) {
        return t.format(ISO);
    }

    private static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
