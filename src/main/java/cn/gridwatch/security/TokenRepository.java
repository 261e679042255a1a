package cn.gridwatch.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** API tokens in {@code api_token}, stored as SHA-256. Takes the caller's connection. Stateless, thread-safe. */
final class TokenRepository {

    /** The (token id, user id) of a live token. */
    record Live(long tokenId, long userId) {
    }

    long insert(Connection c, long userId, String name, String tokenSha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into api_token (user_id, name, token_sha256) values (?, ?, ?) returning id")) {
            ps.setLong(1, userId);
            ps.setString(2, name);
            ps.setString(3, tokenSha256);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Finds a token that is not revoked, refreshing {@code last_used_at} at most once a minute. */
    Optional<Live> find(Connection c, String tokenSha256) throws SQLException {
        String sql = "select id, user_id, last_used_at is null or last_used_at < now() - interval '1 minute'"
                + " from api_token where token_sha256 = ? and revoked_at is null";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tokenSha256);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Live live = new Live(rs.getLong(1), rs.getLong(2));
                if (rs.getBoolean(3)) {
                    try (PreparedStatement up = c.prepareStatement(
                            "update api_token set last_used_at = now() where id = ?")) {
                        up.setLong(1, live.tokenId());
                        up.executeUpdate();
                    }
                }
                return Optional.of(live);
            }
        }
    }

    List<ApiToken> list(Connection c, long userId) throws SQLException {
        String sql = "select id, name, created_at, last_used_at, revoked_at from api_token where user_id = ? order by id";
        List<ApiToken> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(token(rs));
                }
            }
        }
        return out;
    }

    Optional<ApiToken> find(Connection c, long userId, long tokenId) throws SQLException {
        String sql = "select id, name, created_at, last_used_at, revoked_at from api_token where user_id = ? and id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, userId);
            ps.setLong(2, tokenId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(token(rs)) : Optional.empty();
            }
        }
    }

    void revoke(Connection c, long tokenId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update api_token set revoked_at = now() where id = ? and revoked_at is null")) {
            ps.setLong(1, tokenId);
            ps.executeUpdate();
        }
    }

    private static ApiToken token(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getLong(1), rs.getString(2), instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)),
                instant(rs.getTimestamp(5)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
