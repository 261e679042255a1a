package cn.gridwatch.grid.generate.registers;

import cn.gridwatch.grid.generate.GeneratedGrid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates the register files of a generated city (the demo 湘源市, or the benchmark register on the
 * same grid) with the column names of the shared import contract: {@code monitoring_points.csv},
 * {@code station_chiefs.csv}, {@code sources.csv}, {@code power_meters.csv}, {@code duties.csv},
 * {@code inspectors.csv}, {@code complaints.csv}, {@code patrols.csv} and, when the scale asks for
 * problems, {@code problems.csv}. Every point lies strictly inside a village of the grid (EPSG:4490,
 * lon/lat, 6 decimals); times are ISO 8601 in UTC+8. Deterministic: each file draws from its own
 * random stream derived from the seed and the file name, so the same seed gives byte-identical files.
 * Everything is fictional. Stateless and thread-safe.
 */
public final class RegisterGenerator {

    /** The tables in writing order. */
    public List<CsvTable> generate(GeneratedGrid grid, RegisterScale scale, long seed) {
        Places places = new Places(grid);
        CsvTable points = new CsvTable("monitoring_points.csv", StationMaker.HEADER);
        CsvTable chiefs = new CsvTable("station_chiefs.csv", StationMaker.CHIEF_HEADER);
        new StationMaker(places).make(scale.stations(), random(seed, "monitoring_points"), points, chiefs);

        CsvTable sourceTable = new CsvTable("sources.csv", SourceMaker.HEADER);
        List<GenSource> sources = new SourceMaker(places).make(scale.sources(), random(seed, "sources"), sourceTable);
        List<GenSource> active = sources.stream().filter(GenSource::active).toList();

        CsvTable meters = new CsvTable("power_meters.csv", MeterMaker.HEADER);
        MeterMaker.make(sources, scale.meterPairs(), random(seed, "power_meters"), meters);

        CsvTable duties = new CsvTable("duties.csv", PeopleMaker.DUTY_HEADER);
        Map<String, List<String>> officers = PeopleMaker.duties(grid, random(seed, "duties"), duties);
        CsvTable inspectors = new CsvTable("inspectors.csv", PeopleMaker.INSPECTOR_HEADER);
        PeopleMaker.inspectors(grid.counties(), scale.inspectorsPerCounty(), random(seed, "inspectors"), inspectors);

        CsvTable complaints = new CsvTable("complaints.csv", ComplaintMaker.HEADER);
        ComplaintMaker.make(places, active, scale, random(seed, "complaints"), complaints);
        CsvTable patrols = new CsvTable("patrols.csv", PatrolMaker.HEADER);
        PatrolMaker.make(places, active, officers, scale, random(seed, "patrols"), patrols);

        List<CsvTable> tables = new ArrayList<>(List.of(points, sourceTable, meters, duties, chiefs, inspectors,
                complaints, patrols));
        if (scale.problems() > 0) {
            CsvTable problems = new CsvTable("problems.csv", ProblemMaker.HEADER);
            ProblemMaker.make(places, active, officers, scale, random(seed, "problems"), problems);
            tables.add(problems);
        }
        return tables;
    }

    /** Writes every table into {@code dir}, creating it. */
    public static void write(List<CsvTable> tables, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (CsvTable t : tables) {
            t.write(dir);
        }
    }

    private static SplittableRandom random(long seed, String file) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + file.hashCode());
    }
}
