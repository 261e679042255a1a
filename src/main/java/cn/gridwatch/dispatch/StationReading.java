package cn.gridwatch.dispatch;

import java.time.Instant;

/**
 * One hourly reading of an air station: concentrations (µg/m³; CO mg/m³; null where not measured),
 * AQI, and the wind: {@code windFromDeg} is the direction the wind blows FROM, degrees clockwise
 * from north in [0, 360) (a north wind is 0); {@code windSpeed} in m/s. {@code at} is the start of
 * the hour. Immutable.
 */
public record StationReading(String stationCode, Instant at, Double pm25, Double pm10, Double o3, Double no2,
        Double so2, Double co, Double aqi, Double windFromDeg, Double windSpeed) {

    /** The value of {@code p}, or null. */
    public Double value(Pollutant p) {
        switch (p) {
            case PM25: return pm25;
            case PM10: return pm10;
            case O3: return o3;
            case NO2: return no2;
            case SO2: return so2;
            default: return co;
        }
    }
}
