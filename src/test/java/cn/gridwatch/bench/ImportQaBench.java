package cn.gridwatch.bench;

import cn.gridwatch.db.TestDatabase;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.generate.GeneratedGrid;
import cn.gridwatch.grid.generate.GeneratedGridWriter;
import cn.gridwatch.grid.generate.GridGenerator;
import cn.gridwatch.grid.generate.ProvincePlan;
import cn.gridwatch.grid.imports.GridImportService;
import cn.gridwatch.grid.imports.ImportReport;
import cn.gridwatch.grid.imports.ImportRequest;
import cn.gridwatch.grid.qa.GridQaService;
import cn.gridwatch.grid.qa.QaReport;
import cn.gridwatch.grid.qa.QaRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Import and QA at province scale: generates a Hunan-size province with the real generator
 * ({@link GridGenerator#province}, ~25,000 cells), writes it as GeoJSON, imports it level by level
 * without QA into a fresh database, runs the full QA report {@code --runs} times, then re-imports the
 * villages with QA (the "import of the 24,000 villages with QA"). Prints wall-clock times
 * per level and per QA phase; asserts nothing about speed.
 *
 * <p>Options: {@code --seed=20261122 --runs=3}. Needs {@code GRIDWATCH_DB_URL} (databases are
 * created and dropped on that server, as in the tests). See bench/IMPORT_QA.md.
 */
public final class ImportQaBench {
    private ImportQaBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("options look like --name=value, but got: " + a);
            }
            opt.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        long seed = Long.parseLong(opt.getOrDefault("seed", "" + GridGenerator.DEFAULT_SEED));
        int runs = Integer.parseInt(opt.getOrDefault("runs", "3"));

        long t0 = System.nanoTime();
        GeneratedGrid grid = new GridGenerator().province(seed, ProvincePlan.HUNAN_SIZE);
        System.out.printf(Locale.ROOT, "generated seed %d: %d cities, %d counties, %d townships, %d villages in %.1f s%n",
                seed, grid.cities().size(), grid.counties().size(), grid.townships().size(), grid.villages().size(),
                sec(System.nanoTime() - t0));
        Path dir = Files.createTempDirectory("gridwatch-import-qa-bench");
        try (TestDatabase.Fresh fresh = TestDatabase.fresh()) {
            new GeneratedGridWriter().write(grid, dir);
            GridQaService qa = new GridQaService(fresh.db());
            GridImportService imports = new GridImportService(fresh.db(), qa);
            for (GridLevel level : GridLevel.values()) {
                Path f = dir.resolve(GeneratedGridWriter.fileName(level));
                long s = System.nanoTime();
                ImportReport r = imports.importFile(ImportRequest.builder(f, level).crs("EPSG:4490").qa(false).build());
                System.out.printf(Locale.ROOT, "import %-8s %6d features, %d rejected: %6.1f s %s%n", level.id(),
                        r.features(), r.rejections().size(), sec(System.nanoTime() - s), r.timingsMs());
            }
            for (int i = 1; i <= runs; i++) {
                long s = System.nanoTime();
                QaReport report = qa.report(QaRequest.all());
                System.out.printf(Locale.ROOT, "QA run %d of %d cells: %.1f s, phases ms %s%n  findings %s%n", i,
                        report.cellCount(), sec(System.nanoTime() - s), report.timingsMs(), report.summary());
            }
            Path villages = dir.resolve(GeneratedGridWriter.fileName(GridLevel.VILLAGE));
            long s = System.nanoTime();
            ImportReport again = imports.importFile(ImportRequest.builder(villages, GridLevel.VILLAGE)
                    .crs("EPSG:4490").build());
            System.out.printf(Locale.ROOT, "re-import villages with QA: %.1f s %s (%d unchanged of %d)%n  QA phases ms %s%n",
                    sec(System.nanoTime() - s), again.timingsMs(), again.unchanged(), again.features(),
                    again.qa().timingsMs());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double sec(long nanos) {
        return nanos / 1e9;
    }
}
