package cn.gridwatch.db;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster that one test owns, for fault tests that stop and restart the server: the
 * shared cluster of {@code ./gridwatch test} must never be disturbed. Created with {@code initdb}
 * in a fresh directory under {@code /var/tmp}, loopback only on a free port, trust authentication
 * for the test user ({@link TestDatabase#user()}), no Unix socket, fsync off. The binaries are those of the newest
 * {@code /usr/lib/postgresql/N} whose PostGIS is installed. As root, everything runs as the
 * {@code postgres} OS user through {@code runuser} (PostgreSQL refuses root). {@link #close()}
 * stops the cluster and deletes the directory. Not thread-safe.
 */
public final class ThrowawayPostgres implements AutoCloseable {
    public static final String USER = TestDatabase.user();
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path bin;
    private final Path base;
    private final Path data;
    private final int port;

    private ThrowawayPostgres(Path bin, Path base, int port) {
        this.bin = bin;
        this.base = base;
        this.data = base.resolve("data");
        this.port = port;
    }

    /** initdb and start; fails with the tool's output when anything goes wrong. */
    public static ThrowawayPostgres start() {
        Path bin = binaries();
        Path base;
        try {
            base = Files.createTempDirectory(Path.of("/var/tmp"), "gridwatch-throwaway-pg-");
            Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a directory for a throwaway PostgreSQL", e);
        }
        ThrowawayPostgres pg = new ThrowawayPostgres(bin, base, freePort());
        try {
            if (ROOT) {
                run(List.of("chown", "postgres:postgres", base.toString()), 30);
            }
            pg.pg(List.of(bin.resolve("initdb").toString(), "-D", pg.data.toString(), "-U", USER, "--auth=trust",
                    "-E", "UTF8", "--locale=C", "--no-sync"), 120);
            pg.start0();
            return pg;
        } catch (RuntimeException e) {
            pg.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of {@code database} on this cluster. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates {@code name} with the postgis extension and returns its JDBC URL. */
    public String createDatabase(String name) {
        sql(url("postgres"), "create database " + name);
        sql(url(name), "create extension postgis");
        return url(name);
    }

    /** The database as a {@link TestDatabase.Fresh}, for {@code TestServer}; close its pool, not the Fresh. */
    public TestDatabase.Fresh fresh(String name, int poolSize) {
        Database db = Database.open(createDatabase(name), USER, "", poolSize);
        db.migrate();
        return new TestDatabase.Fresh(db, name);
    }

    /** {@code pg_ctl restart -m fast}: drops every connection, back when this returns. */
    public void restart() {
        pgCtl("restart", "-m", "fast");
    }

    /** {@code pg_ctl stop -m fast}. */
    public void stop() {
        pgCtl("stop", "-m", "fast");
    }

    /** Starts a stopped cluster again. */
    public void startAgain() {
        start0();
    }

    private void start0() {
        pgCtl("start", "-l", base.resolve("log").toString(), "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=off"
                        + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=60");
    }

    private void pgCtl(String... args) {
        List<String> cmd = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w",
                "-t", "60"));
        cmd.addAll(List.of(args));
        pg(cmd, 90);
    }

    private void pg(List<String> cmd, int timeoutSeconds) {
        List<String> full = new ArrayList<>();
        if (ROOT) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(cmd);
        run(full, timeoutSeconds);
    }

    private static String run(List<String> cmd, int timeoutSeconds) {
        try {
            // from / so the postgres user never needs to enter the (maybe private) working directory
            Process p = new ProcessBuilder(cmd).directory(Path.of("/").toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " did not finish in " + timeoutSeconds + " s");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed (exit " + p.exitValue() + "): " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cmd.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + cmd.get(0), e);
        }
    }

    private static void sql(String url, String statement) {
        try (Connection c = DriverManager.getConnection(url, USER, "");
             Statement st = c.createStatement()) {
            st.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + " on " + url + " failed", e);
        }
    }

    /** The newest installed PostgreSQL whose PostGIS extension is installed too. */
    static Path binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                    .filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                    .filter(v -> Files.exists(Path.of("/usr/share/postgresql", v.getFileName().toString(),
                            "extension/postgis.control")))
                    .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
                    .map(v -> v.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException("no /usr/lib/postgresql/N with PostGIS installed"));
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL under /usr/lib/postgresql", e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    @Override
    public void close() {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                pgCtl("stop", "-m", "immediate");
            }
        } catch (RuntimeException e) {
            // still delete the directory below; a leftover process dies with its data directory gone
        }
        try (Stream<Path> s = Files.walk(base)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: /var/tmp is cleaned by the system too
        }
    }
}
