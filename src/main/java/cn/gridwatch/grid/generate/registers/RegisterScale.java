package cn.gridwatch.grid.generate.registers;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How much register data to generate, and for which year: activity (complaints, patrols, problems)
 * falls in the 365 days before {@code until}. Immutable.
 *
 * @param name               {@code demo} or {@code bench}
 * @param stations           monitoring points per type (V4 type ids), in output order
 * @param sources            pollution sources
 * @param meterPairs         sources with a production and a control-equipment power meter
 * @param inspectorsPerCounty inspectors registered in each county
 * @param complaints         complaints in the year
 * @param patrols            patrol records in the year
 * @param problems           problems found in the year (0: no problems file)
 * @param until              first day after the generated year
 */
public record RegisterScale(String name, Map<String, Integer> stations, int sources, int meterPairs,
        int inspectorsPerCounty, int complaints, int patrols, int problems, LocalDate until) {

    /** The end of the generated year: the day the demo seed (20261122) names. */
    public static final LocalDate DEFAULT_UNTIL = LocalDate.of(2026, 11, 22);

    /** The demo: about 60 stations, 1,500 sources, 400 complaints and 5,000 patrols; no problems. */
    public static RegisterScale demo(LocalDate until) {
        return new RegisterScale("demo", stations(4, 6, 18, 16, 1, 1, 2, 2, 4, 2, 4), 1_500, 30, 10, 400, 5_000, 0,
                until);
    }

    /** The city-scale benchmark: 500 stations, 50,000 sources, 200,000 patrols, 20,000 problems. */
    public static RegisterScale bench(LocalDate until) {
        return new RegisterScale("bench", stations(8, 12, 85, 300, 2, 2, 20, 4, 12, 5, 50), 50_000, 237, 20, 5_000,
                200_000, 20_000, until);
    }

    /** @throws IllegalArgumentException naming the value when it is neither demo nor bench */
    public static RegisterScale of(String name, LocalDate until) {
        switch (name) {
            case "demo":
                return demo(until);
            case "bench":
                return bench(until);
            default:
                throw new IllegalArgumentException("--scale must be demo or bench, but was: " + name);
        }
    }

    /** First day of the generated year. */
    public LocalDate from() {
        return until.minusDays(365);
    }

    public int stationCount() {
        return stations.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static Map<String, Integer> stations(int national, int provincial, int township, int micro,
            int composition, int lidar, int vehicle, int waterNational, int waterProvincial, int drinking,
            int outfall) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("national_air", national);
        m.put("provincial_air", provincial);
        m.put("township_air", township);
        m.put("micro_air", micro);
        m.put("composition", composition);
        m.put("lidar", lidar);
        m.put("vehicle_exhaust", vehicle);
        m.put("water_national", waterNational);
        m.put("water_provincial", waterProvincial);
        m.put("drinking_water", drinking);
        m.put("outfall", outfall);
        return m;
    }
}
