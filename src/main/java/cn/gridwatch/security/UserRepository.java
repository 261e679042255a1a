package cn.gridwatch.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and writes {@code app_user}. Takes the caller's connection. Stateless and thread-safe. */
final class UserRepository {
    private static final String COLUMNS = "id, username, display_name, role, grid_code, active, created_at, password_hash";

    /** A user with the stored bcrypt hash, for sign-in only; never leaves the security package. */
    record Stored(User user, String passwordHash) {
    }

    Optional<Stored> findByUsername(Connection c, String username) throws SQLException {
        return one(c, "select " + COLUMNS + " from app_user where username = ?", ps -> ps.setString(1, username));
    }

    Optional<Stored> findById(Connection c, long id) throws SQLException {
        return one(c, "select " + COLUMNS + " from app_user where id = ?", ps -> ps.setLong(1, id));
    }

    List<User> list(Connection c) throws SQLException {
        List<User> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from app_user order by username");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(row(rs).user());
            }
        }
        return out;
    }

    long insert(Connection c, String username, String displayName, Role role, String gridCode, String hash)
            throws SQLException {
        String sql = "insert into app_user (username, display_name, role, grid_code, password_hash)"
                + " values (?, ?, ?, ?, ?) returning id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, username);
            ps.setString(2, displayName);
            ps.setString(3, role.id());
            ps.setString(4, gridCode);
            ps.setString(5, hash);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void update(Connection c, long id, String displayName, Role role, String gridCode, boolean active, String hash)
            throws SQLException {
        String sql = "update app_user set display_name = ?, role = ?, grid_code = ?, active = ?,"
                + " password_hash = coalesce(?, password_hash), updated_at = now() where id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, displayName);
            ps.setString(2, role.id());
            ps.setString(3, gridCode);
            ps.setBoolean(4, active);
            ps.setString(5, hash);
            ps.setLong(6, id);
            ps.executeUpdate();
        }
    }

    int countActiveAdmins(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select count(*) from app_user where role = 'admin' and active");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static Optional<Stored> one(Connection c, String sql, Binder b) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            b.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static Stored row(ResultSet rs) throws SQLException {
        User u = new User(rs.getLong(1), rs.getString(2), rs.getString(3), Role.parse(rs.getString(4)),
                rs.getString(5), rs.getBoolean(6), rs.getTimestamp(7).toInstant());
        return new Stored(u, rs.getString(8));
    }
}
