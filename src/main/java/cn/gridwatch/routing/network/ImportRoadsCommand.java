package cn.gridwatch.routing.network;

import cn.gridwatch.Json;
import cn.gridwatch.db.Database;
import cn.gridwatch.security.Actor;
import cn.gridwatch.security.AuditLog;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import-roads FILE --name NAME [--force] [--json]}: imports an OSM file (.osm, .osm.gz,
 * .osm.pbf) as a named road network, replacing the network of that name. Exit code 0 when imported
 * or unchanged, 2 when the file was refused (nothing written).
 */
@Command(name = "import-roads", mixinStandardHelpOptions = true,
        description = "Import an OpenStreetMap file (.osm, .osm.gz, .osm.pbf) as a routable road network.")
public final class ImportRoadsCommand implements Callable<Integer> {
    private final Supplier<Database> database;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the OSM file")
    Path file;

    @Option(names = "--name", required = true, description = "network name (replaces a network of that name)")
    String name;

    @Option(names = "--force", description = "import even when the same file was imported under this name")
    boolean force;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    public ImportRoadsCommand(Supplier<Database> database) {
        this.database = database;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RoadImportService.checkName(name);
        Database db = database.get();
        RoadImportReport r;
        try {
            r = new RoadImportService(db, new AuditLog(db)).importFile(file, name, String.valueOf(file.getFileName()),
                    force, Actor.system("cli:" + System.getProperty("user.name")));
        } catch (IllegalArgumentException e) {
            err.println("import-roads refused: " + e.getMessage());
            err.flush();
            return 2;
        }
        out.print(json ? Json.MAPPER.writeValueAsString(r) + "\n" : r.toText());
        out.flush();
        return 0;
    }
}
