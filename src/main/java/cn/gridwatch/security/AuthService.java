package cn.gridwatch.security;

import cn.gridwatch.db.Database;
import cn.gridwatch.grid.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-in, browser sessions and API tokens. Sessions, tokens and sign-in attempts live in the
 * database, so any number of stateless instances can serve the same users. Secrets (session ids,
 * tokens) are 256-bit random values stored only as SHA-256; passwords are bcrypt.
 *
 * <p>Rate limiting: more than {@value #MAX_USER_FAILURES} failures for one user name since its last
 * success, or more than {@value #MAX_IP_FAILURES} from one address, within {@link #WINDOW}, and the
 * next attempt is refused with {@link RateLimitedException}. A failed sign-in never says whether the
 * user name exists, and takes as long either way.
 *
 * <p>HTTP Basic with a real password is verified with bcrypt once and then remembered for
 * {@link #BASIC_CACHE} under a hash of (stored hash, password), so a GIS client fetching hundreds of
 * tiles does not pay bcrypt each time; changing the password invalidates it.
 *
 * <p>Every credential that checks out is remembered in a {@link PrincipalCache} for a few seconds,
 * so a request with a known token, session or Basic password touches no database (and keeps working
 * while PostgreSQL restarts). Changes that must end that early (token revoked, sign-out, any user
 * change in {@link UserService}) bump {@code auth_version} and notify {@code auth_changed} in their
 * transaction, and clear this instance's cache as soon as they commit; other instances clear theirs
 * when the notification (or the version poll) reaches them. Thread-safe.
 */
public final class AuthService {
    public static final int MAX_USER_FAILURES = 5;
    public static final int MAX_IP_FAILURES = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration BASIC_CACHE = Duration.ofMinutes(5);
    private static final String WRONG = "wrong user name or password";

    private final Database db;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Duration sessionLength;
    private final UserRepository users = new UserRepository();
    private final SessionRepository sessions = new SessionRepository();
    private final TokenRepository tokens = new TokenRepository();
    private final LoginAttemptRepository attempts = new LoginAttemptRepository();
    private final AuthVersionRepository versions = new AuthVersionRepository();
    private final Map<String, Instant> basicVerified = new ConcurrentHashMap<>();
    private final PrincipalCache cache;
    /** Salts the Basic cache key, so that key (a hash of user name and password) is no password hash. */
    private final String basicKeySalt = Secrets.random256();

    /** A new session: the secret id goes into the cookie and nowhere else. */
    public record Session(User user, String id, Instant expiresAt) {
    }

    /** A new API token: {@code secret} is shown once and never again. */
    public record CreatedToken(ApiToken token, String secret) {
    }

    public AuthService(Database db, PasswordHasher hasher, AuditLog audit, Duration sessionLength,
            PrincipalCache cache) {
        this.db = db;
        this.cache = cache;
        this.hasher = hasher;
        this.audit = audit;
        this.sessionLength = sessionLength;
    }

    public Duration sessionLength() {
        return sessionLength;
    }

    /** The {@code auth_version} counter, for the listener that keeps the principal cache in step. */
    public long authVersion() {
        return db.withConnection("reading the auth version", versions::current);
    }

    /** Forgets every cached principal (another instance changed users or tokens). */
    public void clearCache() {
        cache.clear();
    }

    /** Signs in with a password and opens a session. @throws NotAuthenticatedException, RateLimitedException */
    public Session login(String username, String password, String clientIp) {
        User user = checkPassword(username, password, clientIp, "auth.login");
        String id = Secrets.random256();
        Instant expires = Instant.now().plus(sessionLength);
        db.inTransaction("opening a session for " + user.username(), c -> {
            sessions.insert(c, Secrets.sha256(id), user.id(), expires);
            sessions.deleteExpired(c); // housekeeping where it costs nothing noticeable
            attempts.prune(c);
            return null;
        });
        return new Session(user, id, expires);
    }

    /** HTTP Basic with a user's real password (GIS clients). Same rate limits as {@link #login}. */
    public Principal authenticatePassword(String username, String password, String clientIp) {
        String name = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
        String cacheKey = "b:" + Secrets.sha256(basicKeySalt + name + '\0' + password);
        Optional<Principal> cached = cache.get(cacheKey);
        if (cached.isPresent()) {
            return cached.get();
        }
        long generation = cache.generation();
        Optional<UserRepository.Stored> stored = db.withConnection("reading user " + name,
                c -> users.findByUsername(c, name));
        if (stored.isPresent() && stored.get().user().active() && password != null) {
            String key = Secrets.sha256(stored.get().passwordHash() + '\0' + password);
            Instant until = basicVerified.get(key);
            if (until != null && until.isAfter(Instant.now())) {
                Principal p = new Principal(stored.get().user(), "password", null);
                cache.put(cacheKey, p, null, generation);
                return p;
            }
            User u = checkPassword(username, password, clientIp, "auth.basic");
            if (basicVerified.size() > 10_000) {
                basicVerified.clear();
            }
            basicVerified.put(key, Instant.now().plus(BASIC_CACHE));
            Principal p = new Principal(u, "password", null);
            cache.put(cacheKey, p, null, generation);
            return p;
        }
        checkPassword(username, password, clientIp, "auth.basic"); // fails, counted, same timing
        throw new NotAuthenticatedException(WRONG);
    }

    private User checkPassword(String rawUsername, String password, String clientIp, String action) {
        String name = rawUsername == null ? "" : rawUsername.trim().toLowerCase(java.util.Locale.ROOT);
        String attempted = name.length() > 100 ? name.substring(0, 100) : name;
        String ip = clientIp == null ? "unknown" : clientIp;
        db.withConnection("checking sign-in limits", c -> {
            LoginAttemptRepository.Failures byUser = attempts.forUsername(c, attempted, WINDOW);
            if (byUser.count() >= MAX_USER_FAILURES) {
                throw limited("too many failed sign-ins for this user name", byUser);
            }
            LoginAttemptRepository.Failures byIp = attempts.forIp(c, ip, WINDOW);
            if (byIp.count() >= MAX_IP_FAILURES) {
                throw limited("too many failed sign-ins from your address", byIp);
            }
            return null;
        });
        Optional<UserRepository.Stored> stored = db.withConnection("reading user " + attempted,
                c -> users.findByUsername(c, attempted));
        boolean verified = hasher.verify(password, stored.map(UserRepository.Stored::passwordHash).orElse(null));
        boolean ok = verified && stored.get().user().active();
        Actor actor = stored.map(s -> new Actor(s.user().username(), s.user().role().id(), ip))
                .orElse(new Actor(null, null, ip));
        String why = stored.isEmpty() ? "no such user" : !verified ? "wrong password" : "user is deactivated";
        db.inTransaction("recording a sign-in attempt", c -> {
            attempts.record(c, attempted, ip, ok);
            audit.append(c, actor, ok ? action : action + "_failed", "user", attempted, null, null, ok ? null : why);
            return null;
        });
        if (!ok) {
            throw new NotAuthenticatedException(WRONG);
        }
        return stored.get().user();
    }

    private static RateLimitedException limited(String what, LoginAttemptRepository.Failures f) {
        long wait = f.oldest() == null ? WINDOW.toSeconds()
                : Math.max(1, Duration.between(Instant.now(), f.oldest().plus(WINDOW)).toSeconds() + 1);
        return new RateLimitedException(what + "; try again in " + Math.max(1, (wait + 59) / 60) + " minute(s)", wait);
    }

    /** The principal of a live session id, or empty. */
    public Optional<Principal> authenticateSession(String sessionId) {
        if (sessionId == null || sessionId.length() != 43) {
            return Optional.empty();
        }
        String key = "s:" + Secrets.sha256(sessionId);
        Optional<Principal> cached = cache.get(key);
        if (cached.isPresent()) {
            return cached;
        }
        long generation = cache.generation();
        return db.inTransaction("reading a session", c -> {
            Optional<SessionRepository.Live> s = sessions.userOf(c, Secrets.sha256(sessionId));
            Optional<Principal> p = s.isEmpty() ? Optional.<Principal>empty()
                    : activeUser(c, s.get().userId()).map(u -> new Principal(u, "session", null));
            p.ifPresent(x -> cache.put(key, x, s.get().expiresAt(), generation));
            return p;
        });
    }

    /** The principal of a live API token, or empty. */
    public Optional<Principal> authenticateToken(String token) {
        if (!Secrets.looksLikeToken(token)) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(token);
        String key = "t:" + hash;
        Optional<Principal> cached = cache.get(key);
        if (cached.isPresent()) {
            return cached; // last_used_at is refreshed on loads only, which come at least every TTL
        }
        long generation = cache.generation();
        return db.inTransaction("reading an API token", c -> {
            Optional<TokenRepository.Live> t = tokens.find(c, hash);
            Optional<Principal> p = t.isEmpty() ? Optional.<Principal>empty()
                    : activeUser(c, t.get().userId()).map(u -> new Principal(u, "token", t.get().tokenId()));
            p.ifPresent(x -> cache.put(key, x, null, generation));
            return p;
        });
    }

    private Optional<User> activeUser(java.sql.Connection c, long id) throws java.sql.SQLException {
        return users.findById(c, id).map(UserRepository.Stored::user).filter(User::active);
    }

    public void logout(String sessionId, Actor actor) {
        if (sessionId == null) {
            return;
        }
        db.inTransaction("ending a session", c -> {
            sessions.delete(c, Secrets.sha256(sessionId));
            audit.append(c, actor, "auth.logout", "user", actor.username(), null, null, null);
            sessions.deleteExpired(c);
            versions.bump(c);
            return null;
        });
        cache.clear();
    }

    public CreatedToken createToken(Principal p, String name, Actor actor) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty() || n.length() > 100) {
            throw new IllegalArgumentException("'name' must be 1-100 characters saying where the token is used, e.g. "
                    + "\"QGIS on the field laptop\", but was: '" + (name == null ? "" : name) + "'");
        }
        String secret = Secrets.newToken();
        ApiToken t = db.inTransaction("creating an API token for " + p.username(), c -> {
            long id = tokens.insert(c, p.user().id(), n, Secrets.sha256(secret));
            ApiToken created = tokens.find(c, p.user().id(), id).orElseThrow();
            audit.append(c, actor, "token.create", "api_token", String.valueOf(id), null, tokenSummary(p, created), null);
            return created;
        });
        return new CreatedToken(t, secret);
    }

    public List<ApiToken> tokens(Principal p) {
        return db.withConnection("listing API tokens", c -> tokens.list(c, p.user().id()));
    }

    /** Revokes one of the principal's own tokens. @throws NotFoundException when it is not theirs */
    public ApiToken revokeToken(Principal p, long tokenId, Actor actor) {
        ApiToken revoked = db.inTransaction("revoking API token " + tokenId, c -> {
            ApiToken before = tokens.find(c, p.user().id(), tokenId)
                    .orElseThrow(() -> new NotFoundException("you have no API token with id " + tokenId));
            tokens.revoke(c, tokenId);
            ApiToken after = tokens.find(c, p.user().id(), tokenId).orElseThrow();
            if (before.revokedAt() == null) {
                audit.append(c, actor, "token.revoke", "api_token", String.valueOf(tokenId), tokenSummary(p, before),
                        tokenSummary(p, after), null);
            }
            versions.bump(c);
            return after;
        });
        cache.clear();
        return revoked;
    }

    private static Map<String, Object> tokenSummary(Principal p, ApiToken t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("owner", p.username());
        m.put("name", t.name());
        m.put("revoked", t.revokedAt() != null);
        return m;
    }

    /** Forgets old sign-in attempts and expired sessions. */
    public void prune() {
        db.inTransaction("pruning sessions and sign-in attempts", c -> {
            attempts.prune(c);
            sessions.deleteExpired(c);
            return null;
        });
    }
}
