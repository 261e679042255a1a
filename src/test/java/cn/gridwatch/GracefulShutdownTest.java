package cn.gridwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gridwatch.config.Config;
import cn.gridwatch.db.TestDatabase;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Stopping the server (what Ctrl-C / SIGTERM does through Main's shutdown hook) lets a request in
 * flight finish with 200, and refuses new connections. The request is a bulk locate whose body
 * the client is still sending when the stop begins.
 */
class GracefulShutdownTest {

    @Test
    @Timeout(60)
    void a_request_in_flight_when_the_server_stops_still_completes_and_new_connections_are_refused() throws Exception {
        try (TestDatabase.Fresh db = TestDatabase.fresh()) {
            Config cfg = Config.from(Map.of("GRIDWATCH_DB_URL", db.url(), "GRIDWATCH_DB_USER", TestDatabase.user(),
                    "GRIDWATCH_DB_PASSWORD", TestDatabase.password(), "GRIDWATCH_PORT", "0"));
            Services services = Wiring.services(db.db(), cfg, null);
            Javalin app = App.create(services, cfg.maxUploadMb()).start("127.0.0.1", 0);
            int port = app.port();
            String token = TestServer.adminToken(services);

            CountDownLatch halfSent = new CountDownLatch(1);
            CountDownLatch stopping = new CountDownLatch(1);
            InputStream slowBody = new SlowCsv(halfSent, stopping);
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/grids/locate/bulk"))
                    .header("Content-Type", "text/csv").header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> slowBody)).build();
            CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient()
                    .sendAsync(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(halfSent.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> stop = CompletableFuture.runAsync(app::stop);
            Thread.sleep(300); // the stop has begun: the connector no longer accepts
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
            stopping.countDown(); // now the client sends the rest of the body

            HttpResponse<String> r = inFlight.get(30, TimeUnit.SECONDS);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Gridwatch-Rows")).hasValue("2000");
            stop.get(30, TimeUnit.SECONDS);
            services.close();
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        }
    }

    /** 2,000 CSV rows; after the first half it waits until the test has begun stopping the server. */
    private static final class SlowCsv extends InputStream {
        private final byte[] data;
        private final CountDownLatch halfSent;
        private final CountDownLatch stopping;
        private int pos;

        SlowCsv(CountDownLatch halfSent, CountDownLatch stopping) {
            StringBuilder b = new StringBuilder("id,lon,lat\n");
            for (int i = 0; i < 2000; i++) {
                b.append(i).append(",112.5,27.5\n");
            }
            this.data = b.toString().getBytes(StandardCharsets.US_ASCII);
            this.halfSent = halfSent;
            this.stopping = stopping;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] buf, int off, int len) {
            if (pos >= data.length) {
                return -1;
            }
            int half = data.length / 2;
            if (pos >= half) {
                halfSent.countDown();
                try {
                    if (!stopping.await(20, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never stopped the server");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
            int n = Math.min(len, (pos < half ? half : data.length) - pos);
            System.arraycopy(data, pos, buf, off, n);
            pos += n;
            return n;
        }

        @Override
        public void close() throws IOException {
        }
    }
}
