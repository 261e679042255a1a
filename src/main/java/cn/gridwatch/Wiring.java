package cn.gridwatch;

import cn.gridwatch.config.Config;
import cn.gridwatch.db.ChangeListener;
import cn.gridwatch.db.Database;
import cn.gridwatch.grid.GridKind;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.GridLocateCommand;
import cn.gridwatch.grid.GridLocateService;
import cn.gridwatch.grid.GridService;
import cn.gridwatch.grid.generate.GenerateCommand;
import cn.gridwatch.grid.imports.GridImportService;
import cn.gridwatch.grid.imports.ImportCommand;
import cn.gridwatch.grid.imports.ImportReport;
import cn.gridwatch.grid.imports.ImportRequest;
import cn.gridwatch.grid.imports.ImportStatus;
import cn.gridwatch.grid.qa.GridQaService;
import cn.gridwatch.grid.qa.QaCommand;
import cn.gridwatch.inspection.DrawCommand;
import cn.gridwatch.inspection.DrawService;
import cn.gridwatch.map.features.FeaturesService;
import cn.gridwatch.map.render.GridFeatureSource;
import cn.gridwatch.map.render.MapImageService;
import cn.gridwatch.map.tiles.TileService;
import cn.gridwatch.routing.GreatCircleMatrix;
import cn.gridwatch.routing.TravelMatrixProvider;
import cn.gridwatch.routing.plan.PlanCommand;
import cn.gridwatch.routing.plan.PlanService;
import cn.gridwatch.security.Actor;
import cn.gridwatch.security.AuditLog;
import cn.gridwatch.security.AuthService;
import cn.gridwatch.security.GridAuditor;
import cn.gridwatch.security.PasswordHasher;
import cn.gridwatch.security.PrincipalCache;
import cn.gridwatch.security.Role;
import cn.gridwatch.security.UserService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Hand wiring of services and commands. No logic beyond construction order. */
final class Wiring {
    /** Demo cells are valid from this fixed date, so loading the demo twice changes nothing. */
    static final LocalDate DEMO_VALID_FROM = LocalDate.of(2024, 1, 1);
    /** Memory for rendered vector and PNG tiles (LRU by bytes). */
    static final long TILE_CACHE_BYTES = 64L * 1024 * 1024;
    private static final String[][] DEMO_FILES = {
        {"city.geojson", "city"}, {"counties.geojson", "county"},
        {"townships.geojson", "township"}, {"villages.geojson", "village"},
    };

    /** The demo's documented accounts (README); demo only, never for a real deployment. */
    static final List<UserService.NewUser> DEMO_ACCOUNTS = List.of(
            new UserService.NewUser("admin", "Demo administrator", Role.ADMIN, null, "gridwatch-admin"),
            new UserService.NewUser("xiangyuan", "湘源市网格长", Role.CITY_OFFICER, "432000", "xiangyuan-city"),
            new UserService.NewUser("fengfeng", "枫峰区网格员", Role.COUNTY_OFFICER, "432002", "fengfeng-county"),
            new UserService.NewUser("wuyi", "五一街道网格员", Role.TOWNSHIP_OFFICER, "432002001", "wuyi-township"),
            new UserService.NewUser("inspector", "Demo inspector", Role.INSPECTOR, null, "inspector-demo"),
            new UserService.NewUser("planner", "Demo planner", Role.PLANNER, null, "planner-demo"),
            new UserService.NewUser("qgis", "QGIS read-only client", Role.GIS_CLIENT, null, "qgis-readonly"));

    private Wiring() {
    }

    static void addCommands(CommandLine cli, Supplier<Database> database) {
        cli.addSubcommand("serve", new Main.Serve());
        cli.addSubcommand("demo", new Main.Demo());
        cli.addSubcommand("import", new ImportCommand(database));
        cli.addSubcommand("qa", new QaCommand(database));
        cli.addSubcommand("generate", new GenerateCommand());
        cli.addSubcommand("locate", new GridLocateCommand(database));
        cli.addSubcommand("draw", new DrawCommand(database));
        cli.addSubcommand("plan", new PlanCommand(database, Wiring::travelMatrices));
    }

