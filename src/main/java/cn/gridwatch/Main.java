package cn.gridwatch;

import cn.gridwatch.config.Config;
import cn.gridwatch.config.ServerZone;
import cn.gridwatch.db.Database;
import cn.gridwatch.security.UserService;
import cn.gridwatch.web.WebSettings;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command-line entry: reads the config, opens the pool, migrates, builds the services and either
 * serves HTTP or runs one command. The launcher script {@code ./gridwatch} calls this.
 */
@Command(name = "gridwatch", mixinStandardHelpOptions = true, version = "gridwatch 0.1",
        description = "Environmental grid supervision server on PostGIS.")
public final class Main implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    public static void main(String[] args) {
        try {
            ServerZone.apply(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("gridwatch: " + e.getMessage());
            System.exit(2);
        }
        CommandLine cli = new CommandLine(new Main());
        Wiring.addCommands(cli, Main::openDatabase);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
                cmd.getErr().println("gridwatch: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 2;
    }

    /** Opens the pool from the environment and applies migrations. */
    static Database openDatabase() {
        Config cfg = Config.fromEnvironment();
        Database db = Database.open(cfg.dbUrl(), cfg.dbUser(), cfg.dbPassword(), cfg.dbPoolSize());
        db.migrate();
        return db;
    }

    /** {@code serve}: serves what the database holds. */
    @Command(name = "serve", description = "Serve the HTTP API and map on GRIDWATCH_PORT (default 8080).")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--port", description = "overrides GRIDWATCH_PORT")
        Integer port;

        @Override
        public Integer call() throws InterruptedException {
            return serve(port, null);
        }
    }

    /** {@code demo}: loads the generated demo city, then serves. */
    @Command(name = "demo", description = "Load the demo city from gis-data/ (idempotent), then serve.")
    static final class Demo implements Callable<Integer> {
        @Option(names = "--data", defaultValue = "gis-data", description = "demo data directory")
        Path data;

        @Option(names = "--port", description = "overrides GRIDWATCH_PORT")
        Integer port;

        @Override
        public Integer call() throws InterruptedException {
            return serve(port, data);
        }
    }

    static int serve(Integer port, Path demoData) throws InterruptedException {
        Config cfg = Config.fromEnvironment();
        if (port != null) {
            cfg = cfg.withPort(port);
        }
        Database db = Database.open(cfg.dbUrl(), cfg.dbUser(), cfg.dbPassword(), cfg.dbPoolSize());
        db.migrate();
        try {
            // before anything starts: a real deployment without an administrator must not serve
            Wiring.bootstrapUsers(Wiring.users(db), demoData != null, System.getenv(UserService.ADMIN_PASSWORD_VAR));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        Services services = Wiring.services(db, cfg, demoData);
        Javalin app = App.create(services, cfg.maxUploadMb(), WebSettings.of(cfg));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping: finishing in-flight requests");
            app.stop();
            services.close();
            db.close();
            stopped.countDown();
        }, "gridwatch-shutdown"));
        app.start(cfg.host(), cfg.port());
        String base = "http://" + displayHost(cfg.host()) + ":" + app.port();
        System.out.println("gridwatch serving on " + base + "/  (database " + cfg.dbUrl() + "; Ctrl-C stops)");
        if (demoData != null) {
            System.out.println("try it (demo account admin / gridwatch-admin; others in README.md):\n"
                    + "  curl -u admin:gridwatch-admin '" + base + "/api/grids/locate?lon=113.0&lat=27.65'\n"
                    + "  gdalinfo 'WMS:" + base + "/wms?SERVICE=WMS' --config GDAL_HTTP_USERPWD qgis:qgis-readonly");
        }
        stopped.await();
        return 0;
    }

    private static String displayHost(String host) {
        return "0.0.0.0".equals(host) ? "127.0.0.1" : host;
    }
}
