package cn.gridwatch;

import cn.gridwatch.db.Database;
import cn.gridwatch.db.TestDatabase;
import cn.gridwatch.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The common test set-up as a JUnit 5 extension: a fresh migrated database ({@link TestDatabase#fresh()})
 * and, unless {@link #databaseOnly()}, the real app on it ({@link TestServer}) with an administrator's
 * client. Registered on a {@code static} field it lives for the test class:
 * <pre>{@code
 * @RegisterExtension
 * static final GridwatchServerExtension server = GridwatchServerExtension.withSmallCity();
 * }</pre>
 * registered on an instance field it lives for one test method (a fresh database per test, made
 * when the test first asks for it). On a static field it starts before the class's own
 * {@code @BeforeAll} methods, so they can use {@link #http()} for further fixtures.
 * {@link #otherInstance()} starts a second app on the same database (multi-instance tests); every
 * server and the database are closed at the end.
 * Not thread-safe: JUnit calls it from one thread per class.
 */
public final class GridwatchServerExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final boolean withServer;
    private final Map<String, String> env = new HashMap<>();
    private final List<Consumer<TestHttp>> fixtures = new ArrayList<>();
    private final List<TestServer> others = new ArrayList<>();
    private TestDatabase.Fresh db;
    private TestServer server;
    private boolean perMethod;

    private GridwatchServerExtension(boolean withServer) {
        this.withServer = withServer;
    }

    /** A database and a server on it, with no grid loaded. */
    public static GridwatchServerExtension server() {
        return new GridwatchServerExtension(true);
    }

    /** A database and a server on it with {@link TestGrids#loadSmallCity} loaded as the administrator. */
    public static GridwatchServerExtension withSmallCity() {
        return server().fixture(TestGrids::loadSmallCity);
    }

    /** Only a fresh database, for service-level tests. */
    public static GridwatchServerExtension databaseOnly() {
        return new GridwatchServerExtension(false);
    }

    /** More settings for the server ({@code GRIDWATCH_*} variables). */
    public GridwatchServerExtension env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Something to do as the administrator once the server runs (before the class's own set-up). */
    public GridwatchServerExtension fixture(Consumer<TestHttp> asAdmin) {
        fixtures.add(asAdmin);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    /** On an instance field: the database and server start when a test first asks for them. */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (db == null) {
            perMethod = true;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perMethod) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void start() {
        db = TestDatabase.fresh();
        if (withServer) {
            server = new TestServer(db, env);
            fixtures.forEach(f -> f.accept(server.http()));
        }
    }

    private void startOnFirstUse() {
        if (perMethod && db == null) {
            start();
        }
    }

    private void stop() {
        try {
            others.forEach(TestServer::close);
            if (server != null) {
                server.close();
            }
        } finally {
            others.clear();
            server = null;
            if (db != null) {
                db.close();
                db = null;
            }
        }
    }

    public TestDatabase.Fresh fresh() {
        startOnFirstUse();
        return running(db, "database");
    }

    public Database db() {
        return fresh().db();
    }

    public TestServer testServer() {
        startOnFirstUse();
        return running(server, "server");
    }

    /** The loopback port the server listens on. */
    public int port() {
        return testServer().port();
    }

    /** The administrator's client. */
    public TestHttp http() {
        return testServer().http();
    }

    public Services services() {
        return testServer().services();
    }

    /** A new API token of an existing user. */
    public String tokenFor(String username) {
        return testServer().tokenFor(username);
    }

    /** Creates a user and returns a client with an API token of theirs. */
    public TestHttp userWithToken(String username, Role role, String grid) {
        return testServer().userWithToken(username, role, grid);
    }

    /** Runs SQL (one or more statements) in one transaction: fixtures and clean-ups. */
    public void exec(String sql) {
        db().inTransaction("test statement", c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate(sql);
            }
        });
    }

    /** The first column of a query's first row as text (null for SQL null). */
    public String text(String query) {
        return firstValue(query, rs -> rs.getString(1));
    }

    /** The first column of a query's first row as a number, e.g. a count. */
    public long number(String query) {
        return firstValue(query, rs -> rs.getLong(1));
    }

    private interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T firstValue(String query, Column<T> column) {
        return db().withConnection("test query", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
                if (!rs.next()) {
                    throw new AssertionError("no row from: " + query);
                }
                return column.read(rs);
            }
        });
    }

    /** A further app on the same database, closed with this extension. */
    public TestServer otherInstance() {
        TestServer other = new TestServer(fresh(), env);
        others.add(other);
        return other;
    }

    private static <T> T running(T thing, String what) {
        if (thing == null) {
            throw new IllegalStateException("the test " + what + " is not running: register the extension with "
                    + "@RegisterExtension (and ask for a server unless it is databaseOnly())");
        }
        return thing;
    }
}
