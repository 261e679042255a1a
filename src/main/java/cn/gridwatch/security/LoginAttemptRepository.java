package cn.gridwatch.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Sign-in attempts in {@code login_attempt}, shared by every instance, for rate limiting. Takes the
 * caller's connection. Stateless and thread-safe.
 */
final class LoginAttemptRepository {

    /** How many failures fall in the window and when the oldest of them happened (null when none). */
    record Failures(int count, Instant oldest) {
    }

    void record(Connection c, String username, String ip, boolean success) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into login_attempt (username, ip, success) values (?, ?, ?)")) {
            ps.setString(1, username);
            ps.setString(2, ip);
            ps.setBoolean(3, success);
            ps.executeUpdate();
        }
    }

    /** Failures for {@code username} in the window since its last successful sign-in. */
    Failures forUsername(Connection c, String username, Duration window) throws SQLException {
        String sql = "select count(*), min(at) from login_attempt a where username = ? and not success"
                + " and at > now() - make_interval(secs => ?)"
                + " and at > coalesce((select max(at) from login_attempt s where s.username = a.username and s.success),"
                + " '-infinity')";
        return failures(c, sql, username, window);
    }

    /** Failures from {@code ip} in the window. */
    Failures forIp(Connection c, String ip, Duration window) throws SQLException {
        String sql = "select count(*), min(at) from login_attempt where ip = ? and not success"
                + " and at > now() - make_interval(secs => ?)";
        return failures(c, sql, ip, window);
    }

    /** Drops attempts older than a day; they no longer count for anything. */
    void prune(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "delete from login_attempt where at < now() - interval '1 day'")) {
            ps.executeUpdate();
        }
    }

    private static Failures failures(Connection c, String sql, String key, Duration window) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            ps.setDouble(2, window.toSeconds());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                java.sql.Timestamp t = rs.getTimestamp(2);
                return new Failures(rs.getInt(1), t == null ? null : t.toInstant());
            }
        }
    }
}
