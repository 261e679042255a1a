package cn.gridwatch.register;

import cn.gridwatch.grid.AdminCode;
import cn.gridwatch.security.AccessDeniedException;
import cn.gridwatch.security.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads one register: pages of a filtered list, their total, a row by id, a monitoring point's
 * versions and a row's assignment history. Officers' queries are always limited to their subtree.
 * Filter columns come from the spec; every value is bound. Takes the caller's connection. Thread-safe.
 */
public final class RegisterQueries {
    private final RegisterSpec spec;
    private final RecordReader reader;

    public RegisterQueries(RegisterSpec spec) {
        this.spec = spec;
        this.reader = new RecordReader(spec);
    }

    /** A WHERE clause and its parameters. */
    private record Where(String sql, List<Object> params) {
    }

    public long count(Connection c, ListQuery q) throws SQLException {
        Where w = where(q);
        try (PreparedStatement ps = c.prepareStatement("select count(*) from " + spec.table + " t " + spec.joins
                + w.sql)) {
            bind(ps, w.params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The rows of the query in key order, a page of them when {@code q.limit()} is set. */
    public void list(Connection c, ListQuery q, Consumer<RegisterRecord> sink) throws SQLException {
        Where w = where(q);
        String sql = reader.select() + w.sql + " order by " + spec.orderBy + ", t.id"
                + (q.limit() == null ? "" : " limit " + q.limit() + " offset " + q.offset());
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(2000);
            bind(ps, w.params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(reader.read(rs));
                }
            }
        }
    }

    /** The row {@code id} if it exists and lies in {@code scope}, else null. */
    public RegisterRecord get(Connection c, long id, Scope scope) throws SQLException {
        List<RegisterRecord> found = select(c, "t.id = ?", id, scope);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Every version with this code (versioned registers keyed by code), oldest first, within {@code scope}. */
    public List<RegisterRecord> versions(Connection c, String code, Scope scope) throws SQLException {
        return select(c, "t.code = ?", code, scope);
    }

    private List<RegisterRecord> select(Connection c, String condition, Object value, Scope scope) throws SQLException {
        String sql = reader.select() + " where " + condition
                + (scope.isAll() ? "" : " and " + spec.grid.condition(scope.rootCode()))
                + (spec.versioned() ? " order by t.valid_from" : "");
        List<RegisterRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, value);
            if (!scope.isAll()) {
                ps.setString(2, spec.grid.bind(scope.rootCode()));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
            }
        }
        return out;
    }

    /** Every grid assignment the row has had, oldest first. */
    public List<Map<String, Object>> assignments(Connection c, long id) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select city_code, county_code, township_code, village_code,"
                + " grid_version, valid_from, valid_to from grid_assignment where entity_type = ? and entity_id = ?"
                + " order by valid_from, id")) {
            ps.setString(1, spec.table);
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("city_code", rs.getString(1));
                    m.put("county_code", rs.getString(2));
                    m.put("township_code", rs.getString(3));
                    m.put("village_code", rs.getString(4));
                    m.put("grid_version", rs.getLong(5));
                    m.put("valid_from", rs.getTimestamp(6).toInstant());
                    m.put("valid_to", rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant());
                    out.add(m);
                }
            }
        }
        return out;
    }

    private Where where(ListQuery q) {
        StringBuilder sql = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (spec.versioned()) {
            sql.append(" and t.valid_to is null");
        }
        Scope scope = q.scope();
        if (!scope.isAll()) {
            sql.append(" and ").append(spec.grid.condition(scope.rootCode()));
            params.add(spec.grid.bind(scope.rootCode()));
        }
        if (q.grid() != null) {
            if (!scope.covers(Scope.under(q.grid()))) {
                throw new AccessDeniedException("grid " + AdminCode.shortForm(q.grid()) + " lies outside your"
                        + " jurisdiction, " + scope);
            }
            sql.append(" and ").append(spec.grid.condition(q.grid()));
            params.add(spec.grid.bind(q.grid()));
        }
        for (Map.Entry<String, String> f : q.filters().entrySet()) {
            sql.append(" and t.").append(spec.field(spec.filters.get(f.getKey())).column()).append(" = ?");
            params.add(f.getValue());
        }
        if (q.bbox() != null) {
            sql.append(" and t.geom && ST_MakeEnvelope(?, ?, ?, ?, 4490)");
            params.addAll(List.of(q.bbox().getMinX(), q.bbox().getMinY(), q.bbox().getMaxX(), q.bbox().getMaxY()));
        }
        if (q.from() != null) {
            sql.append(" and ").append(spec.dateColumn).append(" >= ?");
            params.add(q.from().atStartOfDay(Values.CHINA).toOffsetDateTime());
        }
        if (q.to() != null) {
            sql.append(" and ").append(spec.dateColumn).append(" < ?");
            params.add(q.to().plusDays(1).atStartOfDay(Values.CHINA).toOffsetDateTime());
        }
        return new Where(sql.toString(), params);
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            ps.setObject(i + 1, p instanceof Instant t ? t.atOffset(Values.CHINA) : p);
        }
    }
}
