package cn.gridwatch.routing.network;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.TestHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Garbage in on every road endpoint is a 4xx naming the problem, never a 500, and writes nothing. */
class RoadHttpBadInputTest {
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.server();
    private static TestHttp http;

    @BeforeAll
    static void start() throws IOException {
        http = server.http();
        assertThat(http.post("/api/roads/import?name=tiny", Files.readAllBytes(RoadFixture.tinyOsm()), "application/xml")
                .status()).isEqualTo(201);
    }

    private static void assertClientError(TestHttp.Reply r, String what) {
        assertThat(r.status()).as(what + ": " + r.body()).isBetween(400, 499);
        assertThat(r.json().get("detail").asText()).as(what).isNotBlank();
    }

    @Test
    void garbage_matrix_bodies_are_4xx() {
        List<String> bodies = List.of("", "null", "{}", "[]", "{\"points\": 3}", "[[\"a\", \"b\"]]", "[[1e400, 2]]",
                "[[null, null]]", "[[113, 28, 5]]", "[{\"lon\": 113}]", "{\"points\": [[113, 28]], \"crs\": \"EPSG:1\"}",
                "[[113, 28]", "[[-181, 0]]", "[[0, 91]]", "{\"points\": [[113, 28]]}xyz", "\"text\"");
        for (String b : bodies) {
            TestHttp.Reply r = http.postJson("/api/matrix", b);
            if (r.status() == 200) {
                continue; // e.g. a lenient parse that still means something: never a 500
            }
            assertClientError(r, b);
        }
    }

    @Test
    void garbage_route_parameters_are_4xx() {
        for (String q : List.of("", "?from=&to=", "?from=a,b&to=1,2", "?from=1,2,3&to=1,2", "?from=NaN,1&to=1,2",
                "?from=1,2&to=Infinity,1", "?from=1,95&to=1,2", "?from=113,28&to=113,28.001&crs=nonsense")) {
            assertClientError(http.get("/api/roads/route" + q), q);
        }
    }

    @Test
    void garbage_uploads_are_4xx_and_write_nothing() throws IOException {
        byte[] tiny = Files.readAllBytes(RoadFixture.tinyOsm());
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(tiny);
        }
        byte[] truncatedGz = Arrays.copyOf(gz.toByteArray(), gz.size() / 2);
        byte[] fakePbf = {0, 0, 0, 14, 0x0a, 9, 'O', 'S', 'M', 'H', 'e', 'a', 'd', 'e', 'r', 0x18, 0x7f, 1, 2};
        List<byte[]> bodies = List.of(new byte[0], "x".getBytes(StandardCharsets.UTF_8), truncatedGz, fakePbf,
                Arrays.copyOf(tiny, tiny.length / 2), "<osm><node id=\"x\" lat=\"1\" lon=\"2\"/></osm>".getBytes(
                        StandardCharsets.UTF_8), new byte[] {0x1f, (byte) 0x8b, 0, 0});
        int before = http.get("/api/roads/networks").json().get("total").asInt();
        for (int i = 0; i < bodies.size(); i++) {
            assertClientError(http.post("/api/roads/import?name=junk&filename=junk" + i + ".osm", bodies.get(i),
                    "application/octet-stream"), "upload " + i);
        }
        assertClientError(http.post("/api/roads/import?name=" + "n".repeat(65), tiny, "application/xml"), "long name");
        assertClientError(http.post("/api/roads/import?name=tiny&force=maybe", tiny, "application/xml"), "force");
        assertClientError(http.post("/api/roads/import?name=x", "--b\r\nno part".getBytes(StandardCharsets.UTF_8),
                "multipart/form-data; boundary=b"), "broken multipart");
        assertThat(http.get("/api/roads/networks").json().get("total").asInt()).isEqualTo(before);
    }
}
