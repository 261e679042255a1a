package cn.gridwatch.security;

import cn.gridwatch.db.Database;
import cn.gridwatch.grid.NotFoundException;
import java.util.List;
import java.util.Optional;

/**
 * User management (administrators only, checked by the caller) and bootstrapping: the first
 * administrator of a real deployment and the demo's documented accounts. Every change is audited in
 * the same transaction, with the user before and after (never the password hash). At least one
 * active administrator always remains. Every update bumps {@code auth_version} (see {@link AuthService})
 * and clears the principal cache once it commits, so it takes effect on the next request. Thread-safe.
 */
public final class UserService {
    /** The environment variable that sets the first administrator's password. */
    public static final String ADMIN_PASSWORD_VAR = "GRIDWATCH_ADMIN_PASSWORD";

    private final Database db;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final UserRepository users = new UserRepository();
    private final SessionRepository sessions = new SessionRepository();
    private final AuthVersionRepository versions = new AuthVersionRepository();
    private final PrincipalCache cache;

    /** A user to create; {@code grid} is required for officers and refused for other roles. */
    public record NewUser(String username, String displayName, Role role, String grid, String password) {
    }

    /** Changes to a user; null fields stay as they are. {@code grid} "" removes the cell. */
    public record Change(String displayName, Role role, String grid, Boolean active, String password) {
    }

    /** Without a principal cache of its own to clear (start-up checks, tests). */
    public UserService(Database db, PasswordHasher hasher, AuditLog audit) {
        this(db, hasher, audit, new PrincipalCache());
    }

    /** @param cache the principal cache the {@link AuthService} of this instance uses */
    public UserService(Database db, PasswordHasher hasher, AuditLog audit, PrincipalCache cache) {
        this.db = db;
        this.hasher = hasher;
        this.audit = audit;
        this.cache = cache;
    }

    public List<User> list() {
        return db.withConnection("listing users", users::list);
    }

    public User get(String username) {
        String name = User.normalizeUsername(username);
        return db.withConnection("reading user " + name, c -> users.findByUsername(c, name))
                .map(UserRepository.Stored::user)
                .orElseThrow(() -> new NotFoundException("no user named '" + name + "'"));
    }

    /** @throws ConflictException when the user name is taken */
    public User create(NewUser n, Actor actor) {
        if (n.role() == null) {
            throw new IllegalArgumentException("'role' is missing");
        }
        String name = User.normalizeUsername(n.username());
        String display = displayName(n.displayName(), name);
        String grid = User.checkGrid(n.role(), n.grid());
        String hash = hasher.hash(n.password());
        return db.inTransaction("creating user " + name, c -> {
            if (users.findByUsername(c, name).isPresent()) {
                throw new ConflictException("a user named '" + name + "' already exists");
            }
            long id = users.insert(c, name, display, n.role(), grid, hash);
            User u = users.findById(c, id).orElseThrow().user();
            audit.append(c, actor, "user.create", "user", name, null, u, null);
            return u;
        });
    }

    /**
     * Applies {@code change}. A new password or deactivation ends the user's sessions (API tokens of
     * a deactivated user stop working too, since only active users authenticate).
     */
    public User update(String username, Change change, Actor actor) {
        String name = User.normalizeUsername(username);
        String hash = change.password() == null ? null : hasher.hash(change.password());
        User updated = db.inTransaction("updating user " + name, c -> {
            User before = users.findByUsername(c, name).map(UserRepository.Stored::user)
                    .orElseThrow(() -> new NotFoundException("no user named '" + name + "'"));
            Role role = change.role() == null ? before.role() : change.role();
            String gridInput = change.grid() != null ? change.grid()
                    : role == before.role() || role.officerLevel() == before.role().officerLevel() ? before.gridCode() : null;
            String grid = User.checkGrid(role, gridInput);
            boolean active = change.active() == null ? before.active() : change.active();
            String display = change.displayName() == null ? before.displayName() : displayName(change.displayName(), name);
            users.update(c, before.id(), display, role, grid, active, hash);
            if (before.role() == Role.ADMIN && before.active() && (role != Role.ADMIN || !active)
                    && users.countActiveAdmins(c) == 0) {
                throw new ConflictException("'" + name + "' is the last active administrator; make another user "
                        + "an administrator first");
            }
            if (hash != null || !active) {
                sessions.deleteForUser(c, before.id());
            }
            User after = users.findById(c, before.id()).orElseThrow().user();
            audit.append(c, actor, "user.update", "user", name, before, after,
                    hash == null ? null : "password changed");
            versions.bump(c);
            return after;
        });
        cache.clear();
        return updated;
    }

    /**
     * Start-up check of a real deployment: when no active administrator exists, creates (or
     * reactivates) {@code admin} with {@code adminPassword}, or refuses to go on.
     *
     * @return true when an administrator was created
     * @throws IllegalStateException naming {@value #ADMIN_PASSWORD_VAR} when it is needed but not set
     */
    public boolean ensureAdmin(String adminPassword) {
        if (db.withConnection("counting administrators", users::countActiveAdmins) > 0) {
            return false;
        }
        if (adminPassword == null || adminPassword.isEmpty()) {
            throw new IllegalStateException("no active administrator exists: set " + ADMIN_PASSWORD_VAR
                    + " (at least " + PasswordHasher.MIN_LENGTH + " characters) to create the user 'admin'");
        }
        try {
            PasswordHasher.checkRules(adminPassword);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(ADMIN_PASSWORD_VAR + " is not usable: "
                    + e.getMessage().replace("'password'", "the password"), e);
        }
        Actor bootstrap = Actor.system("bootstrap");
        Optional<User> existing = db.withConnection("reading user admin", c -> users.findByUsername(c, "admin"))
                .map(UserRepository.Stored::user);
        if (existing.isPresent()) {
            update("admin", new Change(null, Role.ADMIN, null, true, adminPassword), bootstrap);
        } else {
            create(new NewUser("admin", "Administrator", Role.ADMIN, null, adminPassword), bootstrap);
        }
        return true;
    }

    /** Creates the accounts that are missing; existing ones are left as they are. Returns how many were created. */
    public int ensureAccounts(List<NewUser> accounts, Actor actor) {
        int created = 0;
        for (NewUser n : accounts) {
            String name = User.normalizeUsername(n.username());
            boolean exists = db.withConnection("reading user " + name, c -> users.findByUsername(c, name)).isPresent();
            if (!exists) {
                create(n, actor);
                created++;
            }
        }
        return created;
    }

    private static String displayName(String raw, String username) {
        String d = raw == null || raw.isBlank() ? username : raw.trim();
        if (d.length() > 100) {
            throw new IllegalArgumentException("'displayName' must be at most 100 characters, but has " + d.length());
        }
        return d;
    }
}
