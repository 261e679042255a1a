package cn.gridwatch.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of {@code and}-ed SQL conditions with their bound values, for list queries with optional
 * filters. Conditions are SQL text written in code (identifiers from allow-lists only); every value
 * is bound, never printed into the SQL. Not thread-safe; build one per query.
 */
public final class SqlWhere {
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    /** Adds {@code condition} with one {@code ?} per value. */
    public SqlWhere and(String condition, Object... bound) {
        conditions.add(condition);
        values.addAll(List.of(bound));
        return this;
    }

    /** {@code " where a and b"}, or an empty string when there is no condition. */
    public String sql() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** Binds the values from parameter {@code first} on; returns the next free parameter index. */
    public int bind(PreparedStatement ps, int first) throws SQLException {
        int i = first;
        for (Object v : values) {
            if (v instanceof Instant t) {
                ps.setObject(i++, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
            } else if (v instanceof String[] a) {
                ps.setArray(i++, ps.getConnection().createArrayOf("text", a));
            } else {
                ps.setObject(i++, v);
            }
        }
        return i;
    }
}
