package cn.gridwatch.feeds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Timestamps as Chinese data feeds write them. A value with an offset or {@code Z} is taken as is;
 * a local date-time without offset ({@code 2025-01-06T08:00} or {@code 2025-01-06 08:00:00}) is
 * China Standard Time, UTC+08:00, which every feed and bureau uses; a plain date is its midnight
 * in UTC+08:00. Stateless and thread-safe.
 */
public final class ChinaTime {
    public static final ZoneOffset ZONE = ZoneOffset.ofHours(8);

    private ChinaTime() {
    }

    /** @throws IllegalArgumentException naming {@code field} and the value */
    public static Instant parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        String t = text.trim().replace(' ', 'T');
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay().toInstant(ZONE);
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d{2}(:?\\d{2})?$")) {
                return OffsetDateTime.parse(t).toInstant();
            }
            return LocalDateTime.parse(t).toInstant(ZONE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + field + "' must be a time like 2025-01-06T08:00:00+08:00 (no offset"
                    + " means +08:00) or a date like 2025-01-06, but was: '" + text + "'", e);
        }
    }

    /** The start of {@code date}'s day in UTC+08:00. */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay().toInstant(ZONE);
    }
}