    /**
     * Builds the services, optionally loads the demo, builds the in-memory grid index and starts
     * keeping it in step with the database (LISTEN/NOTIFY plus a version poll).
     */
    static Services services(Database db, Config cfg, Path demoData) {
        GridService grids = new GridService(db);
        GridQaService qa = new GridQaService(db);
        AuditLog audit = new AuditLog(db);
        GridImportService imports = new GridImportService(db, qa);
        GridLocateService locate = new GridLocateService(grids, Clock.systemDefaultZone());
        PasswordHasher hasher = new PasswordHasher();
        PrincipalCache principals = new PrincipalCache();
        AuthService auth = new AuthService(db, hasher, audit, Duration.ofHours(cfg.sessionHours()), principals);
        UserService users = new UserService(db, hasher, audit, principals);
        if (demoData != null) {
            loadDemo(imports, demoData, new GridAuditor(audit, Actor.system("demo")));
        }
        GridLocateService.Snapshot first = locate.refresh();
        ChangeListener listener = new ChangeListener(cfg.dbUrl(), cfg.dbUser(), cfg.dbPassword(), "grid_changed",
                grids::currentVersion, v -> locate.refresh(), first.version(), cfg.gridRefreshSeconds()).start();
        // token revoked, user changed, session ended on another instance: drop cached principals
        ChangeListener authListener = new ChangeListener(cfg.dbUrl(), cfg.dbUser(), cfg.dbPassword(), "auth_changed",
                auth::authVersion, v -> auth.clearCache(), auth.authVersion(), cfg.gridRefreshSeconds()).start();
        // tiles are keyed by the locate snapshot's grid version: no database read per tile
        MapImageService images = new MapImageService(new GridFeatureSource(db));
        TileService tiles = new TileService(db, images, () -> locate.snapshot().version(), TILE_CACHE_BYTES);
        FeaturesService features = new FeaturesService(db);
        DrawService draws = new DrawService(db, audit, Clock.systemUTC());
        PlanService plans = new PlanService(db, locate, users, audit, travelMatrices(db), Clock.systemUTC());
        return new Services(db, grids, imports, qa, locate, listener, authListener, audit, auth, users,
                cfg.trustProxy(), tiles, features, images, draws, plans);
    }

    /** Where plans get travel times: the great-circle fallback until the road network is wired in. */
    static TravelMatrixProvider travelMatrices(Database db) {
        return new GreatCircleMatrix();
    }

    /** The user service on its own, for start-up checks before the rest is built. */
    static UserService users(Database db) {
        return new UserService(db, new PasswordHasher(), new AuditLog(db));
    }

    /**
     * Users at start-up: the demo gets its documented accounts; a real deployment must have an
     * active administrator, created from {@code adminPassword} (GRIDWATCH_ADMIN_PASSWORD) when missing.
     *
     * @throws IllegalStateException naming GRIDWATCH_ADMIN_PASSWORD when there is no administrator and it is unset
     */
    static void bootstrapUsers(UserService users, boolean demo, String adminPassword) {
        if (demo) {
            int created = users.ensureAccounts(DEMO_ACCOUNTS, Actor.system("demo"));
            System.out.println("demo accounts: " + created + " created, " + (DEMO_ACCOUNTS.size() - created)
                    + " already there (see README: demo only)");
        }
        if (users.ensureAdmin(adminPassword)) {
            System.out.println("created the administrator 'admin' from " + UserService.ADMIN_PASSWORD_VAR);
        }
    }

    /** Imports the four demo files; a second run reports everything unchanged. */
    static void loadDemo(GridImportService imports, Path dir, GridAuditor audit) {
        for (String[] f : DEMO_FILES) {
            Path file = dir.resolve(f[0]);
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("demo data file " + file + " is missing; regenerate it with "
                        + "./gridwatch generate --mode demo --out " + dir);
            }
            ImportRequest req = ImportRequest.builder(file, GridLevel.parse(f[1]))
                    .kind(GridKind.ADMIN).crs("EPSG:4490").validFrom(DEMO_VALID_FROM).qa(false).audit(audit).build();
            ImportReport report = imports.importFile(req);
            System.out.printf("demo %-8s %5d features: %d inserted, %d replaced, %d unchanged%n", f[1],
                    report.features(), report.inserted(), report.replaced(), report.unchanged());
            if (report.status() != ImportStatus.COMMITTED) {
                throw new IllegalStateException("the demo file " + file + " was rejected:\n" + report.toText());
            }
        }
    }
}
