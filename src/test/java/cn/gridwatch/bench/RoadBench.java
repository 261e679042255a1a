package cn.gridwatch.bench;

import cn.gridwatch.db.Database;
import cn.gridwatch.db.TestDatabase;
import cn.gridwatch.grid.generate.DemoRoads;
import cn.gridwatch.grid.generate.GeneratedGrid;
import cn.gridwatch.grid.generate.GridGenerator;
import cn.gridwatch.grid.generate.ProvincePlan;
import cn.gridwatch.routing.GreatCircleMatrix;
import cn.gridwatch.routing.TravelMatrix;
import cn.gridwatch.routing.network.RoadImportReport;
import cn.gridwatch.routing.network.RoadImportService;
import cn.gridwatch.routing.network.RoadMatrixProvider;
import cn.gridwatch.routing.network.graph.MemoryMatrix;
import cn.gridwatch.routing.network.graph.PgRoutingMatrix;
import cn.gridwatch.routing.network.graph.Snap;
import cn.gridwatch.security.Actor;
import cn.gridwatch.security.AuditLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Road benchmarks: import time of an OSM file (monaco.osm.gz, the demo roads.osm) and the time of
 * travel matrices (100 and 300 random points) with the in-memory engine, with pgRouting's
 * {@code pgr_withPoints} (same answers: mismatches are counted) and, for reference, with
 * {@code pgr_dijkstraCostMatrix} between the points' nearest vertices (seconds only, no distances).
 * Runs in a throwaway database on the server of {@code GRIDWATCH_DB_URL}. Prints load averages.
 *
 * <p>Options: {@code --runs=3 --sizes=100,300 --seed=42 --monaco=PATH --demo=gis-data/roads.osm
 * --pg-runs=1 --province} (the last adds a Hunan-sized generated road network). See bench/README.md.
 */
