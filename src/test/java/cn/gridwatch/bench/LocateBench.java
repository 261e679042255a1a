package cn.gridwatch.bench;

import cn.gridwatch.grid.GridCell;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.generate.GridGenerator;
import cn.gridwatch.grid.locate.GridIndex;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.geom.Envelope;

/**
 * Benchmark of {@link GridIndex} against a PostGIS spatial join and a plain STRtree loop: assigns
 * uniformly random points in the province extent to all four levels and prints points/s.
 * In-process figures are the median of {@code --runs} runs after two warm-up runs.
 *
 * <p>Options: {@code --points=1000000 --runs=5 --seed=42 (points) --grid-seed=20261122 --buckets-per-cell=256
 * --baseline-points=200000 --sql-points=<points> --sql-runs=1 --subdivide=64 --sql-only --plain-join --densify=<metres> --db=<jdbc url>} (or env {@code GRIDWATCH_DB_URL};
 * without either the PostGIS part is skipped). See bench/README.md.
 */
public final class LocateBench {
    private LocateBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        int points = Integer.parseInt(opt.getOrDefault("points", "1000000"));
        int runs = Integer.parseInt(opt.getOrDefault("runs", "5"));
        long seed = Long.parseLong(opt.getOrDefault("seed", "42"));
        long gridSeed = Long.parseLong(opt.getOrDefault("grid-seed", "" + GridGenerator.DEFAULT_SEED));
        int bucketsPerCell = Integer.parseInt(opt.getOrDefault("buckets-per-cell", "" + GridIndex.DEFAULT_BUCKETS_PER_CELL));
        int baselinePoints = Math.min(points, Integer.parseInt(opt.getOrDefault("baseline-points", "200000")));
        int sqlPoints = Math.min(points, Integer.parseInt(opt.getOrDefault("sql-points", "" + points)));
        int sqlRuns = Integer.parseInt(opt.getOrDefault("sql-runs", "1"));
        int subdivide = Integer.parseInt(opt.getOrDefault("subdivide", "64"));
        boolean sqlOnly = opt.containsKey("sql-only");
        boolean planChoice = opt.containsKey("plain-join");
        String db = opt.getOrDefault("db", System.getenv("GRIDWATCH_DB_URL"));

        GridSource source = new GeneratedProvince(gridSeed);
        if (opt.containsKey("densify")) {
            source = new DensifiedSource(source, Double.parseDouble(opt.get("densify")));
        }
        System.out.println("grid: " + source.describe());
        long t0 = System.nanoTime();
        List<GridCell> cells = source.cells();
        System.out.printf(Locale.ROOT, "generated %d cells in %.1f s; %s%n", cells.size(), sec(System.nanoTime() - t0),
                vertexStats(cells));

        long[] builds = new long[3];
        GridIndex index = null;
        for (int i = 0; i < builds.length; i++) {
            long b0 = System.nanoTime();
            index = GridIndex.of(cells, bucketsPerCell);
            builds[i] = System.nanoTime() - b0;
        }
        System.out.printf(Locale.ROOT, "index build: first %.2f s, then %.2f s, %.2f s (%d cores)%n", sec(builds[0]),
                sec(builds[1]), sec(builds[2]), Runtime.getRuntime().availableProcessors());
        System.out.println("index: " + index.describe());

        Envelope extent = new Envelope();
        cells.forEach(c -> extent.expandToInclude(c.geometry().getEnvelopeInternal()));
        double[] lon = new double[points];
        double[] lat = new double[points];
        Random random = new Random(seed + 1);
        for (int i = 0; i < points; i++) {
            lon[i] = extent.getMinX() + random.nextDouble() * extent.getWidth();
            lat[i] = extent.getMinY() + random.nextDouble() * extent.getHeight();
        }
        int[] out = new int[points * GridIndex.LEVELS];
        GridIndex idx = index;
        int timedRuns = sqlOnly ? 1 : runs; // --sql-only: answers for the cross-check, no serious timing
        double[] cpu = new double[1];
        double single = pointsPerSecond(points, timedRuns, () -> idx.locateAll(lon, lat, 0, points, out), cpu);
        double parallel = pointsPerSecond(points, timedRuns, () -> idx.locateAllParallel(lon, lat, out), null);
        System.out.printf(Locale.ROOT, "GridIndex, %d points x 4 levels: single thread %,.0f points/s (%,.0f per CPU second),"
                + " all cores %,.0f points/s%n", points, single, cpu[0], parallel);

        if (!sqlOnly) {
            StrTreeBaseline baseline = new StrTreeBaseline(cells);
            double plain = pointsPerSecond(baselinePoints, Math.max(1, runs / 2), () -> {
                for (int i = 0; i < baselinePoints; i++) {
                    baseline.locate(lon[i], lat[i]);
                }
            }, null);
            int plainMismatches = 0;
            for (int i = 0; i < Math.min(baselinePoints, 20000); i++) {
                plainMismatches += Arrays.equals(baseline.locate(lon[i], lat[i]), codes(idx, out, i)) ? 0 : 1;
            }
            System.out.printf(Locale.ROOT, "plain STRtree + PreparedGeometry loop, single thread: %,.0f points/s "
                    + "(%d mismatches against GridIndex on %d points)%n", plain, plainMismatches, Math.min(baselinePoints, 20000));
        }

