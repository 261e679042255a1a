package cn.gridwatch.bench;

import cn.gridwatch.TestHttp;
import cn.gridwatch.TestServer;
import cn.gridwatch.db.TestDatabase;
import cn.gridwatch.dispatch.DispatchRequest;
import cn.gridwatch.dispatch.DispatchResult;
import cn.gridwatch.feeds.IngestReport;
import cn.gridwatch.grid.GridKind;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.imports.GridImportService;
import cn.gridwatch.grid.imports.ImportRequest;
import cn.gridwatch.grid.qa.GridQaService;
import cn.gridwatch.security.Actor;
import cn.gridwatch.security.Role;
import cn.gridwatch.security.Scope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Problem lists and station dispatch at city scale, on the demo city (湘源市, 2,190 km², 854
 * villages) in a fresh database: {@code --sources=50000} sources, {@code --stations=500} air
 * stations, {@code --problems=20000} problems over a year (15 % found, 15 % assigned, 20 %
 * rectifying, 10 % verified, 35 % closed, 5 % closed without fix; deadline 15 days after found).
 * Measures, over real HTTP with a token, the latency of {@code GET /api/problems} for several filter
 * shapes ({@code --requests=300} each after 50 warm-up), problem creation over HTTP, then ingests 24
 * hourly readings per station (PM2.5 lognormal around 55 µg/m³, so about a quarter exceed 75; random
 * wind) and times two dispatch runs over the day. Prints figures and the load average; asserts
 * nothing. Needs {@code GRIDWATCH_DB_URL}. See bench/README.md "Problems and dispatch".
 */
public final class ProblemWorkBench {
    private static final double[] DEMO_BOX = {112.741563, 27.437209, 113.301633, 27.937055};
    private static final Instant DAY = Instant.parse("2025-01-05T16:00:00Z"); // 2025-01-06 00:00 +08:00

    private ProblemWorkBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (String a : args) {
            opt.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        int sources = Integer.parseInt(opt.getOrDefault("sources", "50000"));
        int stations = Integer.parseInt(opt.getOrDefault("stations", "500"));
        int problems = Integer.parseInt(opt.getOrDefault("problems", "20000"));
        int requests = Integer.parseInt(opt.getOrDefault("requests", "300"));
        long seed = Long.parseLong(opt.getOrDefault("seed", "42"));
        Path demo = Path.of(opt.getOrDefault("data", "gis-data"));
        System.out.println("load average at start: " + load());
        try (TestDatabase.Fresh fresh = TestDatabase.fresh()) {
            GridImportService imports = new GridImportService(fresh.db(), new GridQaService(fresh.db()));
            for (String[] f : new String[][] {{"city", "city"}, {"counties", "county"}, {"townships", "township"},
                    {"villages", "village"}}) {
                imports.importFile(ImportRequest.builder(demo.resolve(f[0] + ".geojson"), GridLevel.parse(f[1]))
                        .kind(GridKind.ADMIN).crs("EPSG:4490").qa(false).build());
            }
            try (TestServer server = new TestServer(fresh)) {
                CityRegisters data = new CityRegisters(fresh.db(), server.services().locate().snapshot().index(), seed,
                        DEMO_BOX);
                long t = System.nanoTime();
                data.sources(sources);
                List<String> stationCodes = data.stations(stations);
                data.duties();
                data.problems(problems, Instant.now());
                data.analyze();
                System.out.printf(Locale.ROOT, "data: %d sources, %d stations, %d problems in %d villages: %.1f s%n",
                        sources, stations, problems, data.villages.size(), (System.nanoTime() - t) / 1e9);
                lists(server, data, requests, new Random(seed));
                creates(server.http(), 200);
                dispatch(server, stationCodes, new Random(seed));
            }
        }
        System.out.println("load average at end: " + load());
    }

    private static void lists(TestServer server, CityRegisters data, int n, Random random) {
        TestHttp admin = server.http();
        List<String> counties = new ArrayList<>(data.counties);
        List<String> townships = new ArrayList<>(data.townships);
        TestHttp county = server.userWithToken("bench-county", Role.COUNTY_OFFICER, counties.get(0));
        time("grid=<county>&status=assigned,rectifying", n, i -> admin.get("/api/problems?grid="
                + counties.get(random.nextInt(counties.size())) + "&status=assigned,rectifying"));
        time("overdue=true (whole city)", n, i -> admin.get("/api/problems?overdue=true"));
        time("grid=<township>&overdue=true", n, i -> admin.get("/api/problems?grid="
                + townships.get(random.nextInt(townships.size())) + "&overdue=true"));
        time("county officer: status=found", n, i -> county.get("/api/problems?status=found"));
        time("no filter, newest 50", n, i -> admin.get("/api/problems"));
        time("no filter, offset 10000", n, i -> admin.get("/api/problems?offset=10000"));
    }

