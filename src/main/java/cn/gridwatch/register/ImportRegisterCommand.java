package cn.gridwatch.register;

import cn.gridwatch.Json;
import cn.gridwatch.db.Database;
import cn.gridwatch.grid.GridLocateService;
import cn.gridwatch.grid.GridService;
import cn.gridwatch.security.Actor;
import cn.gridwatch.security.AuditLog;
import cn.gridwatch.security.Scope;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import-register REGISTER FILE [--crs CRS] [--format F] [--json]}: imports one register file
 * (all or nothing) as the system user {@code cli:<login>} and prints the report. Exit code 0 when
 * committed, 2 when the file or any row was refused (nothing written).
 */
@Command(name = "import-register", mixinStandardHelpOptions = true,
        description = "Import a register file (CSV, GeoJSON or .xlsx): monitoring-points, sources, power-meters,"
                + " duties, station-chiefs, inspectors, complaints or patrols.")
public final class ImportRegisterCommand implements Callable<Integer> {
    private final Supplier<Database> database;
    private final List<RegisterSpec> specs;

    @Spec
    CommandSpec command;

    @Parameters(index = "0", paramLabel = "REGISTER", description = "monitoring-points, sources, power-meters, duties,"
            + " station-chiefs, inspectors, complaints or patrols")
    String register;

    @Parameters(index = "1", paramLabel = "FILE", description = "the file (.csv, .geojson, .xlsx)")
    Path file;

    @Option(names = "--crs", defaultValue = "EPSG:4490",
            description = "CRS of lon/lat and WKT: EPSG:4490 (default), EPSG:4326, GCJ-02, BD-09, EPSG:4513..4554")
    String crs;

    @Option(names = "--format", description = "csv, geojson or xlsx (default: from the extension)")
    String format;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    public ImportRegisterCommand(Supplier<Database> database, List<RegisterSpec> specs) {
        this.database = database;
        this.specs = specs;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        RegisterSpec spec = specs.stream().filter(s -> s.name().equals(register) || s.id.equals(register)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown register '" + register + "'; use one of "
                        + String.join(", ", specs.stream().map(RegisterSpec::name).toList())));
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        Database db = database.get();
        GridLocateService locate = new GridLocateService(new GridService(db), Clock.systemDefaultZone());
        RegisterImportService imports = new RegisterImportService(db, locate, new AuditLog(db));
        RegisterImportReport report;
        try {
            report = imports.importFile(spec, new RegisterImportService.Request(file, file.getFileName().toString(),
                    format == null ? null : RegisterFormat.parse(format), crs, Scope.all(),
                    Actor.system("cli:" + System.getProperty("user.name"))));
        } catch (IllegalArgumentException e) {
            err.println("import rejected: " + e.getMessage());
            return 2;
        }
        out.print(json ? Json.MAPPER.writeValueAsString(report) + "\n"
                : report.toText(RegisterFormat.parse(report.format()).rowWord()));
        out.flush();
        return report.committed() ? 0 : 2;
    }
}
