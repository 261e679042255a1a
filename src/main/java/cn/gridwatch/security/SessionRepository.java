package cn.gridwatch.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Browser sessions in {@code user_session}, keyed by the SHA-256 of the session id. Takes the
 * caller's connection. Stateless and thread-safe.
 */
final class SessionRepository {

    /** The user of a live session and when the session ends. */
    record Live(long userId, Instant expiresAt) {
    }

    void insert(Connection c, String idSha256, long userId, Instant expires) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into user_session (id_sha256, user_id, expires_at) values (?, ?, ?)")) {
            ps.setString(1, idSha256);
            ps.setLong(2, userId);
            ps.setTimestamp(3, Timestamp.from(expires));
            ps.executeUpdate();
        }
    }

    /** The user of a live session, refreshing {@code last_seen} at most once a minute. */
    Optional<Live> userOf(Connection c, String idSha256) throws SQLException {
        String sql = "select user_id, last_seen < now() - interval '1 minute', expires_at from user_session"
                + " where id_sha256 = ? and expires_at > now()";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, idSha256);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Live live = new Live(rs.getLong(1), rs.getTimestamp(3).toInstant());
                if (rs.getBoolean(2)) {
                    try (PreparedStatement up = c.prepareStatement(
                            "update user_session set last_seen = now() where id_sha256 = ?")) {
                        up.setString(1, idSha256);
                        up.executeUpdate();
                    }
                }
                return Optional.of(live);
            }
        }
    }

    void delete(Connection c, String idSha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from user_session where id_sha256 = ?")) {
            ps.setString(1, idSha256);
            ps.executeUpdate();
        }
    }

    /** Ends every session of a user (password reset, deactivation). */
    int deleteForUser(Connection c, long userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from user_session where user_id = ?")) {
            ps.setLong(1, userId);
            return ps.executeUpdate();
        }
    }

    void deleteExpired(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from user_session where expires_at <= now()")) {
            ps.executeUpdate();
        }
    }
}
