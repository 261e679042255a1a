package cn.gridwatch.config;

import cn.gridwatch.stats.PatrolRules;
import java.util.Map;

/**
 * The server's settings, read once from environment variables (documented in README.md with their
 * defaults). A bad value stops start-up with a message naming the variable. Immutable.
 *
 * @param port HTTP port ({@code GRIDWATCH_PORT}, default 8080; 0 picks a free port)
 * @param host bind address ({@code GRIDWATCH_HOST}, default 0.0.0.0)
 * @param dbUrl JDBC URL of the PostGIS database ({@code GRIDWATCH_DB_URL}; the launcher sets it)
 * @param dbUser database user ({@code GRIDWATCH_DB_USER}, default gridwatch)
 * @param dbPassword database password ({@code GRIDWATCH_DB_PASSWORD}, default empty)
 * @param dbPoolSize connections in the pool ({@code GRIDWATCH_DB_POOL_SIZE}, default 16)
 * @param maxUploadMb largest accepted upload in MiB ({@code GRIDWATCH_MAX_UPLOAD_MB}, default 200)
 * @param gridRefreshSeconds how often the grid and auth versions are polled as a fallback to LISTEN/NOTIFY
 *     ({@code GRIDWATCH_GRID_REFRESH_SECONDS}, default 30)
 * @param sessionHours how long a browser session lasts ({@code GRIDWATCH_SESSION_HOURS}, default 12)
 * @param trustProxy take the client address from X-Forwarded-For ({@code GRIDWATCH_TRUST_PROXY},
 *     default false; set it only behind a proxy that overwrites that header)
 * @param patrolRules patrol frequency per level and target class for statistics
 *     ({@code GRIDWATCH_PATROL_RULES}, default {@link PatrolRules#DEFAULT_TEXT})
 * @param roadSnapMetres how far a point may lie from a road and still be snapped to it
 *     ({@code GRIDWATCH_ROAD_SNAP_METRES}, default 1000)
 * @param basemapUrl an XYZ tile URL template for the web map's optional background map
 *     ({@code GRIDWATCH_BASEMAP_URL}, default none: the grid is drawn on a plain background), e.g.
 *     Tianditu's; {@code http(s)://} with {@code {z}}, {@code {x}} and {@code {y}}
 * @param basemapAttribution the credit shown for that background map ({@code GRIDWATCH_BASEMAP_ATTRIBUTION})
 * @param planWorkers background plan jobs computed at the same time ({@code GRIDWATCH_PLAN_WORKERS}, default 1)
 * @param planQueue background plan jobs that may wait for a worker ({@code GRIDWATCH_PLAN_QUEUE}, default 8)
 */
public record Config(
        int port,
        String host,
        String dbUrl,
        String dbUser,
        String dbPassword,
        int dbPoolSize,
        int maxUploadMb,
        int gridRefreshSeconds,
        int sessionHours,
        boolean trustProxy,
        PatrolRules patrolRules,
        int roadSnapMetres,
        String basemapUrl,
        String basemapAttribution,
        int planWorkers,
        int planQueue) {

    public static Config fromEnvironment() {
        return from(System.getenv());
    }

    public static Config from(Map<String, String> env) {
        int port = intValue(env, "GRIDWATCH_PORT", 8080, 0, 65535);
        String host = text(env, "GRIDWATCH_HOST", "0.0.0.0");
        String url = env.get("GRIDWATCH_DB_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("GRIDWATCH_DB_URL is not set: run through ./gridwatch, which starts "
                    + "a private PostGIS, or set it to jdbc:postgresql://HOST:PORT/DATABASE");
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("GRIDWATCH_DB_URL must start with jdbc:postgresql:, but was: " + url);
        }
        return new Config(
                port,
                host,
                url,
                text(env, "GRIDWATCH_DB_USER", "gridwatch"),
                text(env, "GRIDWATCH_DB_PASSWORD", ""),
                intValue(env, "GRIDWATCH_DB_POOL_SIZE", 16, 1, 500),
                intValue(env, "GRIDWATCH_MAX_UPLOAD_MB", 200, 1, 10_000),
                intValue(env, "GRIDWATCH_GRID_REFRESH_SECONDS", 30, 1, 86_400),
                intValue(env, "GRIDWATCH_SESSION_HOURS", 12, 1, 720),
                bool(env, "GRIDWATCH_TRUST_PROXY", false),
                patrolRules(env),
                intValue(env, "GRIDWATCH_ROAD_SNAP_METRES", 1000, 1, 100_000),
                tileUrl(env, "GRIDWATCH_BASEMAP_URL"),
                text(env, "GRIDWATCH_BASEMAP_ATTRIBUTION", "").trim(),
                intValue(env, "GRIDWATCH_PLAN_WORKERS", 1, 1, 16),
                intValue(env, "GRIDWATCH_PLAN_QUEUE", 8, 0, 1000));
    }

    public Config withPort(int newPort) {
        return new Config(newPort, host, dbUrl, dbUser, dbPassword, dbPoolSize, maxUploadMb, gridRefreshSeconds,
                sessionHours, trustProxy, patrolRules, roadSnapMetres, basemapUrl, basemapAttribution, planWorkers,
                planQueue);
    }

    private static PatrolRules patrolRules(Map<String, String> env) {
        String v = env.get("GRIDWATCH_PATROL_RULES");
        return v == null || v.isBlank() ? PatrolRules.DEFAULT : PatrolRules.parse("GRIDWATCH_PATROL_RULES", v);
    }

    /** An XYZ tile URL template, or null when unset. */
    private static String tileUrl(Map<String, String> env, String key) {
        String v = env.get(key);
        if (v == null || v.isBlank()) {
            return null;
        }
        String u = v.trim();
        if (!u.matches("(?i)https?://[^\\s\"'<>]+")) {
            throw new IllegalArgumentException(key + " must be an http:// or https:// URL without spaces or quotes, "
                    + "but was: '" + v + "'");
        }
        for (String part : new String[] {"{z}", "{x}", "{y}"}) {
            if (!u.contains(part)) {
                throw new IllegalArgumentException(key + " must contain " + part + " (an XYZ tile URL template), "
                        + "but was: '" + v + "'");
            }
        }
        return u;
    }

    private static String text(Map<String, String> env, String key, String dflt) {
        String v = env.get(key);
        return v == null ? dflt : v;
    }

    private static boolean bool(Map<String, String> env, String key, boolean dflt) {
        String v = env.get(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true": case "1": case "yes":
                return true;
            case "false": case "0": case "no":
                return false;
            default:
                throw new IllegalArgumentException(key + " must be true or false, but was: '" + v + "'");
        }
    }

    private static int intValue(Map<String, String> env, String key, int dflt, int min, int max) {
        String v = env.get(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int i = Integer.parseInt(v.trim());
            if (i < min || i > max) {
                throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", but was: " + v);
            }
            return i;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, but was: '" + v + "'", e);
        }
    }
}
