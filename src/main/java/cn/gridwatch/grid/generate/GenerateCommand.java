package cn.gridwatch.grid.generate;

import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.generate.registers.CsvTable;
import cn.gridwatch.grid.generate.registers.RegisterGenerator;
import cn.gridwatch.grid.generate.registers.RegisterScale;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code generate} command: writes a generated grid hierarchy as GeoJSON (see
 * {@link GeneratedGridWriter}). Modes: {@code demo} (the fictional city 湘源市, its register CSVs in
 * {@code registers/} ({@link RegisterGenerator}; {@code --scale bench} for the benchmark-size register)
 * and a README saying how it was made), {@code province} (a fictional province at Hunan scale, for benchmarks) and
 * {@link GeneratedGridWriter}). Modes: {@code demo} (the fictional city 湘源市, its road network as OSM
 * XML ({@link DemoRoads}) and a README saying how it was made), {@code province} (a fictional province at Hunan scale, for benchmarks) and
 * {@code counties} (townships and villages inside real counties read from {@code --counties}).
 * Standalone picocli command with no main; the launcher adds it as a subcommand. Not thread-safe
 * (one instance per invocation, as picocli does).
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a deterministic grid hierarchy (city, county, township, village) as GeoJSON.")
public final class GenerateCommand implements Callable<Integer> {
    /** What to generate. */
    public enum Mode { demo, province, counties }

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", description = "Output directory (default: gis-data; var/bench-city with --scale bench).")
    private Path out;

    @Option(names = "--scale", defaultValue = "demo", description = "Register data with mode demo: demo "
            + "(~1,500 sources, committed in gis-data/registers) or bench (50,000 sources, 200,000 patrols, 20,000 "
            + "problems; keep it out of git) (default: ${DEFAULT-VALUE}).")
    private String scale;

    @Option(names = "--registers", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Write the register CSVs into OUT/registers (mode demo; default: true).")
    private boolean registers;

    @Option(names = "--until", description = "First day after the generated register year (default: 2026-11-22).")
    private java.time.LocalDate until;

    @Option(names = "--seed", defaultValue = "20261122", description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--mode", defaultValue = "demo",
            description = "demo, province or counties (default: ${DEFAULT-VALUE}).")
    private Mode mode;

    @Option(names = "--counties", description = "GeoJSON file of real county polygons (mode counties).")
    private Path countiesFile;

    @Option(names = "--code-property", defaultValue = "district_adcode",
            description = "Property holding the 6-digit county code (default: ${DEFAULT-VALUE}).")
    private String codeProperty;

    @Option(names = "--name-property", defaultValue = "district_name",
            description = "Property holding the county name (default: ${DEFAULT-VALUE}).")
    private String nameProperty;

    @Option(names = "--code-prefix", defaultValue = "",
            description = "Only counties whose code starts with this, e.g. 4303 (mode counties).")
    private String codePrefix;

    @Option(names = "--townships-per-county", description = "Mean townships per county "
            + "(default: 16.3 province, 15 counties; the demo has a fixed design).")
    private Double townshipsPerCounty;

    @Option(names = "--villages-per-township", description = "Mean villages per township "
            + "(default: 12.6 province, 12 counties).")
    private Double villagesPerTownship;

    @Option(names = "--cities", defaultValue = "14", description = "Cities in province mode (default: ${DEFAULT-VALUE}).")
    private int cities;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        RegisterScale registerScale = RegisterScale.of(scale, until == null ? RegisterScale.DEFAULT_UNTIL : until);
        if (mode != Mode.demo && !scale.equals("demo")) {
            throw new ParameterException(spec.commandLine(), "--scale goes with --mode demo only");
        }
        if (out == null) {
            out = Path.of(registerScale.name().equals("bench") ? "var/bench-city" : "gis-data");
        }
        GridGenerator generator = new GridGenerator();
        GeneratedGrid grid;
        switch (mode) {
            case demo:
                grid = generator.demo(seed);
                break;
            case province:
                ProvincePlan full = ProvincePlan.HUNAN_SIZE;
                grid = generator.province(seed, new ProvincePlan(cities, full.countiesPerCity(),
                        orDefault(townshipsPerCounty, full.townshipsPerCounty()),
                        orDefault(villagesPerTownship, full.villagesPerTownship())));
                break;
            default:
                if (countiesFile == null) {
                    throw new ParameterException(spec.commandLine(), "--mode counties needs --counties FILE");
                }
                grid = generator.fromCounties(
                        new CountyReader(codeProperty, nameProperty).read(countiesFile, codePrefix), seed,
                        orDefault(townshipsPerCounty, 15.0), orDefault(villagesPerTownship, 12.0));
                break;
        }
        new GeneratedGridWriter().write(grid, out);
        List<CsvTable> tables = List.of();
        if (mode == Mode.demo && registers) {
            tables = new RegisterGenerator().generate(grid, registerScale, seed);
            RegisterGenerator.write(tables, out.resolve("registers"));
        }
        if (mode == Mode.demo && registerScale.name().equals("demo")) {
            Files.writeString(out.resolve("README.md"), DemoReadme.text(grid, seed, tables, registerScale),
                    StandardCharsets.UTF_8);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (mode == Mode.demo && registerScale.name().equals("demo")) {
            String roads = DemoRoads.write(grid, seed, out.resolve(DemoRoads.FILE));
            w.printf(Locale.ROOT, "%-9s %s -> %s%n", "roads", roads, out.resolve(DemoRoads.FILE));
        }
        for (GridLevel level : GridLevel.values()) {
            if (grid.level(level).isEmpty()) {
                continue;
            }
            w.printf(Locale.ROOT, "%-9s %6d -> %s%n", level.id(), grid.level(level).size(),
                    out.resolve(GeneratedGridWriter.fileName(level)));
        }
        for (CsvTable t : tables) {
            w.printf(Locale.ROOT, "%-9s %6d -> %s%n", "register", t.rows().size(),
                    out.resolve("registers").resolve(t.fileName()));
        }
        w.printf(Locale.ROOT, "generated in %.1f s%n", (System.nanoTime() - start) / 1e9);
        w.flush();
        return 0;
    }

    private static double orDefault(Double value, double fallback) {
        return value == null ? fallback : value;
    }
}