    private static void time(String what, int n, IntFunction<TestHttp.Reply> call) {
        for (int i = 0; i < 50; i++) {
            call.apply(i);
        }
        double[] ms = new double[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            TestHttp.Reply r = call.apply(i);
            ms[i] = (System.nanoTime() - s) / 1e6;
            if (r.status() != 200) {
                throw new IllegalStateException(what + " answered " + r.status() + ": " + r.body());
            }
            total += r.json().get("total").asLong();
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "GET /api/problems %-42s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms"
                + "  (mean total %d)%n", what, pct(ms, 50), pct(ms, 95), pct(ms, 99), ms[n - 1], total / n);
    }

    private static void creates(TestHttp http, int n) {
        double[] ms = new double[n];
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            double lon = DEMO_BOX[0] + 0.2 + (i % 20) * 0.01;
            double lat = DEMO_BOX[1] + 0.2 + (i / 20) * 0.01;
            long s = System.nanoTime();
            TestHttp.Reply r = http.postJson("/api/problems", "{\"title\":\"bench\",\"lon\":" + lon + ",\"lat\":" + lat + "}");
            ms[i] = (System.nanoTime() - s) / 1e6;
            if (r.status() != 201) {
                throw new IllegalStateException("create answered " + r.status() + ": " + r.body());
            }
        }
        double sec = (System.nanoTime() - t) / 1e9;
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "POST /api/problems x%d sequential: %.0f/s, p50 %.1f ms, p95 %.1f ms%n", n,
                n / sec, pct(ms, 50), pct(ms, 95));
    }

    private static void dispatch(TestServer server, List<String> stations, Random random) {
        StringBuilder csv = new StringBuilder("station_code,at,pm25,pm10,o3,no2,so2,co,aqi,wind_from_deg,wind_speed\n");
        for (String s : stations) {
            for (int h = 0; h < 24; h++) {
                double pm25 = Math.round(Math.exp(Math.log(55) + 0.45 * random.nextGaussian()));
                csv.append(s).append(',').append(DAY.plus(Duration.ofHours(h))).append(',').append(pm25).append(',')
                        .append(Math.round(pm25 * 1.5)).append(",60,35,12,0.9,").append(Math.round(pm25 * 1.3))
                        .append(',').append(random.nextInt(360)).append(',')
                        .append(Math.round((0.3 + random.nextDouble() * 4.7) * 10) / 10.0).append('\n');
            }
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        for (int pass = 1; pass <= 2; pass++) {
            long t = System.nanoTime();
            IngestReport r = server.services().stationReadings().ingest(body, "csv", Scope.all(), Actor.system("bench"));
            System.out.printf(Locale.ROOT, "ingest %d station readings (pass %d): %.2f s, inserted %d, unchanged %d%n",
                    r.rows(), pass, (System.nanoTime() - t) / 1e9, r.inserted(), r.unchanged());
        }
        var settings = server.services().dispatch().settings();
        DispatchRequest req = new DispatchRequest(DAY, DAY.plus(Duration.ofHours(24)), null, settings.thresholds(),
                settings.radiusM(), settings.maxSources());
        for (int pass = 1; pass <= 2; pass++) {
            long t = System.nanoTime();
            DispatchResult r = server.services().dispatch().run(req, Scope.all(), Actor.system("bench"));
            double sec = (System.nanoTime() - t) / 1e9;
            double meanInRadius = r.exceedances().stream().mapToInt(DispatchResult.Exceedance::sourcesInRadius)
                    .average().orElse(0);
            System.out.printf(Locale.ROOT, "dispatch run %d over %d readings: %.2f s, %d exceedances, mean %.0f sources"
                    + " in 3 km, tasks created %d, existing %d%n", pass, r.readings(), sec, r.exceedances().size(),
                    meanInRadius, r.tasksCreated(), r.tasksExisting());
        }
    }

    private static double pct(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
