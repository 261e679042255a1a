package cn.gridwatch.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an in-memory cache in step with the database when several gridwatch instances share one
 * PostGIS. It LISTENs on a channel on its own connection (outside the pool) and, as a fallback for
 * notifications lost while that connection was down, polls a version counter every few seconds.
 * Whenever the version differs from the last one seen, {@code onChange} runs on this listener's
 * thread. Reconnects by itself after a database restart. One daemon thread; start once, close once.
 */
public final class ChangeListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeListener.class);

    private final String url;
    private final Properties props;
    private final String channel;
    private final LongSupplier versionReader;
    private final LongConsumer onChange;
    private final long pollMillis;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long seen;

    /**
     * @param channel a fixed identifier from code (never user input), e.g. {@code grid_changed}
     * @param versionReader reads the current version (through the pool)
     * @param onChange gets the new version; exceptions are logged and retried at the next poll
     * @param initialVersion the version the cache was built from
     */
    public ChangeListener(String url, String user, String password, String channel, LongSupplier versionReader,
            LongConsumer onChange, long initialVersion, int pollSeconds) {
        if (!channel.matches("[a-z_]+")) {
            throw new IllegalArgumentException("channel must be a plain identifier, but was: " + channel);
        }
        this.url = url;
        this.props = new Properties();
        props.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", "gridwatch-listener");
        this.channel = channel;
        this.versionReader = versionReader;
        this.onChange = onChange;
        this.seen = initialVersion;
        this.pollMillis = pollSeconds * 1000L;
        this.thread = new Thread(this::loop, "gridwatch-listen-" + channel);
        thread.setDaemon(true);
    }

    public ChangeListener start() {
        thread.start();
        return this;
    }

    /** The version the cache was last refreshed to. */
    public long seenVersion() {
        return seen;
    }

    private void loop() {
        while (running) {
            try (Connection c = DriverManager.getConnection(url, props)) {
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + channel);
                }
                checkVersion(); // anything missed while disconnected
                PGConnection pg = c.unwrap(PGConnection.class);
                long lastPoll = System.currentTimeMillis();
                while (running) {
                    PGNotification[] ns = pg.getNotifications(1000);
                    boolean due = System.currentTimeMillis() - lastPoll >= pollMillis;
                    if ((ns != null && ns.length > 0) || due) {
                        checkVersion();
                        lastPoll = System.currentTimeMillis();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warn("lost the {} listener connection ({}); reconnecting", channel, e.getMessage());
                    sleep(2000);
                }
            }
        }
    }

    private void checkVersion() {
        try {
            long v = versionReader.getAsLong();
            if (v != seen) {
                onChange.accept(v);
                seen = v;
            }
        } catch (RuntimeException e) {
            LOG.warn("refresh after a {} change failed; will retry: {}", channel, e.getMessage());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
