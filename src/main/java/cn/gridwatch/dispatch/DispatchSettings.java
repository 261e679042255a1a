package cn.gridwatch.dispatch;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Server-wide dispatch defaults, from environment variables (README "Configuration") read as part of
 * {@link cn.gridwatch.config.Config}; every one can be overridden per run. A bad value stops start-up
 * with a message naming the variable. Immutable.
 *
 * @param thresholds {@code GRIDWATCH_DISPATCH_PM25}, {@code _PM10}, {@code _O3}, {@code _NO2},
 *                   {@code _SO2} (µg/m³), {@code _CO} (mg/m³); defaults GB 3095-2012 Grade II ({@link Thresholds})
 * @param radiusM    {@code GRIDWATCH_DISPATCH_RADIUS_M}: sources within this geodesic distance of the
 *                   station are considered, metres (default 3000, 100..50000)
 * @param maxSources {@code GRIDWATCH_DISPATCH_MAX_SOURCES}: patrol tasks per exceeding reading, the
 *                   best-ranked sources (default 10, 1..1000)
 */
public record DispatchSettings(Thresholds thresholds, double radiusM, int maxSources) {
    public static final String PREFIX = "GRIDWATCH_DISPATCH_";

    public static DispatchSettings defaults() {
        return new DispatchSettings(Thresholds.defaults(), 3000, 10);
    }

    public static DispatchSettings from(Map<String, String> env) {
        Map<Pollutant, Double> changes = new EnumMap<>(Pollutant.class);
        for (Pollutant p : Pollutant.values()) {
            String key = PREFIX + p.id().toUpperCase(Locale.ROOT);
            changes.put(p, number(env, key));
        }
        Thresholds t = Thresholds.defaults().with(changes, p -> PREFIX + p.id().toUpperCase(Locale.ROOT));
        Double radius = number(env, PREFIX + "RADIUS_M");
        Double max = number(env, PREFIX + "MAX_SOURCES");
        DispatchSettings d = defaults();
        return new DispatchSettings(t, radius == null ? d.radiusM() : check(PREFIX + "RADIUS_M", radius, 100, 50_000),
                max == null ? d.maxSources() : (int) check(PREFIX + "MAX_SOURCES", max, 1, 1000));
    }

    static double check(String name, double v, double min, double max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " must be in " + (long) min + ".." + (long) max + ", but was: " + v);
        }
        return v;
    }

    private static Double number(Map<String, String> env, String key) {
        String v = env.get(key);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, but was: '" + v + "'", e);
        }
    }
}
