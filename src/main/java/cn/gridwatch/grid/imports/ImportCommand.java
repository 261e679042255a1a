package cn.gridwatch.grid.imports;

import cn.gridwatch.db.Database;
import cn.gridwatch.security.Actor;
import cn.gridwatch.security.AuditLog;
import cn.gridwatch.security.GridAuditor;
import cn.gridwatch.grid.GridJson;
import cn.gridwatch.grid.GridKind;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.io.PropertyMapping;
import cn.gridwatch.grid.io.SourceFormat;
import cn.gridwatch.grid.qa.GridQaService;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import FILE --level township [--crs GCJ-02] ...}: imports one file of grid cells and prints
 * the report (a text table, or JSON with {@code --json}) to stdout, progress to stderr. Exit code 0
 * when committed or dry-run, 2 when the file or any feature was rejected (nothing written).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import grid polygons (GeoJSON, Shapefile/.zip, GeoPackage, CSV with WKT) into EPSG:4490.")
public final class ImportCommand implements Callable<Integer> {
    private final Supplier<Database> database;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the file to import")
    Path file;

    @Option(names = "--level", required = true, description = "city, county, township or village")
    String level;

    @Option(names = "--kind", defaultValue = "admin", description = "admin (default), park or key")
    String kind;

    @Option(names = "--crs", description = "source CRS, wins over the file's, e.g. EPSG:4490, EPSG:3857, GCJ-02")
    String crs;

    @Option(names = "--format", description = "geojson, shapefile, gpkg or csv (default: from the extension)")
    String format;

    @Option(names = "--valid-from", description = "first day the versions are valid (default: today)")
    LocalDate validFrom;

    @Option(names = "--code-field", description = "property holding the code")
    String codeField;

    @Option(names = "--name-field", description = "property holding the name")
    String nameField;

    @Option(names = "--parent-field", description = "property holding the parent code (default: from the code)")
    String parentField;

    @Option(names = "--wkt-field", description = "CSV column holding WKT (default: wkt, geometry or geom)")
    String wktField;

    @Option(names = "--encoding", description = "attribute encoding when the file does not say, e.g. GBK")
    Charset encoding;

    @Option(names = "--layer", description = "GeoPackage layer (default: the first)")
    String layer;

    @Option(names = "--repair", description = "repair invalid geometries (each repair is reported)")
    boolean repair;

    @Option(names = "--dry-run", description = "validate and report; write nothing")
    boolean dryRun;

    @Option(names = "--no-qa", negatable = false, description = "skip the QA report after importing")
    boolean noQa;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    public ImportCommand(Supplier<Database> database) {
        this.database = database;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Database db = database.get();
        ImportRequest req = ImportRequest.builder(file, GridLevel.parse(level))
                .kind(GridKind.parse(kind))
                .crs(crs)
                .format(format == null ? null : SourceFormat.parse(format))
                .validFrom(validFrom)
                .mapping(new PropertyMapping(codeField, nameField, parentField))
                .wktColumn(wktField)
                .encoding(encoding)
                .layer(layer)
                .repair(repair)
                .dryRun(dryRun)
                .qa(!noQa)
                .audit(new GridAuditor(new AuditLog(db), Actor.system("cli:" + System.getProperty("user.name"))))
                .build();
        ImportReport report;
        try {
            report = new GridImportService(db, new GridQaService(db)).importFile(req, (phase, done, total) -> {
                err.printf(Locale.ROOT, "%s %d/%d%n", phase, done, total);
                err.flush();
            });
        } catch (IllegalArgumentException e) {
            err.println("import rejected: " + e.getMessage());
            return 2;
        }
        out.print(json ? GridJson.write(report) + "\n" : report.toText());
        out.flush();
        return report.status() == ImportStatus.REJECTED ? 2 : 0;
    }
}
