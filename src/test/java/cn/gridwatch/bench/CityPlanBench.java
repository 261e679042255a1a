package cn.gridwatch.bench;

import cn.gridwatch.routing.GreatCircleMatrix;
import cn.gridwatch.routing.TravelMatrixProvider;
import cn.gridwatch.routing.plan.CrossRule;
import cn.gridwatch.routing.plan.DailyWindow;
import cn.gridwatch.routing.plan.PlanInput;
import cn.gridwatch.routing.plan.PlanResult;
import cn.gridwatch.routing.plan.PlanTarget;
import cn.gridwatch.routing.plan.RoutePlanner;
import cn.gridwatch.routing.plan.Team;
import cn.gridwatch.routing.solver.OrToolsSolver;
import cn.gridwatch.routing.solver.SolverOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * A city plan on the demo city (gis-data/counties.geojson, six counties, about 55 x 55 km): 300
 * targets spread uniformly over the city, 15 teams (two or three per county, three of them mixed
 * with a member from a neighbouring county and a local guide), 5 days of 08:30-17:30, inspections of
 * 60, 90 or 120 minutes, priorities 1-5, a fifth of the targets with a morning or afternoon window,
 * the own-county rule. Solved with the plan defaults ({@link SolverOptions#forPlans}: until the
 * improvement rate stalls, at most 2,000 solutions; reproducible), with time limits, and once
 * for {@code --long-seconds} (default 300) as the reference. Travel times: {@link #provider} (the
 * great-circle fallback, or with {@code --db=JDBC_URL} the demo road network as the server uses it).
 * Usage: {@code CityPlanBench [--seed=20250512] [--targets=300] [--teams=15] [--days=5] [--long-seconds=300]
 * [--limits=30,60] [--improvement=2.5] [--improvement-solutions=50] [--first=SAVINGS (the plan default)] [--db=jdbc:postgresql://127.0.0.1:55432/bench_plans]} ({@code --long-seconds=0 --limits=} runs the plan defaults only).
 */
public final class CityPlanBench {
    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4490);

    public static void main(String[] args) throws Exception {
        long seed = Long.parseLong(SolverBench.arg(args, "seed", "20250512"));
        int targets = Integer.parseInt(SolverBench.arg(args, "targets", "300"));
        int teams = Integer.parseInt(SolverBench.arg(args, "teams", "15"));
        int days = Integer.parseInt(SolverBench.arg(args, "days", "5"));
        long longSeconds = Long.parseLong(SolverBench.arg(args, "long-seconds", "300"));
        String[] limits = SolverBench.arg(args, "limits", "30,60").split(",");
        double rate = Double.parseDouble(SolverBench.arg(args, "improvement", "2.5"));
        int over = Integer.parseInt(SolverBench.arg(args, "improvement-solutions", "50"));
        String first = SolverBench.arg(args, "first", SolverOptions.forPlans(1, Duration.ofSeconds(1)).firstSolution());
        OrToolsSolver.loadNative();
        List<County> counties = counties(Path.of(SolverBench.arg(args, "grid", "gis-data/counties.geojson")));
        Random rnd = new Random(seed);
        List<PlanTarget> ts = targets(counties, targets, rnd);
        List<Team> tm = teams(counties, teams, rnd);
        String db = SolverBench.arg(args, "db", null);
        TravelMatrixProvider provider = db == null ? provider() : roads(db);
        System.out.printf(Locale.ROOT, "# city plan: %d targets, %d teams, %d days, seed %d, provider %s%n", targets,
                teams, days, seed, provider.getClass().getSimpleName());
        PlanResult reference = null;
        List<String[]> runs = new ArrayList<>();
        runs.add(new String[] {"plan defaults", null});
        for (String l : limits) {
            if (!l.isBlank()) {
                runs.add(new String[] {l + " s", l});
            }
        }
        if (longSeconds > 0) {
            runs.add(new String[] {longSeconds + " s (reference)", Long.toString(longSeconds)});
        }
        List<PlanResult> results = new ArrayList<>();
        for (String[] run : runs) {
            SolverOptions d = SolverOptions.forPlans(2000, Duration.ofSeconds(600));
            SolverOptions o = run[1] == null ? new SolverOptions(d.timeLimit(), d.solutionLimit(), 0, rate, over,
                    first, false)
                    : SolverOptions.timeLimited(Duration.ofSeconds(Long.parseLong(run[1]))).withFirstSolution(first);
            PlanInput in = new PlanInput("joint", "bench", CrossRule.COUNTY, tm, days(days), new DailyWindow(
                    LocalTime.of(8, 30), LocalTime.of(17, 30)), ts, 0, 1, o, null, null);
            String load = Load.now();
            PlanResult r = new RoutePlanner().plan(in, provider);
            results.add(r);
            print(run[0], r, load);
        }
        reference = results.get(results.size() - 1);
        System.out.println("# objective gap to the reference run");
        for (int i = 0; i < runs.size(); i++) {
            PlanResult r = results.get(i);
            System.out.printf(Locale.ROOT, "%-26s objective %,d  gap %+.2f%%%n", runs.get(i)[0], r.solver().objective(),
                    100.0 * (r.solver().objective() - reference.solver().objective()) / reference.solver().objective());
        }
    }

    private static void print(String name, PlanResult r, String load) {
        List<Long> spans = r.routes().stream()
                .map(d -> Duration.between(d.departure(), d.returnAt()).toSeconds()).sorted().toList();
        System.out.printf(Locale.ROOT, "%-26s matrix %s %4d ms (%d notes)  solve %6d ms  %5d solutions (%s)  served %d, unserved %d"
                        + " %s  team-days %d  travel %.1f h  distance %.0f km  day %.1f-%.1f h  (%s)%n",
                name, r.matrixMethod(), r.solver().matrixMillis(), r.notes().size(), r.solver().wallMillis(), r.solver().solutions(), r.solver().stopReason(),
                r.servedCount(), r.unserved().size(), reasons(r), r.routes().size(), r.totalTravelSeconds() / 3600.0,
                r.totalDistance() / 1000.0, spans.isEmpty() ? 0 : spans.get(0) / 3600.0,
                spans.isEmpty() ? 0 : spans.get(spans.size() - 1) / 3600.0, load);
    }

    private static String reasons(PlanResult r) {
        java.util.Map<String, Long> m = new java.util.TreeMap<>();
        r.unserved().forEach(u -> m.merge(u.reason(), 1L, Long::sum));
        return m.toString();
    }

    /** Travel times without a database: the great-circle fallback. */
    static TravelMatrixProvider provider() {
        return new GreatCircleMatrix();
    }

    /**
     * Travel times on the demo road network ({@code gis-data/roads.osm}, imported as network
     * {@code demo} into the database at {@code url} when it is not there yet), as the server uses them.
     */
    static TravelMatrixProvider roads(String url) {
        cn.gridwatch.db.Database db = cn.gridwatch.db.Database.open(url,
                System.getenv().getOrDefault("GRIDWATCH_DB_USER", "gridwatch"), "", 4);
        db.migrate();
        cn.gridwatch.routing.network.RoadImportService imports = new cn.gridwatch.routing.network.RoadImportService(db,
                new cn.gridwatch.security.AuditLog(db));
        if (imports.find("demo").isEmpty()) {
            imports.importFile(Path.of("gis-data/roads.osm"), "demo", "roads.osm", false,
                    cn.gridwatch.security.Actor.system("bench"));
        }
        return new cn.gridwatch.routing.network.RoadMatrixProvider(db);
    }

    record County(String code, Geometry shape) {
    }

    static List<County> counties(Path file) throws Exception {
        Geometry all = new GeoJsonReader(GF).read(Files.readString(file));
        com.fasterxml.jackson.databind.JsonNode json = cn.gridwatch.Json.MAPPER.readTree(file.toFile());
        List<County> out = new ArrayList<>();
        for (int i = 0; i < all.getNumGeometries(); i++) {
            out.add(new County(json.get("features").get(i).get("properties").get("code").asText(),
                    ((GeometryCollection) all).getGeometryN(i)));
        }
        return out;
    }

    static List<PlanTarget> targets(List<County> counties, int n, Random rnd) {
        Envelope env = new Envelope();
        counties.forEach(c -> env.expandToInclude(c.shape().getEnvelopeInternal()));
        List<PlanTarget> out = new ArrayList<>();
        while (out.size() < n) {
            Point p = GF.createPoint(new org.locationtech.jts.geom.Coordinate(
                    env.getMinX() + rnd.nextDouble() * env.getWidth(), env.getMinY() + rnd.nextDouble() * env.getHeight()));
            for (County c : counties) {
                if (c.shape().contains(p)) {
                    List<DailyWindow> w = switch (rnd.nextInt(10)) {
                        case 0 -> List.of(new DailyWindow(LocalTime.of(9, 0), LocalTime.of(12, 0)));
                        case 1 -> List.of(new DailyWindow(LocalTime.of(14, 0), LocalTime.of(17, 0)));
                        default -> List.of();
                    };
                    int k = out.size();
                    out.add(new PlanTarget("T" + k, "目标" + k, null, p.getX(), p.getY(), c.code(),
                            (60 + 30L * rnd.nextInt(3)) * 60, 1 + rnd.nextInt(5), w));
                    break;
                }
            }
        }
        return out;
    }

    static List<Team> teams(List<County> counties, int n, Random rnd) {
        List<Team> out = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            County home = counties.get(t % counties.size());
            List<Team.Member> members = new ArrayList<>();
            members.add(new Team.Member(null, "E" + t + "a", "执法" + t + "a", home.code(), "enforcement", null));
            members.add(new Team.Member(null, "E" + t + "b", "执法" + t + "b", home.code(), "monitoring", null));
            if (t % 5 == 4) { // a mixed team: one member from the next county and a guide from the one after
                County other = counties.get((t + 1) % counties.size());
                County guide = counties.get((t + 2) % counties.size());
                members.add(new Team.Member(null, "E" + t + "c", "执法" + t + "c", other.code(), "enforcement", null));
                members.add(new Team.Member(null, "G" + t, "向导" + t, guide.code(), "guide", null));
            }
            Point office = home.shape().getInteriorPoint();
            out.add(new Team(t, "第" + (t + 1) + "组", members, Team.homeCountiesOf(members), office.getX(),
                    office.getY(), office.getX(), office.getY()));
        }
        return out;
    }

    static List<LocalDate> days(int n) {
        List<LocalDate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(LocalDate.of(2025, 5, 12).plusDays(i));
        }
        return out;
    }
}
