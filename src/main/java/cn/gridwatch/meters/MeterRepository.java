package cn.gridwatch.meters;

import cn.gridwatch.register.GridCells;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * SQL for meters and their readings: which meter codes exist (with their source's cells), the
 * production/control pairs, the idempotent bulk upsert of readings and the series of a window.
 * Meters and sources are read-only here. Takes the caller's connection. Stateless and thread-safe.
 */
final class MeterRepository {

    /** A meter with the cells of its source. */
    record Meter(long id, String code, GridCells cells) {
    }

    Map<String, Meter> meters(Connection c, Collection<String> codes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select m.id, m.code, s.city_code, s.county_code, s.township_code, s.village_code
                  from power_meter m join pollution_source s on s.id = m.source_id where m.code = any(?)""")) {
            ps.setArray(1, c.createArrayOf("text", codes.toArray()));
            Map<String, Meter> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(2), new Meter(rs.getLong(1), rs.getString(2), new GridCells(rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6))));
                }
            }
            return out;
        }
    }

    /**
     * Every control meter with the production meter it watches: the one its {@code pair_code} names
     * on the same source, or, without a pair code, the only production meter of its source.
     * Control meters that match no production meter are left out. Optionally of one source.
     */
    List<MeterPair> pairs(Connection c, String sourceCode) throws SQLException {
        String sql = """
                select p.id, p.code, k.id, k.code, k.equipment, s.id, s.code, s.name,
                       coalesce(k.normal_ratio, p.normal_ratio), s.city_code, s.county_code, s.township_code,
                       s.village_code
                  from power_meter k
                  join pollution_source s on s.id = k.source_id
                  join power_meter p on p.source_id = k.source_id and p.role = 'production'
                   and (p.code = k.pair_code
                        or k.pair_code is null and (select count(*) from power_meter o
                                                     where o.source_id = k.source_id and o.role = 'production') = 1)
                 where k.role = 'control'""" + (sourceCode == null ? "" : " and s.code = ?") + " order by s.code, k.code";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (sourceCode != null) {
                ps.setString(1, sourceCode);
            }
            List<MeterPair> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double r = rs.getDouble(9);
                    Double ratio = rs.wasNull() ? null : r;
                    out.add(new MeterPair(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8), ratio,
                            new GridCells(rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13))));
                }
            }
            return out;
        }
    }

    /** A reading of a known meter. */
    record Row(long meterId, Instant at, double kw) {
    }

    /** Upserts readings; returns {inserted, updated} (the rest were identical to what was stored). */
    int[] upsert(Connection c, List<Row> rows) throws SQLException {
        int n = rows.size();
        Long[] ids = new Long[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        Double[] kw = new Double[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            ids[i] = r.meterId();
            at[i] = OffsetDateTime.ofInstant(r.at(), ZoneOffset.UTC);
            kw[i] = r.kw();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into meter_reading (meter_id, at, kw)
                select * from unnest(?::bigint[], ?::timestamptz[], ?::numeric[])
                on conflict (meter_id, at) do update set kw = excluded.kw where meter_reading.kw <> excluded.kw
                returning (xmax = 0)""")) {
            ps.setArray(1, c.createArrayOf("bigint", ids));
            ps.setArray(2, c.createArrayOf("timestamptz", at));
            ps.setArray(3, c.createArrayOf("numeric", kw));
            int[] out = new int[2];
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out[rs.getBoolean(1) ? 0 : 1]++;
                }
            }
            return out;
        }
    }

    /** The readings of {@code meterIds} with {@code from <= at < to}: meter id → time → kW. */
    Map<Long, NavigableMap<Instant, Double>> series(Connection c, Collection<Long> meterIds, Instant from, Instant to)
            throws SQLException {
        Map<Long, NavigableMap<Instant, Double>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select meter_id, at, kw from meter_reading
                 where meter_id = any(?) and at >= ? and at < ? order by meter_id, at""")) {
            ps.setArray(1, c.createArrayOf("bigint", meterIds.toArray()));
            ps.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            ps.setObject(3, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                            .put(rs.getTimestamp(2).toInstant(), rs.getDouble(3));
                }
            }
        }
        return out;
    }
}
