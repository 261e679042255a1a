package cn.gridwatch.register;

import cn.gridwatch.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The {@code register_import} table: one row per committed register import. Stateless and thread-safe. */
final class RegisterImportLog {
    private RegisterImportLog() {
    }

    /** Inserts the log row (counts filled in by {@link #finish}); returns its id. */
    static long insert(Connection c, RegisterImportReport r, String sha256, String actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into register_import (register, file_name, file_sha256,"
                + " format, source_crs, actor, row_count, inserted, updated, unchanged, report)"
                + " values (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, '{}') returning id")) {
            ps.setString(1, r.register());
            ps.setString(2, r.file());
            ps.setString(3, sha256);
            ps.setString(4, r.format());
            ps.setString(5, r.sourceCrs());
            ps.setString(6, actor);
            ps.setInt(7, r.rows());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void finish(Connection c, RegisterImportReport r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update register_import set inserted = ?, updated = ?,"
                + " unchanged = ?, report = ?::jsonb where id = ?")) {
            ps.setInt(1, r.inserted());
            ps.setInt(2, r.updated());
            ps.setInt(3, r.unchanged());
            ps.setString(4, json(r));
            ps.setLong(5, r.importId());
            ps.executeUpdate();
        }
    }

    private static String json(RegisterImportReport r) {
        try {
            return Json.MAPPER.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an import report as JSON", e);
        }
    }
}
