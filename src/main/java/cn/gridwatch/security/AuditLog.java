package cn.gridwatch.security;

import cn.gridwatch.Json;
import cn.gridwatch.db.Database;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log ({@code audit_log}): every change to users, tokens, grids (and later registers,
 * problems and plans) and every sign-in. {@link #append} takes the caller's connection so the entry
 * commits or rolls back with the change it describes. The table is append-only: a trigger refuses
 * UPDATE, DELETE and TRUNCATE for every database user, and no endpoint writes to it. Thread-safe.
 */
public final class AuditLog {
    public static final int MAX_LIMIT = 1000;
    private final Database db;

    public AuditLog(Database db) {
        this.db = db;
    }

    /** Appends one entry in the caller's transaction; {@code before}/{@code after} are turned into JSON. */
    public void append(Connection c, Actor actor, String action, String entityType, String entityKey, Object before,
            Object after, String detail) throws SQLException {
        String sql = "insert into audit_log (actor, actor_role, client_ip, action, entity_type, entity_key, before,"
                + " after, detail) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, actor.username());
            ps.setString(2, actor.role());
            ps.setString(3, actor.clientIp());
            ps.setString(4, action);
            ps.setString(5, entityType);
            ps.setString(6, entityKey);
            ps.setString(7, json(before));
            ps.setString(8, json(after));
            ps.setString(9, detail);
            ps.executeUpdate();
        }
    }

    /** Appends one entry in its own transaction. */
    public void append(Actor actor, String action, String entityType, String entityKey, Object before, Object after,
            String detail) {
        db.inTransaction("writing the audit log", c -> {
            append(c, actor, action, entityType, entityKey, before, after, detail);
            return null;
        });
    }

    /** The newest entries first, optionally only those of one entity type and key. */
    public List<AuditEntry> find(String entityType, String entityKey, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be in 1.." + MAX_LIMIT + ", but was: " + limit);
        }
        StringBuilder sql = new StringBuilder("select id, at, actor, actor_role, client_ip, action, entity_type,"
                + " entity_key, before::text, after::text, detail from audit_log where true");
        if (entityType != null) {
            sql.append(" and entity_type = ?");
        }
        if (entityKey != null) {
            sql.append(" and entity_key = ?");
        }
        sql.append(" order by id desc limit ?");
        return db.withConnection("reading the audit log", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = 1;
                if (entityType != null) {
                    ps.setString(i++, entityType);
                }
                if (entityKey != null) {
                    ps.setString(i++, entityKey);
                }
                ps.setInt(i, limit);
                List<AuditEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                                parse(rs.getString(9)), parse(rs.getString(10)), rs.getString(11)));
                    }
                }
                return out;
            }
        });
    }

    private static String json(Object o) {
        if (o == null) {
            return null;
        }
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an audit value as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode parse(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit_log holds JSON that does not parse", e);
        }
    }
}
