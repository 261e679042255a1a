package cn.gridwatch.dispatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL for {@code station_reading}: an idempotent bulk upsert (one statement over arrays) and the
 * readings of a time window. Takes the caller's connection. Stateless and thread-safe.
 */
final class StationReadingRepository {
    private static final String COLUMNS = "pm25, pm10, o3, no2, so2, co, aqi, wind_from_deg, wind_speed";

    /** What an upsert did: rows new, rows whose values changed; the rest were identical. */
    record Upserted(int inserted, int updated) {
    }

    Upserted upsert(Connection c, List<StationReading> rows) throws SQLException {
        int n = rows.size();
        String[] codes = new String[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        Double[][] values = new Double[9][n];
        for (int i = 0; i < n; i++) {
            StationReading r = rows.get(i);
            codes[i] = r.stationCode();
            at[i] = OffsetDateTime.ofInstant(r.at(), ZoneOffset.UTC);
            Double[] v = {r.pm25(), r.pm10(), r.o3(), r.no2(), r.so2(), r.co(), r.aqi(), r.windFromDeg(), r.windSpeed()};
            for (int k = 0; k < 9; k++) {
                values[k][i] = v[k];
            }
        }
        String sql = "insert into station_reading (station_code, at, " + COLUMNS + ")"
                + " select * from unnest(?::text[], ?::timestamptz[], ?::numeric[], ?::numeric[], ?::numeric[],"
                + " ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[])"
                + " on conflict (station_code, at) do update set (" + COLUMNS + ") = (excluded.pm25, excluded.pm10,"
                + " excluded.o3, excluded.no2, excluded.so2, excluded.co, excluded.aqi, excluded.wind_from_deg,"
                + " excluded.wind_speed)"
                + " where (station_reading.pm25, station_reading.pm10, station_reading.o3, station_reading.no2,"
                + " station_reading.so2, station_reading.co, station_reading.aqi, station_reading.wind_from_deg,"
                + " station_reading.wind_speed) is distinct from (excluded.pm25, excluded.pm10, excluded.o3,"
                + " excluded.no2, excluded.so2, excluded.co, excluded.aqi, excluded.wind_from_deg, excluded.wind_speed)"
                + " returning (xmax = 0)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", codes));
            ps.setArray(2, c.createArrayOf("timestamptz", at));
            for (int k = 0; k < 9; k++) {
                ps.setArray(3 + k, c.createArrayOf("numeric", values[k]));
            }
            int inserted = 0;
            int updated = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(1)) {
                        inserted++;
                    } else {
                        updated++;
                    }
                }
            }
            return new Upserted(inserted, updated);
        }
    }

    /** Readings with {@code from <= at < to}, of one station or (null) all, ordered by station and time. */
    List<StationReading> window(Connection c, Instant from, Instant to, String station) throws SQLException {
        String sql = "select station_code, at, " + COLUMNS + " from station_reading where at >= ? and at < ?"
                + (station == null ? "" : " and station_code = ?") + " order by station_code, at";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            ps.setObject(2, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            if (station != null) {
                ps.setString(3, station);
            }
            List<StationReading> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StationReading(rs.getString(1), rs.getTimestamp(2).toInstant(), d(rs, 3), d(rs, 4),
                            d(rs, 5), d(rs, 6), d(rs, 7), d(rs, 8), d(rs, 9), d(rs, 10), d(rs, 11)));
                }
            }
            return out;
        }
    }

    private static Double d(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? null : v;
    }
}
