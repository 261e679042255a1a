package cn.gridwatch.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The connection pool, schema migration and the one transaction helper of the application.
 *
 * <p>{@link #inTransaction} commits when the work returns and rolls back on any throwable, then
 * rethrows (SQL errors wrapped in {@link DatabaseException} naming what was being done).
 * Repositories take a {@link Connection} so services can put several calls into one transaction.
 * Thread-safe.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final String url;
    private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();

    private Database(HikariDataSource pool, String url) {
        this.pool = pool;
        this.url = url;
    }

    /** Opens a pool; fails fast with a message naming the URL when the database is unreachable. */
    public static Database open(String url, String user, String password, int poolSize) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setUsername(user);
        if (password != null && !password.isEmpty()) {
            hc.setPassword(password);
        }
        hc.setMaximumPoolSize(poolSize);
        hc.setMinimumIdle(Math.min(2, poolSize));
        hc.setPoolName("gridwatch");
        hc.setConnectionTimeout(10_000);
        hc.addDataSourceProperty("ApplicationName", "gridwatch");
        hc.addDataSourceProperty("reWriteBatchedInserts", "true");
        try {
            return new Database(new HikariDataSource(hc), url);
        } catch (RuntimeException e) {
            throw new DatabaseException("connecting to " + url + " as " + user, e);
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    public String url() {
        return url;
    }

    /** Applies the Flyway migrations in {@code db/migration}. */
    public void migrate() {
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** Runs {@code work} in one transaction: commit on return, rollback on any throwable. */
    public <T> T inTransaction(String doing, SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                commits.incrementAndGet();
                return result;
            } catch (Throwable t) {
                rollbackQuietly(c, t);
                throw t;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new DatabaseException(doing, e);
        }
    }

    /**
     * How many transactions {@link #inTransaction} has committed through this pool: in-memory caches
     * of data written through this instance re-read when it moves (e.g. the map data versions).
     */
    public long commits() {
        return commits.get();
    }

    /** Runs read-only or self-committing work on a pooled connection in autocommit mode. */
    public <T> T withConnection(String doing, SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DatabaseException(doing, e);
        }
    }

    /** PostgreSQL and PostGIS versions, e.g. for the health endpoint. */
    public String[] versions() {
        return withConnection("reading server versions", c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select version(), postgis_full_version()")) {
                rs.next();
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        });
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e); // the original failure is what matters; keep this one attached
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
