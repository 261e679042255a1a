package cn.gridwatch.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.TimeZone;

/**
 * The zone whose calendar days the server counts in: "today" for grid validity (locate, tiles,
 * search), default import dates, WMS {@code TIME} and OGC {@code datetime} dates, and the session
 * time zone of every database connection (pgjdbc sends the JVM's default zone). Chinese bureaus count
 * days in Beijing time, so the default is {@code Asia/Shanghai} whatever the machine's own zone is; a
 * server left on UTC would otherwise start the day eight hours late and disagree with the statistics,
 * feeds and plans, which always use Beijing time. Set {@code GRIDWATCH_TIMEZONE} to change it.
 * Stateless.
 */
public final class ServerZone {
    public static final String VARIABLE = "GRIDWATCH_TIMEZONE";
    public static final ZoneId DEFAULT = ZoneId.of("Asia/Shanghai");

    private ServerZone() {
    }

    /** @throws IllegalArgumentException naming the variable and the value when it is not a zone id */
    public static ZoneId from(Map<String, String> env) {
        String v = env.get(VARIABLE);
        if (v == null || v.isBlank()) {
            return DEFAULT;
        }
        try {
            return ZoneId.of(v.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(VARIABLE + " must be a time zone id such as Asia/Shanghai or"
                    + " UTC+08:00, but was: '" + v + "'", e);
        }
    }

    /** Makes the zone of {@code env} the JVM's default; call before anything reads the clock or opens a connection. */
    public static ZoneId apply(Map<String, String> env) {
        ZoneId zone = from(env);
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        return zone;
    }
}
