package cn.gridwatch.meters;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One constructed day of 15-minute readings (2025-01-06, +08:00) of a production meter and its
 * control meter, normal ratio 0.5, with known answers. Production runs at 100 kW from 08:00 to
 * 18:00 (2 kW otherwise); control follows at 50 kW (1 kW otherwise) except:
 * <pre>
 * 00:00-08:00  control 0 while production idles at 2 kW          → nothing (production not running)
 * 10:00-11:00  control 0                                        → period 10:00-11:00, 4 intervals
 * 12:00        control 5 kW (ratio 0.05) for one interval        → nothing (shorter than 2)
 * 13:00-13:30  control 10 kW, recovers to 50 at 13:30            → period 13:00-13:30, 2 intervals
 * 14:00-14:30  control 15 kW: ratio 0.15, exactly 30 % of normal → nothing (must be below)
 * 15:00-16:15  control 0, but no control reading at 15:30 (gap)  → periods 15:00-15:30 and 15:45-16:15
 * 17:00-17:45  control 0, no production reading at 17:15         → nothing (1 + 1 intervals)
 * </pre>
 */
final class MeterDay {
    static final Instant DAY = Instant.parse("2025-01-05T16:00:00Z"); // 2025-01-06 00:00 +08:00
    static final double NORMAL_RATIO = 0.5;

    static Instant at(int hour, int minute) {
        return DAY.plus(Duration.ofMinutes(hour * 60L + minute));
    }

    static NavigableMap<Instant, Double> production() {
        NavigableMap<Instant, Double> m = new TreeMap<>();
        for (int i = 0; i < 96; i++) {
            m.put(DAY.plus(Duration.ofMinutes(15L * i)), i >= 32 && i < 72 ? 100.0 : 2.0);
        }
        m.remove(at(17, 15));
        return m;
    }

    static NavigableMap<Instant, Double> control() {
        NavigableMap<Instant, Double> m = new TreeMap<>();
        for (int i = 0; i < 96; i++) {
            m.put(DAY.plus(Duration.ofMinutes(15L * i)), i >= 32 && i < 72 ? 50.0 : i < 32 ? 0.0 : 1.0);
        }
        set(m, 10, 0, 4, 0.0);
        set(m, 12, 0, 1, 5.0);
        set(m, 13, 0, 2, 10.0);
        set(m, 14, 0, 2, 15.0);
        set(m, 15, 0, 5, 0.0);
        m.remove(at(15, 30));
        set(m, 17, 0, 3, 0.0);
        return m;
    }

    private static void set(Map<Instant, Double> m, int hour, int minute, int intervals, double kw) {
        for (int i = 0; i < intervals; i++) {
            m.put(at(hour, minute).plus(Duration.ofMinutes(15L * i)), kw);
        }
    }

    private MeterDay() {
    }
}