        if (db == null || db.isBlank()) {
            System.out.println("PostGIS: skipped (no --db and no GRIDWATCH_DB_URL)");
            return;
        }
        try (Connection connection = DriverManager.getConnection(db)) {
            PostgisJoin sql = new PostgisJoin(connection);
            long l0 = System.nanoTime();
            sql.loadCells(cells, subdivide);
            sql.loadPoints(lon, lat, sqlPoints);
            System.out.printf(Locale.ROOT, "PostGIS: loaded %d cells (%d pieces after ST_Subdivide(geom, %d)) and %d points"
                    + " in %.1f s%n", sql.count(PostgisJoin.Cells.WHOLE), sql.count(PostgisJoin.Cells.SUBDIVIDED), subdivide,
                    sqlPoints, sec(System.nanoTime() - l0));
            double best = 0;
            // whole cells: the plain join (the planner drives it from the points, slow; --plain-join) and
            // the cell-driven form; subdivided cells: the plain join, which the planner already drives
            // from the cells, serial and with two workers
            Object[][] configs = {
                {PostgisJoin.Cells.WHOLE, false, 0}, {PostgisJoin.Cells.WHOLE, true, 0},
                {PostgisJoin.Cells.SUBDIVIDED, false, 0}, {PostgisJoin.Cells.SUBDIVIDED, false, 2}};
            for (Object[] run : planChoice ? configs : Arrays.copyOfRange(configs, 1, configs.length)) {
                PostgisJoin.Cells variant = (PostgisJoin.Cells) run[0];
                boolean cellDriven = (Boolean) run[1];
                int workers = (Integer) run[2];
                sql.parallel(workers);
                String what = String.format(Locale.ROOT, "PostGIS %s join on %s, %d parallel workers",
                        cellDriven ? "cell-driven" : "plain", variant.table, workers);
                System.out.print(what + ", plan:\n" + sql.explain(variant, cellDriven));
                double[] rates = new double[sqlRuns];
                for (int r = 0; r < sqlRuns; r++) {
                    rates[r] = sqlPoints / sec(sql.join(variant, cellDriven));
                }
                Arrays.sort(rates);
                double rate = rates[(sqlRuns - 1) / 2];
                best = Math.max(best, rate);
                int mismatches = mismatches(sql.results(sqlPoints), idx, out, lon, lat);
                System.out.printf(Locale.ROOT, "%s, %d points x 4 levels: %,.0f points/s (median of %s); %d mismatches%n",
                        what, sqlPoints, rate, rateList(rates), mismatches);
            }
            System.out.printf(Locale.ROOT, "ratio GridIndex/best PostGIS join (%,.0f points/s): single thread %.1fx,"
                    + " all cores %.1fx%n", best, single / best, parallel / best);
        }
    }

    private static int mismatches(String[][] fromSql, GridIndex idx, int[] out, double[] lon, double[] lat) {
        int mismatches = 0;
        for (int i = 0; i < fromSql.length; i++) {
            String[] mine = codes(idx, out, i);
            if (!Arrays.equals(mine, fromSql[i]) && mismatches++ < 10) {
                System.out.printf(Locale.ROOT, "  mismatch POINT(%s %s): GridIndex %s, PostGIS %s%n", lon[i], lat[i],
                        Arrays.toString(mine), Arrays.toString(fromSql[i]));
            }
        }
        return mismatches;
    }

    private static String rateList(double[] rates) {
        StringBuilder sb = new StringBuilder();
        for (double r : rates) {
            sb.append(sb.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%,.0f", r));
        }
        return sb.toString();
    }

    /**
     * Median points per wall-clock second of {@code runs} runs after two warm-ups. When {@code cpu} is
     * given (single-threaded work only), {@code cpu[0]} receives the median points per second of this
     * thread's CPU time, which time slices lost to other processes on a loaded machine do not distort.
     */
    private static double pointsPerSecond(int points, int runs, Runnable work, double[] cpu) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 2; i++) {
            work.run();
        }
        double[] rates = new double[runs];
        double[] cpuRates = new double[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            work.run();
            rates[i] = points / sec(System.nanoTime() - t0);
            cpuRates[i] = points / sec(threads.getCurrentThreadCpuTime() - c0);
        }
        Arrays.sort(rates);
        Arrays.sort(cpuRates);
        if (cpu != null) {
            cpu[0] = cpuRates[runs / 2];
        }
        return rates[runs / 2];
    }

    private static String[] codes(GridIndex index, int[] out, int i) {
        String[] codes = new String[GridIndex.LEVELS];
        for (GridLevel level : GridLevel.values()) {
            int c = out[i * GridIndex.LEVELS + level.rank() - 1];
            codes[level.rank() - 1] = c < 0 ? null : index.cell(level, c).code();
        }
        return codes;
    }

    private static String vertexStats(List<GridCell> cells) {
        StringBuilder sb = new StringBuilder("vertices per cell (mean, min..max):");
        for (GridLevel level : GridLevel.values()) {
            int[] v = cells.stream().filter(c -> c.level() == level).mapToInt(c -> c.geometry().getNumPoints()).toArray();
            sb.append(String.format(Locale.ROOT, " %s %.0f (%d..%d)", level.id(), Arrays.stream(v).average().orElse(0),
                    Arrays.stream(v).min().orElse(0), Arrays.stream(v).max().orElse(0)));
        }
        return sb.toString();
    }

    private static double sec(long nanos) {
        return nanos / 1e9;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> map = new HashMap<>();
        for (String a : args) {
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("options look like --points=1000000, but got: " + a);
            }
            int eq = a.indexOf('=');
            map.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "true" : a.substring(eq + 1));
        }
        return map;
    }
}
