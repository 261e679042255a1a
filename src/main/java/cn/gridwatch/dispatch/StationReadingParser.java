package cn.gridwatch.dispatch;

import cn.gridwatch.feeds.FeedRow;
import cn.gridwatch.feeds.RowCheck;
import cn.gridwatch.feeds.RowError;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns feed rows ({@code station_code, at, pm25, pm10, o3, no2, so2, co, aqi, wind_from_deg,
 * wind_speed}) into {@link StationReading}s, collecting an error per bad value: {@code at} must be
 * on the hour; concentrations, AQI and wind speed must be numbers >= 0; {@code wind_from_deg} in
 * [0, 360] (360, the usual code for north, is stored as 0); a station and hour may appear once per
 * file. Empty values are "not measured". Not thread-safe.
 */
final class StationReadingParser {
    static final List<String> REQUIRED = List.of("station_code", "at");

    record Parsed(StationReading reading, int row) {
    }

    List<Parsed> parse(List<FeedRow> rows, List<RowError> errors) {
        List<Parsed> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (FeedRow row : rows) {
            RowCheck c = new RowCheck(row, errors);
            String station = c.text("station_code");
            Instant at = c.time("at");
            if (at != null && at.atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay() % 3600 != 0
                    || at != null && at.getNano() != 0) {
                c.fail("at", row.get("at"), "must be the start of an hour (hourly readings), e.g. 2025-01-06T08:00");
            }
            Double[] v = new Double[Pollutant.values().length];
            for (Pollutant p : Pollutant.values()) {
                v[p.ordinal()] = c.number(p.id(), false, 0, null);
            }
            Double aqi = c.number("aqi", false, 0, null);
            Double windFrom = c.number("wind_from_deg", false, 0, null);
            if (windFrom != null && windFrom > 360) {
                c.fail("wind_from_deg", row.get("wind_from_deg"), "must be a direction in degrees 0..360");
                windFrom = null;
            }
            Double windSpeed = c.number("wind_speed", false, 0, null);
            if (station != null && at != null) {
                Integer earlier = seen.putIfAbsent(station + "|" + at, c.row());
                if (earlier != null) {
                    c.fail(null, null, "station " + station + " at " + at + " appears already in row " + earlier);
                }
            }
            if (c.ok()) {
                out.add(new Parsed(new StationReading(station, at, v[0], v[1], v[2], v[3], v[4], v[5], aqi,
                        windFrom == null ? null : windFrom >= 360 ? 0.0 : windFrom, windSpeed), c.row()));
            }
        }
        return out;
    }
}
