package cn.gridwatch.register;

import cn.gridwatch.db.GeometryCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The SELECT list and FROM clause of one register (table alias {@code t}, the spec's joins) and the
 * reading of its rows into {@link RegisterRecord}s: fields by type, reference codes read back through
 * the joins, geometry as WKB, the four cell codes and, for versioned registers, {@code valid_to}.
 * Stateless apart from its spec; thread-safe.
 */
public final class RecordReader {
    private final RegisterSpec spec;
    private final String select;

    public RecordReader(RegisterSpec spec) {
        this.spec = spec;
        List<String> cols = new ArrayList<>();
        cols.add("t.id");
        spec.fields.forEach(f -> cols.add("t." + f.column()));
        for (Reference r : spec.references) {
            cols.add(spec.readBack.getOrDefault(r.name(), "t." + r.name()));
        }
        if (spec.located()) {
            cols.add("ST_AsBinary(t.geom)");
            cols.addAll(List.of("t.city_code", "t.county_code", "t.township_code", "t.village_code"));
        }
        if (spec.zone) {
            cols.add("ST_AsBinary(t.protection_zone)");
        }
        if (spec.versioned()) {
            cols.add("t.valid_to");
        }
        this.select = "select " + String.join(", ", cols) + " from " + spec.table + " t " + spec.joins;
    }

    /** {@code select ... from <table> t <joins>}, ready for a WHERE clause. */
    public String select() {
        return select;
    }

    /** The record at the result set's current row. */
    public RegisterRecord read(ResultSet rs) throws SQLException {
        RegisterRecord r = new RegisterRecord(0);
        int i = 1;
        r.id = rs.getLong(i++);
        for (Field f : spec.fields) {
            r.values.put(f.name(), value(rs, i++, f.type()));
        }
        for (Reference ref : spec.references) {
            String v = rs.getString(i++);
            if (ref.kind() == Reference.Kind.SOURCES) {
                r.values.put(ref.name(), v == null ? List.of()
                        : Arrays.stream(v.split(";")).sorted().toList());
            } else {
                r.values.put(ref.name(), v);
            }
        }
        if (spec.located()) {
            r.geom = GeometryCodec.fromWkb(rs.getBytes(i++));
            r.cells = new GridCells(rs.getString(i++), rs.getString(i++), rs.getString(i++), rs.getString(i++));
        }
        if (spec.zone) {
            r.zone = GeometryCodec.fromWkb(rs.getBytes(i++));
        }
        if (spec.versioned()) {
            r.validTo = rs.getObject(i, LocalDate.class);
        }
        return r;
    }

    static Object value(ResultSet rs, int i, FieldType type) throws SQLException {
        switch (type) {
            case DATE:
                return rs.getObject(i, LocalDate.class);
            case TIMESTAMP: {
                OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                return t == null ? null : t.toInstant();
            }
            case DECIMAL:
                return rs.getBigDecimal(i);
            default:
                return rs.getString(i);
        }
    }
}
