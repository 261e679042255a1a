package cn.gridwatch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.TestHttp.Reply;
import cn.gridwatch.db.TestDatabase;
import cn.gridwatch.db.ThrowawayPostgres;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away and comes back while requests run, on a cluster this test owns: requests
 * that need the database meanwhile get a 503 JSON error (never a 500, never SQL text), the server
 * answers 200 again by itself, and a second instance's LISTEN connection reconnects, so an import
 * after the restart still reaches its in-memory index.
 */
class DatabaseRestartTest {
    private static final String[] PATHS = {"/api/grids?level=county", "/api/grids/locate?lon=112.5&lat=27.5",
        "/health", "/api/grids/430102"};

    @Test
    void requests_during_a_restart_get_503_json_and_the_server_recovers_by_itself() throws Exception {
        try (ThrowawayPostgres pg = ThrowawayPostgres.start()) {
            TestDatabase.Fresh db = pg.fresh("gw_restart", 8);
            TestServer a = new TestServer(db);
            TestServer b = new TestServer(db);
            try {
                assertThat(upload(a, "430102", "芙蓉区", 112).status()).isEqualTo(201);

                Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
                List<String> unexpected = new CopyOnWriteArrayList<>();
                AtomicBoolean running = new AtomicBoolean(true);
                List<Thread> clients = new java.util.ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    int offset = t;
                    Thread th = new Thread(() -> {
                        for (int i = offset; running.get(); i++) {
                            Reply r = a.http().get(PATHS[i % PATHS.length]);
                            statuses.computeIfAbsent(r.status(), s -> new AtomicInteger()).incrementAndGet();
                            if (r.status() != 200 && !isCleanUnavailable(r)) {
                                unexpected.add(r.status() + " " + r.body());
                            }
                        }
                    });
                    th.start();
                    clients.add(th);
                }
                Thread.sleep(1000);
                long down = System.nanoTime();
                pg.stop();
                Thread.sleep(1500); // an outage long enough for requests to meet it
                pg.startAgain();
                long up = System.nanoTime();
                long recovered = -1;
                while (System.nanoTime() - up < 30_000_000_000L) {
                    if (a.http().get("/api/grids?level=county").status() == 200) {
                        recovered = System.nanoTime();
                        break;
                    }
                    Thread.sleep(100);
                }
                Thread.sleep(500);
                running.set(false);
                for (Thread th : clients) {
                    th.join(20_000);
                }
                System.out.printf("database restart: outage %d ms, list answered 200 again %d ms after the restart;"
                        + " statuses %s%n", (up - down) / 1_000_000, recovered < 0 ? -1 : (recovered - up) / 1_000_000,
                        statuses);
                assertThat(unexpected).as("answers other than 200 or a clean 503").isEmpty();
                assertThat(recovered).as("the server answers 200 again within 30 s").isPositive();
                assertThat(statuses).doesNotContainKey(500);

                // the other instance's listener reconnected: an import through a reaches b's index
                assertThat(upload(a, "430103", "天心区", 113).status()).isEqualTo(201);
                assertThat(waitForCounty(b, 113.5, "430103000000", 20_000)).isEqualTo("430103000000");
            } finally {
                a.close();
                b.close();
                db.db().close();
            }
        }
    }

    private static boolean isCleanUnavailable(Reply r) {
        return r.status() == 503 && r.body().contains("\"Service unavailable\"") && !r.body().contains("Exception")
                && !r.body().contains("ERROR") && !r.body().toLowerCase().contains("select");
    }

    private static Reply upload(TestServer s, String code, String name, double x) {
        String body = TestGrids.fc(TestGrids.feature(code, name, TestGrids.box(x, 27, x + 1, 28)));
        return s.http().post("/api/grids/import?level=county&crs=EPSG:4490&noQa=true&validFrom=2024-01-01"
                + "&filename=c.geojson", body.getBytes(StandardCharsets.UTF_8), "application/geo+json");
    }

    private static String waitForCounty(TestServer s, double lon, String expected, long waitMs)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + waitMs;
        String now = null;
        while (System.currentTimeMillis() < deadline) {
            var c = s.http().get("/api/grids/locate?lon=" + lon + "&lat=27.5").json().get("levels").get(1).get("code");
            now = c.isNull() ? null : c.asText();
            if (expected.equals(now)) {
                break;
            }
            Thread.sleep(100);
        }
        return now;
    }
}
