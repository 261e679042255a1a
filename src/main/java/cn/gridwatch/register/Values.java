package cn.gridwatch.register;

import cn.gridwatch.grid.AdminCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading register values from text and writing them back so that the text reads back to the same
 * value (exports re-import unchanged). Local times are China Standard Time, UTC+8, the zone of every
 * register this server holds. Every failure is an {@link IllegalArgumentException} whose message says
 * what was expected. Stateless and thread-safe.
 */
public final class Values {
    /** China Standard Time: local date-times in files are taken in it, and timestamps written in it. */
    public static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    public static final int MAX_TEXT = 4000;
    public static final int MAX_CODE = 64;
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})");
    private static final Pattern LOCAL_TIME = Pattern.compile(
            "(\\d{4}[-/]\\d{1,2}[-/]\\d{1,2})[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(\\.\\d{1,9})?)?");

    private Values() {
    }

    /** The typed value of {@code text} (non-null, trimmed). */
    public static Object parse(FieldType type, String text) {
        switch (type) {
            case TEXT:
                if (text.length() > MAX_TEXT) {
                    throw new IllegalArgumentException("is longer than " + MAX_TEXT + " characters");
                }
                return text;
            case CODE:
                return code(text);
            case GRID_CODE:
                return AdminCode.normalize(text);
            case DATE:
                return date(text);
            case TIMESTAMP:
                return instant(text);
            case DECIMAL:
                try {
                    return new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("is not a number", e);
                }
            default:
                throw new IllegalStateException("unknown field type " + type);
        }
    }

    /** An identifier: no white space, 1..64 characters. */
    public static String code(String text) {
        if (text.length() > MAX_CODE) {
            throw new IllegalArgumentException("is longer than " + MAX_CODE + " characters");
        }
        if (text.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("must not contain spaces");
        }
        return text.endsWith(".0") && text.chars().limit(text.length() - 2L).allMatch(Character::isDigit)
                ? text.substring(0, text.length() - 2) : text; // spreadsheets turn numeric codes into 430102.0
    }

    /** {@code 2024-05-01} or {@code 2024/5/1}, years 1..9999. */
    public static LocalDate date(String text) {
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("is not a date like 2024-05-01");
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("is not a real date: " + e.getMessage(), e);
        }
    }

    /** ISO-8601 with an offset or {@code Z}, or a local date-time in China Standard Time. */
    public static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MICROS); // PostgreSQL keeps µs
        } catch (DateTimeParseException e) {
            Matcher m = LOCAL_TIME.matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException("is not a date-time like 2024-05-01T09:30:00+08:00 or"
                        + " 2024-05-01 09:30 (China Standard Time)", e);
            }
            try {
                LocalDate d = date(m.group(1));
                int nanos = m.group(5) == null ? 0 : Integer.parseInt((m.group(5).substring(1) + "00000000").substring(0, 9));
                LocalDateTime t = d.atTime(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        m.group(4) == null ? 0 : Integer.parseInt(m.group(4)), nanos);
                return t.toInstant(CHINA).truncatedTo(ChronoUnit.MICROS);
            } catch (java.time.DateTimeException e2) {
                throw new IllegalArgumentException("is not a real date-time: " + e2.getMessage(), e2);
            }
        }
    }

    /** The text a value is written as in exports and JSON; null stays null. */
    public static String format(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Instant i) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(i.atOffset(CHINA));
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof List<?> l) {
            return l.isEmpty() ? null : String.join(";", l.stream().map(Object::toString).toList());
        }
        return v.toString();
    }

    /** A coordinate written so that it parses back to the same double. */
    public static String coordinate(double d) {
        return BigDecimal.valueOf(d).toPlainString();
    }
}
