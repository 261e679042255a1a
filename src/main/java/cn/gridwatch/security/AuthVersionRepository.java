package cn.gridwatch.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The single-row {@code auth_version} counter that tells instances to drop their {@link PrincipalCache}.
 * Takes the caller's connection. Stateless and thread-safe.
 */
final class AuthVersionRepository {
    static final String CHANNEL = "auth_changed";

    /**
     * Bumps the version and queues {@code pg_notify('auth_changed', version)}, which PostgreSQL
     * delivers at commit. Returns the new version.
     */
    long bump(Connection c) throws SQLException {
        long version;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(
                     "update auth_version set version = version + 1, changed_at = now() returning version")) {
            rs.next();
            version = rs.getLong(1);
        }
        try (PreparedStatement ps = c.prepareStatement("select pg_notify('" + CHANNEL + "', ?)")) {
            ps.setString(1, Long.toString(version));
            ps.execute();
        }
        return version;
    }

    long current(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select version from auth_version")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
