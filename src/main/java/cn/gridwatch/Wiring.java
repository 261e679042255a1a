package cn.gridwatch;

import cn.gridwatch.config.Config;
import cn.gridwatch.db.ChangeListener;
import cn.gridwatch.db.Database;
import cn.gridwatch.dispatch.DispatchService;
import cn.gridwatch.dispatch.PatrolTaskService;
import cn.gridwatch.dispatch.ReadingService;
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
import cn.gridwatch.map.render.GridSnapshotSource;
import cn.gridwatch.map.render.MapImageService;
import cn.gridwatch.map.table.TableFeatureSource;
import cn.gridwatch.map.tiles.TileService;
import cn.gridwatch.register.ImportRegisterCommand;
import cn.gridwatch.meters.MeterAlertService;
import cn.gridwatch.meters.MeterReadingService;
import cn.gridwatch.problems.ProblemService;
import cn.gridwatch.routing.GreatCircleMatrix;
import cn.gridwatch.routing.network.ImportRoadsCommand;
import cn.gridwatch.routing.network.RoadImportReport;
import cn.gridwatch.routing.network.RoadImportService;
import cn.gridwatch.routing.network.RoadMatrixProvider;
import cn.gridwatch.routing.network.graph.MemoryMatrix;
import cn.gridwatch.routing.TravelMatrixProvider;
import cn.gridwatch.routing.jobs.PlanJobService;
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
import cn.gridwatch.stats.StatsService;
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
    /** How often the tile warm-up checks for a new grid version (ms). */
    static final long TILE_WARM_UP_POLL_MS = 1000;
    /** The demo road network (OSM XML written by {@code generate --mode demo}), loaded when present. */
    static final String DEMO_ROADS = "roads.osm";
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
        cli.addSubcommand("import-register", new ImportRegisterCommand(database, Registers.SPECS));
        cli.addSubcommand("import-roads", new ImportRoadsCommand(database));
        cli.addSubcommand("draw", new DrawCommand(database));
        cli.addSubcommand("plan", new PlanCommand(database, Wiring::travelMatrices));
    }

    /**
     * Builds the services, optionally loads the demo, builds the in-memory grid index and starts
     * keeping it in step with the database (LISTEN/NOTIFY plus a version poll).
     */
    static Services services(Database db, Config cfg, Path demoData) {
        // one clock for every service, in the server's zone (ServerZone: Beijing time unless set), so
        // locate's "today" is the same day as the statistics', feeds' and plans'
        Clock clock = Clock.systemDefaultZone();
        GridService grids = new GridService(db);
        GridQaService qa = new GridQaService(db);
        AuditLog audit = new AuditLog(db);
        GridImportService imports = new GridImportService(db, qa);
        GridLocateService locate = new GridLocateService(grids, clock);
        PasswordHasher hasher = new PasswordHasher();
        PrincipalCache principals = new PrincipalCache();
        AuthService auth = new AuthService(db, hasher, audit, Duration.ofHours(cfg.sessionHours()), principals);
        UserService users = new UserService(db, hasher, audit, principals);
        if (demoData != null) {
            loadDemo(imports, demoData, new GridAuditor(audit, Actor.system("demo")));
        }
        GridLocateService.Snapshot first = locate.refresh();
        Registers registers = new Registers(db, locate, audit);
        registers.reassigner().reassign(); // a grid change while no instance ran (e.g. ./gridwatch import)
        if (demoData != null) {
            registers.loadDemo(demoData.resolve("registers"));
        }
        // a grid change moves located register rows to their new cells (once, whichever instance is first)
        ChangeListener listener = new ChangeListener(cfg.dbUrl(), cfg.dbUser(), cfg.dbPassword(), "grid_changed",
                grids::currentVersion, v -> {
                    locate.refresh();
                    registers.reassigner().reassign();
                }, first.version(), cfg.gridRefreshSeconds()).start();
        // token revoked, user changed, session ended on another instance: drop cached principals
        ChangeListener authListener = new ChangeListener(cfg.dbUrl(), cfg.dbUser(), cfg.dbPassword(), "auth_changed",
                auth::authVersion, v -> auth.clearCache(), auth.authVersion(), cfg.gridRefreshSeconds()).start();
        // current cells are drawn from the locate snapshot (no database read per map); registers from their tables
        TableFeatureSource registerLayers = new TableFeatureSource(db, clock);
        MapImageService images = new MapImageService(new GridFeatureSource(db),
                new GridSnapshotSource(locate::snapshot), registerLayers);
        // grid tiles are keyed by the locate snapshot's grid version: no database read per cached tile
        TileService tiles = new TileService(db, images, () -> locate.snapshot().version(), TILE_CACHE_BYTES);
        tiles.warmUp(TILE_WARM_UP_POLL_MS); // city-zoom grid tiles cached before the first browser asks
        RoadImportService roadImports = new RoadImportService(db, audit);
        if (demoData != null) {
            loadDemoRoads(roadImports, demoData);
        }
        // the travel-time provider of routes, matrices and plans: road networks, great-circle fallback
        RoadMatrixProvider roads = new RoadMatrixProvider(db, cfg.roadSnapMetres(), new MemoryMatrix(),
                new GreatCircleMatrix());
        // problems, station dispatch and power-meter alerts (issue 4)
        ProblemService problems = new ProblemService(db, audit, locate, clock);
        DispatchService dispatch = new DispatchService(db, audit, cfg.dispatch(), clock);
        FeaturesService features = new FeaturesService(db, registerLayers);
        PlanService plans = new PlanService(db, locate, users, audit, roads, clock);
        return new Services(db, grids, imports, qa, locate, listener, authListener, audit, auth, users,
                cfg.trustProxy(), tiles, features, images, registers,
                problems, new ReadingService(db, audit), dispatch, new PatrolTaskService(db),
                new MeterReadingService(db, audit, clock), new MeterAlertService(db, audit, problems),
                new StatsService(db, grids, cfg.patrolRules(), clock),
                roadImports, roads,
                new DrawService(db, audit, clock), plans,
                new PlanJobService(db, plans, audit, clock, cfg.planWorkers(), cfg.planQueue()));
    }

    /** Where plans made on the command line get travel times: the road networks, great-circle fallback. */
    static TravelMatrixProvider travelMatrices(Database db) {
        return new RoadMatrixProvider(db, Config.fromEnvironment().roadSnapMetres(), new MemoryMatrix(),
                new GreatCircleMatrix());
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

    /** Imports the demo road network {@code roads.osm} as network {@code demo} when the file is there. */
    static void loadDemoRoads(RoadImportService roads, Path dir) {
        Path file = dir.resolve(DEMO_ROADS);
        if (!Files.isRegularFile(file)) {
            System.out.println("demo roads: " + file + " is missing; plans use great-circle estimates");
            return;
        }
        RoadImportReport r = roads.importFile(file, "demo", DEMO_ROADS, false, Actor.system("demo"));
        System.out.printf("demo roads: network 'demo' %s, %d edges, %.0f km%n", r.status(), r.edges(), r.lengthKm());
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
