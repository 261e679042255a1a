package cn.gridwatch;

import cn.gridwatch.config.Config;
import cn.gridwatch.db.TestDatabase;
import cn.gridwatch.security.Actor;
import cn.gridwatch.security.Principal;
import cn.gridwatch.security.Role;
import cn.gridwatch.security.User;
import cn.gridwatch.security.UserService;
import io.javalin.Javalin;
import java.util.List;
import java.util.Map;

/**
 * The real app on a random loopback port over a database; close it to stop the server. It makes
 * sure the administrator {@link #ADMIN} exists and gives {@link #http()} an API token of theirs, so
 * tests that are not about access control run as an administrator.
 */
public final class TestServer implements AutoCloseable {
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    private final Services services;
    private final Javalin app;
    private final TestHttp http;

    public TestServer(TestDatabase.Fresh db) {
        this(db, Map.of());
    }

    /** The same with more settings ({@code GRIDWATCH_*} variables, e.g. a basemap URL). */
    public TestServer(TestDatabase.Fresh db, Map<String, String> moreEnv) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "GRIDWATCH_DB_URL", db.url(),
                "GRIDWATCH_DB_USER", TestDatabase.user(),
                "GRIDWATCH_DB_PASSWORD", TestDatabase.password(),
                "GRIDWATCH_PORT", "0",
                "GRIDWATCH_MAX_UPLOAD_MB", "2",
                "GRIDWATCH_GRID_REFRESH_SECONDS", "2"));
        env.putAll(moreEnv);
        Config cfg = Config.from(env);
        this.services = Wiring.services(db.db(), cfg, null);
        // no tile warm-up racing the tests' cache figures; TileWarmUpTest starts it, FreshServer measures it
        services.tiles().close();
        this.app = App.create(services, cfg.maxUploadMb(), cn.gridwatch.web.WebSettings.of(cfg)).start("127.0.0.1", 0);
        this.http = new TestHttp(app.port()).bearer(adminToken(services));
    }

    /** Makes sure the test administrator exists and returns a new API token of theirs. */
    public static String adminToken(Services services) {
        services.users().ensureAccounts(List.of(new UserService.NewUser(ADMIN, "Test administrator", Role.ADMIN,
                null, ADMIN_PASSWORD)), Actor.system("test"));
        return tokenFor(services, ADMIN);
    }

    /** A new API token of an existing user. */
    public String tokenFor(String username) {
        return tokenFor(services, username);
    }

    private static String tokenFor(Services services, String username) {
        User u = services.users().get(username);
        return services.auth().createToken(new Principal(u, "password", null), "test", Actor.system("test")).secret();
    }

    /** Creates a user and returns a client with an API token of theirs. */
    public TestHttp userWithToken(String username, Role role, String grid) {
        services.users().create(new UserService.NewUser(username, null, role, grid, username + "-password"),
                Actor.system("test"));
        return http.bearer(tokenFor(username));
    }

    /** Authenticated as the administrator. */
    public TestHttp http() {
        return http;
    }

    /** The loopback port the server listens on (for clients other than {@link TestHttp}, e.g. GDAL). */
    public int port() {
        return app.port();
    }

    public Services services() {
        return services;
    }

    @Override
    public void close() {
        app.stop();
        services.close();
    }
}
