package cn.gridwatch.dispatch;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The concentrations above which a reading triggers dispatch, per pollutant. The defaults are the
 * Grade II limits of GB 3095-2012 (ambient air quality standard, residential areas): PM2.5 75 and
 * PM10 150 µg/m³ (24-hour limits, applied to each hourly value as bureaus commonly do for dispatch),
 * O3 200, NO2 200, SO2 500 µg/m³ and CO 10 mg/m³ (1-hour limits). Settable with the environment
 * variables {@code GRIDWATCH_DISPATCH_PM25 .. _CO} and per dispatch run. A reading exceeds a
 * threshold when its value is strictly greater. Immutable and thread-safe.
 */
public final class Thresholds {
    private final Map<Pollutant, Double> limits;

    private Thresholds(Map<Pollutant, Double> limits) {
        this.limits = limits;
    }

    /** GB 3095-2012 Grade II. */
    public static Thresholds defaults() {
        Map<Pollutant, Double> m = new EnumMap<>(Pollutant.class);
        m.put(Pollutant.PM25, 75.0);
        m.put(Pollutant.PM10, 150.0);
        m.put(Pollutant.O3, 200.0);
        m.put(Pollutant.NO2, 200.0);
        m.put(Pollutant.SO2, 500.0);
        m.put(Pollutant.CO, 10.0);
        return new Thresholds(m);
    }

    /**
     * These thresholds with {@code changes} applied (null values are left as they are).
     *
     * @param name how each value was given, for the message (e.g. "field 'pm25'")
     * @throws IllegalArgumentException naming the value when it is not a positive finite number
     */
    public Thresholds with(Map<Pollutant, Double> changes, Function<Pollutant, String> name) {
        Map<Pollutant, Double> m = new EnumMap<>(limits);
        for (Map.Entry<Pollutant, Double> e : changes.entrySet()) {
            Double v = e.getValue();
            if (v == null) {
                continue;
            }
            if (!Double.isFinite(v) || v <= 0) {
                throw new IllegalArgumentException(name.apply(e.getKey()) + " must be a positive number ("
                        + e.getKey().unit() + "), but was: " + v);
            }
            m.put(e.getKey(), v);
        }
        return new Thresholds(m);
    }

    public double limit(Pollutant p) {
        return limits.get(p);
    }

    /** The pollutants of {@code r} above their threshold, in {@link Pollutant} order. */
    public List<Trigger> exceeded(StationReading r) {
        List<Trigger> out = new ArrayList<>();
        for (Pollutant p : Pollutant.values()) {
            Double v = r.value(p);
            if (v != null && v > limits.get(p)) {
                out.add(new Trigger(p.id(), v, limits.get(p), p.unit()));
            }
        }
        return out;
    }

    /** The thresholds as {@code {pm25: 75.0, ...}} for answers. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        limits.forEach((p, v) -> m.put(p.id(), v));
        return m;
    }

    /** One exceeded threshold: pollutant id, measured value, limit, unit. */
    public record Trigger(String pollutant, double value, double limit, String unit) {
    }
}
