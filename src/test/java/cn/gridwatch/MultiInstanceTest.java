package cn.gridwatch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.TestHttp.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two stateless gridwatch instances on one PostGIS give the same answers: an import through one
 * instance reaches the other's in-memory index through LISTEN/NOTIFY, and a boundary change keeps
 * the old version answerable by date on both.
 */
class MultiInstanceTest {
    @RegisterExtension
    final GridwatchServerExtension server = GridwatchServerExtension.server();

    @Test
    void an_import_through_one_instance_is_seen_by_the_other_and_history_stays_queryable() throws InterruptedException {
        TestServer a = server.testServer();
        TestServer b = server.otherInstance();
        String v1 = TestGrids.fc(
                TestGrids.feature("430102", "芙蓉区", TestGrids.box(112, 27, 113, 28)),
                TestGrids.feature("430103", "天心区", TestGrids.box(113, 27, 114, 28)));
        assertThat(upload(a, v1, "2023-01-01").status()).isEqualTo(201);
        assertThat(countyOn(b, 112.9, 27.5, null, "430102000000", 10_000)).isEqualTo("430102000000");

        // 2025: the boundary moves west; 112.9 now lies in 天心区
        String v2 = TestGrids.fc(
                TestGrids.feature("430102", "芙蓉区", TestGrids.box(112, 27, 112.8, 28)),
                TestGrids.feature("430103", "天心区", TestGrids.box(112.8, 27, 114, 28)));
        Reply r = upload(b, v2, "2025-01-01");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("replaced").asInt()).isEqualTo(2);
        assertThat(countyOn(a, 112.9, 27.5, null, "430103000000", 10_000)).isEqualTo("430103000000");
        assertThat(countyOn(a, 112.9, 27.5, "2024-06-01", "430102000000", 0)).isEqualTo("430102000000");
        assertThat(countyOn(b, 112.9, 27.5, "2024-06-01", "430102000000", 0)).isEqualTo("430102000000");

        JsonNode history = a.http().get("/api/grids/430102/history").json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("validTo").asText()).isEqualTo("2025-01-01");
        assertThat(history.get(1).get("validTo").isNull()).isTrue();
    }

    private static Reply upload(TestServer s, String body, String validFrom) {
        return s.http().post("/api/grids/import?level=county&crs=EPSG:4490&noQa=true&validFrom=" + validFrom
                + "&filename=c.geojson", body.getBytes(StandardCharsets.UTF_8), "application/geo+json");
    }

    /**
     * The county code at a point; polls up to {@code waitMs} for it to become {@code expected}, since
     * the other instance learns of an import asynchronously.
     */
    private static String countyOn(TestServer s, double lon, double lat, String date, String expected, long waitMs)
            throws InterruptedException {
        String q = "/api/grids/locate?lon=" + lon + "&lat=" + lat + (date == null ? "" : "&date=" + date);
        long deadline = System.currentTimeMillis() + waitMs;
        String now = code(s.http().get(q).json());
        while (!expected.equals(now) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            now = code(s.http().get(q).json());
        }
        return now;
    }

    private static String code(JsonNode locate) {
        JsonNode c = locate.get("levels").get(1).get("code");
        return c.isNull() ? null : c.asText();
    }
}