public final class RoadBench {
    private RoadBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            opt.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        int runs = Integer.parseInt(opt.getOrDefault("runs", "3"));
        int pgRuns = Integer.parseInt(opt.getOrDefault("pg-runs", "1"));
        long seed = Long.parseLong(opt.getOrDefault("seed", "42"));
        int[] sizes = Arrays.stream(opt.getOrDefault("sizes", "100,300").split(",")).mapToInt(Integer::parseInt).toArray();
        Path monaco = Path.of(opt.getOrDefault("monaco", "../shared/data/osm/monaco.osm.gz"));
        Path demo = Path.of(opt.getOrDefault("demo", "gis-data/roads.osm"));
        System.out.println("load average at start: " + load());
        try (TestDatabase.Fresh fresh = TestDatabase.fresh()) {
            Database db = fresh.db();
            RoadImportService imports = new RoadImportService(db, new AuditLog(db));
            importTimes(imports, monaco, "monaco", runs);
            importTimes(imports, demo, "demo", runs);
            Geometry city = new GeoJsonReader().read(Files.readString(Path.of("gis-data/city.geojson")))
                    .getGeometryN(0);
            Geometry monacoBox = new GeometryFactory().toGeometry(new Envelope(7.409, 7.437, 43.725, 43.750));
            for (int n : sizes) {
                matrices(db, "demo", randomPoints(city, n, seed), runs, pgRuns);
                matrices(db, "monaco", randomPoints(monacoBox, n, seed), runs, pgRuns);
            }
            if (opt.containsKey("province")) {
                province(db, imports, seed, sizes, runs, pgRuns);
            }
        }
        System.out.println("load average at end: " + load());
    }

    /**
     * A province-sized network (the demo generator's roads over the Hunan-sized generated province,
     * one network), matrices of points in its first city: does the cost follow the points or the network?
     */
    private static void province(Database db, RoadImportService imports, long seed, int[] sizes, int runs, int pgRuns)
            throws java.io.IOException {
        GeneratedGrid grid = new GridGenerator().province(GridGenerator.DEFAULT_SEED, ProvincePlan.HUNAN_SIZE);
        Path file = Files.createTempFile("province-roads-", ".osm");
        try {
            System.out.println("province roads: " + DemoRoads.write(grid, seed, file) + ", "
                    + Files.size(file) / (1024 * 1024) + " MiB");
            importTimes(imports, file, "province", 1);
            Geometry firstCity = grid.cities().get(0).geometry();
            for (int n : sizes) {
                matrices(db, "province", randomPoints(firstCity, n, seed), runs, pgRuns);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void importTimes(RoadImportService imports, Path file, String name, int runs) {
        long[] ms = new long[runs];
        RoadImportReport r = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            r = imports.importFile(file, name, file.getFileName().toString(), true, Actor.system("bench"));
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "import %-7s %s: %,d nodes, %,d ways -> %,d vertices, %,d edges; runs %s ms,"
                + " median %d ms (last run: read+build %d ms, write %d ms)%n", name, file.getFileName(), r.osmNodes(),
                r.osmWays(), r.vertices(), r.edges(), Arrays.toString(ms), ms[runs / 2], r.readMillis(), r.writeMillis());
    }

    private static List<Coordinate> randomPoints(Geometry area, int n, long seed) {
        GeometryFactory gf = new GeometryFactory();
        Envelope e = area.getEnvelopeInternal();
        SplittableRandom rnd = new SplittableRandom(seed + n);
        List<Coordinate> out = new ArrayList<>();
        while (out.size() < n) {
            Coordinate c = new Coordinate(e.getMinX() + rnd.nextDouble() * e.getWidth(),
                    e.getMinY() + rnd.nextDouble() * e.getHeight());
            if (area.contains(gf.createPoint(c))) {
                out.add(c);
            }
        }
        return out;
    }

    private static void matrices(Database db, String network, List<Coordinate> pts, int runs, int pgRuns) {
        RoadMatrixProvider memory = new RoadMatrixProvider(db, 1000, new MemoryMatrix(), new GreatCircleMatrix());
        long t0 = System.nanoTime();
        TravelMatrix cold = memory.matrix(pts);
        long coldMs = (System.nanoTime() - t0) / 1_000_000;
        long[] ms = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t1 = System.nanoTime();
            memory.matrix(pts);
            ms[i] = (System.nanoTime() - t1) / 1_000_000;
        }
        Arrays.sort(ms);
        long t2 = System.nanoTime();
        List<Snap> snaps = memory.snap(pts);
        long snapMs = (System.nanoTime() - t2) / 1_000_000;
        long onRoad = snaps.stream().filter(Snap::onRoad).count();
        RoadMatrixProvider pg = new RoadMatrixProvider(db, 1000, new PgRoutingMatrix(db), new GreatCircleMatrix());
        long[] pgMs = new long[pgRuns];
        TravelMatrix viaPg = null;
        for (int i = 0; i < pgRuns; i++) {
            long t3 = System.nanoTime();
            viaPg = pg.matrix(pts);
            pgMs[i] = (System.nanoTime() - t3) / 1_000_000;
        }
        Arrays.sort(pgMs);
        long mismatches = 0;
        for (int i = 0; i < pts.size(); i++) {
            for (int j = 0; j < pts.size(); j++) {
                boolean differ = cold.reachable(i, j) != viaPg.reachable(i, j) || cold.reachable(i, j)
                        && (Math.abs(cold.seconds()[i][j] - viaPg.seconds()[i][j]) > 1
                        || Math.abs(cold.meters()[i][j] - viaPg.meters()[i][j]) > 1);
                mismatches += differ ? 1 : 0;
            }
        }
        long costMatrixMs = costMatrix(db, snaps);
        System.out.printf(Locale.ROOT, "matrix %-7s %3d points (%d on a road, snapping %d ms): memory cold %d ms,"
                + " warm median %d ms %s; pgr_withPoints median %d ms %s (%d cells differ by > 1 s or 1 m);"
                + " pgr_dijkstraCostMatrix on nearest vertices %d ms (seconds only)%n", network, pts.size(), onRoad,
                snapMs, coldMs, ms[runs / 2], Arrays.toString(ms), pgMs[pgRuns / 2], Arrays.toString(pgMs), mismatches,
                costMatrixMs);
    }

    /** pgr_dijkstraCostMatrix between the nearest vertices of the snapped points of the first network. */
    private static long costMatrix(Database db, List<Snap> snaps) {
        Set<Long> vertices = new LinkedHashSet<>();
        long network = -1;
        for (Snap s : snaps) {
            if (!s.onRoad()) {
                continue;
            }
            network = network < 0 ? s.graph().networkId() : network;
            if (s.graph().networkId() == network) {
                vertices.add(db.withConnection("vertex", c -> nearerEnd(c, s)));
            }
        }
        long net = network;
        long t0 = System.nanoTime();
        db.withConnection("pgr_dijkstraCostMatrix", c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from pgr_dijkstraCostMatrix("
                    + "'select id, source, target, cost, reverse_cost from road_edge where network_id = " + net
                    + "', ?::bigint[])")) {
                ps.setArray(1, c.createArrayOf("bigint", vertices.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static long nearerEnd(java.sql.Connection c, Snap s) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select case when ? < 0.5 then source else target end from road_edge where network_id = ? and id = ?")) {
            ps.setDouble(1, s.fraction());
            ps.setLong(2, s.graph().networkId());
            ps.setLong(3, s.edge() + 1L);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String load() throws java.io.IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
