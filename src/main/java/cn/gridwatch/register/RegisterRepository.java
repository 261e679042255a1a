package cn.gridwatch.register;

import cn.gridwatch.db.GeometryCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one register's rows: finds the current rows an import may change, inserts with COPY and
 * updates in JDBC batches, closes versions, rewrites cell codes and a patrol's source links. SQL is built from the spec's code-side names; every value is
 * bound. Takes the caller's connection; the service owns the transaction. Thread-safe.
 */
public final class RegisterRepository {
    private static final int BATCH = 1000;
    private final RegisterSpec spec;
    private final RecordReader reader;
    private final List<String> columns = new ArrayList<>();

    public RegisterRepository(RegisterSpec spec) {
        this.spec = spec;
        this.reader = new RecordReader(spec);
        spec.fields.forEach(f -> columns.add(f.column()));
        for (Reference r : spec.references) {
            if (r.kind() == Reference.Kind.SOURCE) {
                columns.add("source_id");
            } else if (r.kind() != Reference.Kind.SOURCES) {
                columns.add(r.name());
            }
        }
        if (spec.located()) {
            columns.addAll(List.of("geom", "city_code", "county_code", "township_code", "village_code"));
        }
        if (spec.zone) {
            columns.add("protection_zone");
        }
        if (spec.hasImportId) {
            columns.add("import_id");
        }
    }

    public RecordReader reader() {
        return reader;
    }

