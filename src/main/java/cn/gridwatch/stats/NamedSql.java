package cn.gridwatch.stats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL with named parameters ({@code :name}; a {@code ::cast} is left alone) turned into a JDBC
 * statement with {@code ?} placeholders. A name may appear several times: each use is bound to the
 * same value, so the planner sees the real values (a parameter CTE would hide them). Comments are
 * dropped first (the SQL must not hold {@code --} inside a string). Immutable and thread-safe.
 */
final class NamedSql {
    private static final Pattern COMMENT = Pattern.compile("--[^\n]*");
    private static final Pattern NAME = Pattern.compile("(?<![:\\w]):([a-z_][a-z0-9_]*)");
    private final String sql;
    private final List<String> names;

    private NamedSql(String sql, List<String> names) {
        this.sql = sql;
        this.names = names;
    }

    /** @param text SQL whose {@code --} comments run to the end of their line (they are dropped) */
    static NamedSql of(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = NAME.matcher(COMMENT.matcher(text).replaceAll(""));
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            names.add(m.group(1));
            m.appendReplacement(sb, "?");
        }
        m.appendTail(sb);
        return new NamedSql(sb.toString(), List.copyOf(names));
    }

    /**
     * Prepares the statement and binds every use of every name; a null value is bound as an SQL null integer.
     * @throws IllegalArgumentException naming a parameter that has no value
     */
    PreparedStatement prepare(Connection c, Map<String, ?> values) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < names.size(); i++) {
                String n = names.get(i);
                if (!values.containsKey(n)) {
                    throw new IllegalArgumentException("SQL parameter :" + n + " has no value");
                }
                Object v = values.get(n);
                if (v == null) {
                    ps.setNull(i + 1, Types.INTEGER);
                } else {
                    ps.setObject(i + 1, v);
                }
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }
}
