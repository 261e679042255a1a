package cn.gridwatch.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives each test class its own freshly migrated database on the real PostGIS that
 * {@code ./gridwatch test} starts (or the one {@code GRIDWATCH_DB_URL} names). A template database
 * is migrated once per JVM and copied, which takes a fraction of a second; it is dropped when the
 * JVM exits. The database is dropped
 * on {@link Fresh#close()}. Tests fail, never skip, when no database is reachable.
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    /**
     * One template per JVM: several work trees share the test PostGIS, and a shared template name
     * let one run replace the template (with its own migrations) under another run.
     */
    private static final String TEMPLATE = "gw_test_template_" + ProcessHandle.current().pid();
    private static boolean templateReady;

    private TestDatabase() {
    }

    /** A fresh database plus the pool on it; close it to drop the database. */
    public static final class Fresh implements AutoCloseable {
        private final Database db;
        private final String name;

        Fresh(Database db, String name) {
            this.db = db;
            this.name = name;
        }

        public Database db() {
            return db;
        }

        public String name() {
            return name;
        }

        public String url() {
            return db.url();
        }

        @Override
        public void close() {
            db.close();
            admin("drop database if exists " + name + " with (force)");
        }
    }

    public static String baseUrl() {
        String url = System.getenv("GRIDWATCH_DB_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(
                    "GRIDWATCH_DB_URL is not set: run the tests with ./gridwatch test, which starts PostGIS");
        }
        return url;
    }

    public static String user() {
        String u = System.getenv("GRIDWATCH_DB_USER");
        return u == null || u.isBlank() ? "gridwatch" : u;
    }

    public static String password() {
        String p = System.getenv("GRIDWATCH_DB_PASSWORD");
        return p == null ? "" : p;
    }

    /** Creates, migrates and opens a new database. */
    public static synchronized Fresh fresh() {
        ensureTemplate();
        String name = "gw_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        admin("drop database if exists " + name + " with (force)");
        admin("create database " + name + " template " + TEMPLATE);
        Database db = Database.open(urlFor(name), user(), password(), 4);
        return new Fresh(db, name);
    }

    private static void ensureTemplate() {
        if (templateReady) {
            return;
        }
        admin("drop database if exists " + TEMPLATE + " with (force)");
        admin("create database " + TEMPLATE);
        try (Database db = Database.open(urlFor(TEMPLATE), user(), password(), 2)) {
            db.migrate();
        }
        templateReady = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                admin("drop database if exists " + TEMPLATE + " with (force)");
            } catch (IllegalStateException e) {
                System.err.println("could not drop the test template " + TEMPLATE + ": " + e.getMessage());
            }
        }, "drop-test-template"));
    }

    /** The JDBC URL of another database on the same server as {@link #baseUrl()}. */
    public static String urlFor(String database) {
        String base = baseUrl();
        int q = base.indexOf('?');
        String query = q < 0 ? "" : base.substring(q);
        String noQuery = q < 0 ? base : base.substring(0, q);
        int slash = noQuery.lastIndexOf('/');
        return noQuery.substring(0, slash + 1) + database + query;
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(baseUrl(), user(), password());
             Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database admin statement failed: " + sql, e);
        }
    }
}
