package cn.gridwatch.bench;

import cn.gridwatch.db.Database;
import cn.gridwatch.db.TestDatabase;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.GridService;
import cn.gridwatch.stats.PatrolRules;
import cn.gridwatch.stats.RankingMetric;
import cn.gridwatch.stats.StatsPeriod;
import cn.gridwatch.stats.StatsQuery;
import cn.gridwatch.stats.StatsService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * City-year statistics at benchmark scale (50,000 sources, 500 stations, 200,000 patrols, 20,000
 * problems; {@code generate --mode demo --scale bench}): optionally loads the registers
 * ({@link BenchRegisterLoader}), then runs each case {@code --runs} times (after 2 warm-ups) in-process
 * through {@link StatsService}, or over HTTP against a running server ({@code --http=BASE_URL}, token in
 * {@code GRIDWATCH_TOKEN}), and prints median, p95, min and max in ms with the 1-minute load average
 * before and after each case. In-process, it then measures the CPU time per call on one connection
 * without parallel workers (PostgreSQL backend from {@code /proc}, plus the calling thread): a figure
 * that other processes' load does not inflate. Asserts nothing about speed.
 *
 * <p>Options: {@code --dir=var/bench-city --runs=20 --load --http=http://127.0.0.1:PORT
 * --until=2026-11-22}. The database is {@code GRIDWATCH_DB_URL} (migrated here). See bench/README.md.
 */
