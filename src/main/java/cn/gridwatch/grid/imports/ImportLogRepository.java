package cn.gridwatch.grid.imports;

import cn.gridwatch.grid.GridJson;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Records imports in {@code grid_import}. Takes the caller's connection. Stateless, thread-safe. */
final class ImportLogRepository {

    /** Inserts the import's row and returns its id. */
    long insert(Connection c, ImportReport r, String sha256) throws SQLException {
        String sql = "insert into grid_import (file_name, file_sha256, format, level, kind, source_crs, valid_from,"
                + " feature_count, inserted, replaced, unchanged, repaired, report)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) returning id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, r.file());
            ps.setString(2, sha256);
            ps.setString(3, r.format());
            ps.setInt(4, r.level().rank());
            ps.setString(5, r.kind().id());
            ps.setString(6, r.sourceCrs());
            ps.setDate(7, Date.valueOf(r.validFrom()));
            ps.setInt(8, r.features());
            ps.setInt(9, r.inserted());
            ps.setInt(10, r.replaced());
            ps.setInt(11, r.unchanged());
            ps.setInt(12, r.repaired());
            ps.setString(13, jsonbSafe(GridJson.write(r)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Replaces the stored report JSON once the import id and grid version are known. */
    void updateReport(Connection c, long id, ImportReport r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update grid_import set report = ?::jsonb where id = ?")) {
            ps.setString(1, jsonbSafe(GridJson.write(r)));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /**
     * PostgreSQL's jsonb cannot hold U+0000, which a file may smuggle into a warning or rejection text
     * (as the JSON escape backslash-u-0000); it becomes U+FFFD so the report can always be stored.
     */
    static String jsonbSafe(String json) {
        return NUL_ESCAPE.matcher(json).replaceAll("$1\\\\uFFFD");
    }

    private static final java.util.regex.Pattern NUL_ESCAPE =
            java.util.regex.Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*)\\\\u0000");
}
