package cn.gridwatch.security;

import cn.gridwatch.grid.AdminCode;
import cn.gridwatch.grid.GridLevel;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A user as the API shows it: never the password hash. {@code gridCode} is the 12-digit code of the
 * cell an officer is bound to, null for other roles. Immutable.
 */
public record User(long id, String username, String displayName, Role role, String gridCode, boolean active,
                   Instant createdAt) {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");

    /** Lower-cases and checks a user name: 3-40 of a-z, 0-9, dot, underscore, hyphen, starting with a letter or digit. */
    public static String normalizeUsername(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("'username' is missing");
        }
        String u = raw.trim().toLowerCase(java.util.Locale.ROOT);
        if (!USERNAME.matcher(u).matches()) {
            throw new IllegalArgumentException("'username' must be 3-40 characters of a-z, 0-9, '.', '_' or '-', "
                    + "starting with a letter or digit, but was: '" + raw + "'");
        }
        return u;
    }

    /**
     * Checks that an officer has a cell of their level and other roles have none; returns the
     * 12-digit code (or null).
     */
    public static String checkGrid(Role role, String grid) {
        if (!role.isOfficer()) {
            if (grid != null && !grid.isBlank()) {
                throw new IllegalArgumentException("role " + role.id() + " is not bound to a grid cell, but 'grid' was "
                        + grid + "; leave 'grid' out");
            }
            return null;
        }
        if (grid == null || grid.isBlank()) {
            throw new IllegalArgumentException("role " + role.id() + " needs 'grid': the code of the "
                    + role.officerLevel().id() + " the officer is responsible for");
        }
        String code = AdminCode.normalize(grid);
        GridLevel level = AdminCode.levelOf(code);
        if (level != role.officerLevel()) {
            throw new IllegalArgumentException("role " + role.id() + " needs a " + role.officerLevel().id()
                    + " code, but 'grid' " + grid + " is a " + level.id());
        }
        return code;
    }
}
