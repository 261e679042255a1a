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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Hand wiring of services and commands. No logic beyond construction order. */
final class Wiring {
    /** Demo cells are valid from this fixed date, so loading the demo twice changes nothing. */
    static final LocalDate DEMO_VALID_FROM = LocalDate.of(2024, 1, 1);
    private static final String[][] DEMO_FILES = {
        {"city.geojson", "city"}, {"counties.geojson", "county"},
        {"townships.geojson", "township"}, {"villages.geojson", "village"},
    };

    private Wiring() {
    }

    static void addCommands(CommandLine cli, Supplier<Database> database) {
        cli.addSubcommand("serve", new Main.Serve());
        cli.addSubcommand("demo", new Main.Demo());
        cli.addSubcommand("import", new ImportCommand(database));
        cli.addSubcommand("qa", new QaCommand(database));
        cli.addSubcommand("generate", new GenerateCommand());
        cli.addSubcommand("locate", new GridLocateCommand(database));
    }

    /**
     * Builds the services, optionally loads the demo, builds the in-memory grid index and starts
     * keeping it in step with the database (LISTEN/NOTIFY plus a version poll).
     */
    static Services services(Database db, Config cfg, Path demoData) {
        GridService grids = new GridService(db);
        GridQaService qa = new GridQaService(db);
        GridImportService imports = new GridImportService(db, qa);
        GridLocateService locate = new GridLocateService(grids, Clock.systemDefaultZone());
        if (demoData != null) {
            loadDemo(imports, demoData);
        }
        GridLocateService.Snapshot first = locate.refresh();
        ChangeListener listener = new ChangeListener(cfg.dbUrl(), cfg.dbUser(), cfg.dbPassword(), "grid_changed",
                grids::currentVersion, v -> locate.refresh(), first.version(), cfg.gridRefreshSeconds()).start();
        return new Services(db, grids, imports, qa, locate, listener);
    }

    /** Imports the four demo files; a second run reports everything unchanged. */
    static void loadDemo(GridImportService imports, Path dir) {
        for (String[] f : DEMO_FILES) {
            Path file = dir.resolve(f[0]);
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("demo data file " + file + " is missing; regenerate it with "
                        + "./gridwatch generate --mode demo --out " + dir);
            }
            ImportRequest req = ImportRequest.builder(file, GridLevel.parse(f[1]))
                    .kind(GridKind.ADMIN).crs("EPSG:4490").validFrom(DEMO_VALID_FROM).qa(false).build();
            ImportReport report = imports.importFile(req);
            System.out.printf("demo %-8s %5d features: %d inserted, %d replaced, %d unchanged%n", f[1],
                    report.features(), report.inserted(), report.replaced(), report.unchanged());
            if (report.status() != ImportStatus.COMMITTED) {
                throw new IllegalStateException("the demo file " + file + " was rejected:\n" + report.toText());
            }
        }
    }
}
