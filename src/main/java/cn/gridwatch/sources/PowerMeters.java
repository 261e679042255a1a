package cn.gridwatch.sources;

import cn.gridwatch.register.Field;
import cn.gridwatch.register.FieldType;
import cn.gridwatch.register.GridFilter;
import cn.gridwatch.register.Reference;
import cn.gridwatch.register.RegisterRecord;
import cn.gridwatch.register.RegisterSpec;
import cn.gridwatch.register.Rejections;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The smart power-meter register ({@code power_meter}): meters on a source's production lines and on
 * its pollution-control equipment. A control meter names the production meter it watches
 * ({@code pair_code}, on the same source, in the file or already stored) and the normal ratio of
 * control to production power. Meters are in the grid where their source is. Columns
 * {@code code,source_code,role,equipment,normal_ratio,pair_code}.
 */
public final class PowerMeters {
    public static final RegisterSpec SPEC = RegisterSpec.builder("power_meter", "power_meter", "/api/power-meters")
            .columns("code", "source_code", "role", "equipment", "normal_ratio", "pair_code")
            .field(Field.required("code", FieldType.CODE))
            .reference(new Reference("source_code", Reference.Kind.SOURCE, true), "s.code")
            .field(Field.oneOf("role", "production", "control"))
            .field(Field.required("equipment", FieldType.TEXT))
            .field(Field.optional("normal_ratio", FieldType.DECIMAL))
            .field(Field.optional("pair_code", FieldType.CODE))
            .joins("join pollution_source s on s.id = t.source_id")
            .grid(GridFilter.cells("s"))
            .rule(PowerMeters::checkRow)
            .check(PowerMeters::checkPairs)
            .filter("role", "role")
            .build();

    private PowerMeters() {
    }

    static void checkRow(RegisterRecord r, Rejections out) {
        BigDecimal ratio = (BigDecimal) r.get("normal_ratio");
        if (ratio != null && ratio.signum() <= 0) {
            out.add(r.row, "normal_ratio", ratio.toPlainString(), "normal_ratio must be greater than 0");
        }
        if ("production".equals(r.get("role")) && r.get("pair_code") != null) {
            out.add(r.row, "pair_code", r.text("pair_code"), "only control meters name a pair_code (the production"
                    + " meter they watch)");
        }
    }

    /** A pair_code must name a production meter of the same source, in this file or stored. */
    static void checkPairs(Connection c, List<RegisterRecord> rows, Rejections out) throws SQLException {
        Map<String, Object[]> meters = new HashMap<>(); // code -> {role, source id}
        List<String> wanted = rows.stream().map(r -> r.text("pair_code")).filter(Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("select code, role, source_id from power_meter where code = any(?)")) {
            ps.setArray(1, c.createArrayOf("text", wanted.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    meters.put(rs.getString(1), new Object[] {rs.getString(2), rs.getLong(3)});
                }
            }
        }
        for (RegisterRecord r : rows) {
            meters.put(r.text("code"), new Object[] {r.get("role"), r.sourceId});
        }
        for (RegisterRecord r : rows) {
            String pair = r.text("pair_code");
            if (pair == null || r.sourceId == null) {
                continue;
            }
            Object[] m = meters.get(pair);
            if (m == null) {
                out.add(r.row, "pair_code", pair, "unknown pair_code '" + pair + "': no meter has this code");
            } else if (!"production".equals(m[0])) {
                out.add(r.row, "pair_code", pair, "pair_code '" + pair + "' is a " + m[0] + " meter; a control meter"
                        + " watches a production meter");
            } else if (!r.sourceId.equals(m[1])) {
                out.add(r.row, "pair_code", pair, "pair_code '" + pair + "' is on another source than "
                        + r.text("source_code"));
            }
        }
    }
}