    /** The current rows whose lookup column holds one of {@code lookups}, by the spec's key. */
    public Map<String, RegisterRecord> current(Connection c, Collection<String> lookups) throws SQLException {
        String sql = reader.select() + " where t." + lookupColumn() + " = any(?)" + (spec.versioned() ? " and t.valid_to is null" : "");
        Map<String, RegisterRecord> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", lookups.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RegisterRecord r = reader.read(rs);
                    out.putIfAbsent(spec.key.apply(r), r);
                }
            }
        }
        return out;
    }

    /** Inserts the rows with COPY (constraints and indexes apply as for INSERT). */
    public void insert(Connection c, List<RegisterRecord> rows, Long importId) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        CopyRows copy = new CopyRows(c, spec.table, columns);
        for (RegisterRecord r : rows) {
            for (Field f : spec.fields) {
                copy.value(r.get(f.name()));
            }
            for (Reference ref : spec.references) {
                if (ref.kind() == Reference.Kind.SOURCE) {
                    copy.value(r.sourceId);
                } else if (ref.kind() != Reference.Kind.SOURCES) {
                    copy.value(r.text(ref.name()));
                }
            }
            if (spec.located()) {
                copy.value(r.geom).value(r.cells.city()).value(r.cells.county()).value(r.cells.township())
                        .value(r.cells.village());
            }
            if (spec.zone) {
                copy.value(r.zone);
            }
            if (spec.hasImportId) {
                copy.value(importId);
            }
            copy.endRow();
        }
        copy.finish();
    }

    /** Overwrites the rows (by id) with their new content. */
    public void update(Connection c, List<RegisterRecord> rows, Long importId) throws SQLException {
        String sql = "update " + spec.table + " set " + String.join(", ", columns.stream()
                .map(col -> col + " = " + placeholder(col)).toList())
                + (spec.touchUpdatedAt ? ", updated_at = now()" : "") + " where id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = 0;
            for (RegisterRecord r : rows) {
                ps.setLong(bind(ps, r, importId), r.id);
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** Ends versions: {@code valid_to} of row {@code ids[i]} becomes {@code validTo[i]}. */
    public void close(Connection c, List<Long> ids, List<LocalDate> validTo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update " + spec.table + " set valid_to = ? where id = ?")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setObject(1, validTo.get(i));
                ps.setLong(2, ids.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Rewrites the four cell codes of the rows (by id) from their {@code cells}. */
    public void updateCells(Connection c, List<RegisterRecord> rows) throws SQLException {
        List<Long> ids = rows.stream().map(r -> r.id).toList();
        List<GridCells> cells = rows.stream().map(r -> r.cells).toList();
        AssignmentBatch.updateCells(c, spec.table, ids, cells);
    }

    /** Replaces the source links of patrols (by id) with their {@code sourceIds}; {@code fresh} rows have none yet. */
    public void replaceLinks(Connection c, List<RegisterRecord> rows, boolean fresh) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (!fresh) {
            try (PreparedStatement del = c.prepareStatement("delete from patrol_source where patrol_id = any(?)")) {
                del.setArray(1, c.createArrayOf("bigint", rows.stream().map(r -> r.id).toArray()));
                del.executeUpdate();
            }
        }
        CopyRows copy = new CopyRows(c, "patrol_source", List.of("patrol_id", "source_id"));
        for (RegisterRecord r : rows) {
            for (long s : r.sourceIds) {
                copy.value(r.id).value(s).endRow();
            }
        }
        copy.finish();
    }

    /** The ids of the current rows whose lookup column holds one of {@code lookups}, by key (no geometry read). */
    public Map<String, Long> currentIds(Connection c, Collection<String> lookups) throws SQLException {
        List<String> cols = new ArrayList<>();
        spec.fields.forEach(f -> cols.add("t." + f.column()));
        List<Reference> stored = spec.references.stream()
                .filter(r -> r.kind() != Reference.Kind.SOURCE && r.kind() != Reference.Kind.SOURCES).toList();
        stored.forEach(r -> cols.add("t." + r.name()));
        String sql = "select t.id, " + String.join(", ", cols) + " from " + spec.table + " t where t." + lookupColumn()
                + " = any(?)" + (spec.versioned() ? " and t.valid_to is null" : "");
        Map<String, Long> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", lookups.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RegisterRecord r = new RegisterRecord(0);
                    int i = 2;
                    for (Field f : spec.fields) {
                        r.values.put(f.name(), RecordReader.value(rs, i++, f.type()));
                    }
                    for (Reference ref : stored) {
                        r.values.put(ref.name(), rs.getString(i++));
                    }
                    out.putIfAbsent(spec.key.apply(r), rs.getLong(1));
                }
            }
        }
        return out;
    }

    private String lookupColumn() {
        return spec.field(spec.lookupField) != null ? spec.field(spec.lookupField).column() : spec.lookupField;
    }

    private static String placeholder(String column) {
        return column.equals("geom") || column.equals("protection_zone") ? "ST_GeomFromWKB(?, 4490)" : "?";
    }

    /** Binds the write columns from 1; returns the next parameter index. */
    private int bind(PreparedStatement ps, RegisterRecord r, Long importId) throws SQLException {
        int i = 1;
        for (Field f : spec.fields) {
            bindValue(ps, i++, f.type(), r.get(f.name()));
        }
        for (Reference ref : spec.references) {
            if (ref.kind() == Reference.Kind.SOURCE) {
                ps.setObject(i++, r.sourceId, Types.BIGINT);
            } else if (ref.kind() != Reference.Kind.SOURCES) {
                ps.setString(i++, r.text(ref.name()));
            }
        }
        if (spec.located()) {
            ps.setBytes(i++, GeometryCodec.toWkb(r.geom));
            GridAssignments.bindCells(ps, i, r.cells);
            i += 4;
        }
        if (spec.zone) {
            ps.setBytes(i++, r.zone == null ? null : GeometryCodec.toWkb(r.zone));
        }
        if (spec.hasImportId) {
            ps.setObject(i++, importId, Types.BIGINT);
        }
        return i;
    }

    static void bindValue(PreparedStatement ps, int i, FieldType type, Object v) throws SQLException {
        switch (type) {
            case DATE -> ps.setObject(i, v, Types.DATE);
            case TIMESTAMP -> ps.setObject(i, v == null ? null : ((Instant) v).atOffset(ZoneOffset.UTC),
                    Types.TIMESTAMP_WITH_TIMEZONE);
            case DECIMAL -> ps.setObject(i, v, Types.NUMERIC);
            default -> ps.setString(i, (String) v);
        }
    }
}