public final class StatsBench {
    private StatsBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (String a : args) {
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("options look like --name=value or --flag, but got: " + a);
            }
            int eq = a.indexOf('=');
            opt.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "true" : a.substring(eq + 1));
        }
        int runs = Integer.parseInt(opt.getOrDefault("runs", "20"));
        LocalDate until = LocalDate.parse(opt.getOrDefault("until", "2026-11-22"));
        StatsPeriod year = new StatsPeriod(until.minusDays(365), until);
        if (opt.containsKey("http")) {
            http(opt.get("http"), System.getenv("GRIDWATCH_TOKEN"), year, runs);
            return;
        }
        try (Database db = Database.open(TestDatabase.baseUrl(), TestDatabase.user(), TestDatabase.password(), 4)) {
            db.migrate();
            if (opt.containsKey("load")) {
                Path dir = Path.of(opt.getOrDefault("dir", "var/bench-city"));
                if (!Files.isRegularFile(dir.resolve("registers/patrols.csv"))) {
                    throw new IllegalStateException(dir + "/registers is missing: run "
                            + "./gridwatch generate --mode demo --scale bench first");
                }
                if (BenchRegisterLoader.loaded(db)) {
                    System.out.println("registers already loaded; skipping the load");
                } else {
                    long t = System.nanoTime();
                    BenchRegisterLoader.load(db, dir);
                    System.out.printf(Locale.ROOT, "loaded in %.1f s%n", (System.nanoTime() - t) / 1e9);
                }
            }
            inProcess(new StatsService(db, new GridService(db), PatrolRules.DEFAULT, Clock.systemUTC()), year, runs,
                    null);
        }
        // CPU time per call, which the other helpers' load does not inflate: one connection, no parallel
        // workers, so the backend's CPU time (from /proc) plus this thread's is all the work of a call
        String serial = TestDatabase.baseUrl() + (TestDatabase.baseUrl().contains("?") ? "&" : "?")
                + "options=-c%20max_parallel_workers_per_gather%3D0";
        try (Database one = Database.open(serial, TestDatabase.user(), TestDatabase.password(), 1)) {
            long pid = one.withConnection("backend pid", c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("select pg_backend_pid()")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            inProcess(new StatsService(one, new GridService(one), PatrolRules.DEFAULT, Clock.systemUTC()), year,
                    runs, pid);
        }
    }

    /** @param backendPid the one backend's process id to measure CPU time, or null to measure wall time */
    private static void inProcess(StatsService stats, StatsPeriod year, int runs, Long backendPid) {
        Map<String, Supplier<Object>> cases = new LinkedHashMap<>();
        cases.put("stats county, whole city, year", () -> stats.stats(new StatsQuery(GridLevel.COUNTY, "432000", year)));
        cases.put("stats village (854 rows), year", () -> stats.stats(new StatsQuery(GridLevel.VILLAGE, "432000", year)));
        cases.put("ranking township by coverage (2 periods)", () -> stats.ranking(
                new StatsQuery(GridLevel.TOWNSHIP, "432000", year), RankingMetric.COVERAGE, false));
        cases.put("ranking village by overdue improvement", () -> stats.ranking(
                new StatsQuery(GridLevel.VILLAGE, "432000", year), RankingMetric.OVERDUE_RATE, true));
        if (backendPid == null) {
            System.out.println("in-process, " + runs + " runs each (after 2 warm-ups), period " + year.from() + " .. "
                    + year.to());
            cases.forEach((name, c) -> measure(name, runs, c::get));
            return;
        }
        System.out.println("CPU time per call (one connection, no parallel workers; JVM thread + PostgreSQL backend "
                + backendPid + "), mean of " + runs + " runs after 2 warm-ups");
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        cases.forEach((name, c) -> {
            for (int i = 0; i < 2; i++) {
                c.get();
            }
            long jvm0 = threads.getCurrentThreadCpuTime();
            long db0 = backendCpuMs(backendPid);
            long t0 = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                c.get();
            }
            double wall = (System.nanoTime() - t0) / 1e6 / runs;
            double jvm = (threads.getCurrentThreadCpuTime() - jvm0) / 1e6 / runs;
            double dbCpu = (backendCpuMs(backendPid) - db0) / (double) runs;
            System.out.printf(Locale.ROOT, "%-45s CPU %7.1f ms (PostgreSQL %7.1f + JVM %6.1f); wall %7.1f ms  load %s%n",
                    name, dbCpu + jvm, dbCpu, jvm, wall, load());
        });
    }

    /** utime + stime of a local process in ms (/proc/PID/stat fields 14 and 15, in 1/100 s). */
    private static long backendCpuMs(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read the CPU time of PostgreSQL backend " + pid
                    + " (the database must run on this machine)", e);
        }
    }

    private static void http(String base, String token, StatsPeriod year, int runs) {
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("set GRIDWATCH_TOKEN to an API token of the server at " + base);
        }
        HttpClient client = HttpClient.newHttpClient();
        String p = "from=" + year.from() + "&to=" + year.to();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("GET /api/stats county, year", "/api/stats?level=county&root=432000&" + p);
        cases.put("GET /api/stats village, year", "/api/stats?level=village&root=432000&" + p);
        cases.put("GET /api/stats village, year, CSV", "/api/stats?level=village&root=432000&format=csv&" + p);
        cases.put("GET /api/stats/rankings township coverage", "/api/stats/rankings?level=township&metric=coverage&" + p);
        cases.put("GET /api/stats/rankings village improvement", "/api/stats/rankings?level=village&metric="
                + "improvement&of=overdue_rate&" + p);
        cases.put("GET /api/grids/432002001/summary", "/api/grids/432002001/summary");
        System.out.println("HTTP " + base + ", " + runs + " runs each (after 2 warm-ups), sequential, period "
                + year.from() + " .. " + year.to());
        cases.forEach((name, path) -> measure(name, runs, () -> {
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token).GET().build();
            HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + new String(r.body(),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
            return r.body().length;
        }));
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static void measure(String name, int runs, Call call) {
        String loadBefore = load();
        List<Double> ms = new ArrayList<>();
        Object last = null;
        try {
            for (int i = 0; i < runs + 2; i++) {
                long t = System.nanoTime();
                last = call.run();
                if (i >= 2) {
                    ms.add((System.nanoTime() - t) / 1e6);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(name + " failed", e);
        }
        ms.sort(null);
        double median = ms.size() % 2 == 1 ? ms.get(ms.size() / 2)
                : (ms.get(ms.size() / 2 - 1) + ms.get(ms.size() / 2)) / 2;
        double p95 = ms.get((int) Math.ceil(0.95 * ms.size()) - 1);
        System.out.printf(Locale.ROOT, "%-45s median %7.1f ms  p95 %7.1f ms  min %7.1f  max %7.1f  load %s -> %s%s%n",
                name, median, p95, ms.get(0), ms.get(ms.size() - 1), loadBefore, load(),
                last instanceof Integer n ? "  (" + n + " bytes)" : "");
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
