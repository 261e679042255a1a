package cn.gridwatch.map.table;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL text built from code-side fragments, with its bound values kept in order beside it, so a
 * statement assembled from optional parts (a box, a time range, a scope) never gets its
 * placeholders out of step. Values are bound, never printed into the text. Not thread-safe.
 */
final class Sql {
    private final StringBuilder text = new StringBuilder(512);
    private final List<Object> values = new ArrayList<>();

    /** Appends code-side SQL text. */
    Sql sql(String fragment) {
        text.append(fragment);
        return this;
    }

    /** Appends a fragment with {@code ?} placeholders and the values for them, in order. */
    Sql bind(String fragment, Object... bound) {
        long marks = fragment.chars().filter(c -> c == '?').count();
        if (marks != bound.length) {
            throw new IllegalArgumentException("fragment has " + marks + " placeholders but " + bound.length
                    + " values: " + fragment);
        }
        text.append(fragment);
        for (Object v : bound) {
            values.add(v instanceof Instant i ? OffsetDateTime.ofInstant(i, ZoneOffset.UTC) : v);
        }
        return this;
    }

    String text() {
        return text.toString();
    }

    PreparedStatement prepare(Connection c) throws SQLException {
        PreparedStatement ps = c.prepareStatement(text.toString());
        try {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }
}
