package cn.gridwatch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny real-HTTP client for tests against a started app on a random port. It sends the headers
 * it was made with (e.g. {@code Authorization}) on every request; {@link #with} and
 * {@link #anonymous} give copies with other credentials.
 */
public final class TestHttp {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final String base;
    private final Map<String, String> headers;

    public TestHttp(int port) {
        this("http://127.0.0.1:" + port, Map.of());
    }

    private TestHttp(String base, Map<String, String> headers) {
        this.base = base;
        this.headers = headers;
    }

    /** A copy that also sends {@code name: value} (replacing a header of that name). */
    public TestHttp with(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new TestHttp(base, h);
    }

    /** A copy that sends {@code Authorization: Bearer token}. */
    public TestHttp bearer(String token) {
        return anonymous().with("Authorization", "Bearer " + token);
    }

    /** A copy without any credentials. */
    public TestHttp anonymous() {
        return new TestHttp(base, Map.of());
    }

    /** Status, body and headers of a response. */
    public record Reply(int status, String body, String contentType, Map<String, List<String>> headers) {
        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("response is not JSON: " + body, e);
            }
        }

        /** The first value of a header (case-insensitive), or null. */
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    public Reply get(String pathAndQuery) {
        return send(request(pathAndQuery).GET());
    }

    public Reply post(String pathAndQuery, byte[] body, String contentType) {
        return send(request(pathAndQuery).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /**
     * As {@link #post}, with {@code Expect: 100-continue}: the body is sent only when the server asks
     * for it, so a request refused on its headers (413 on Content-Length) gets its answer instead of a
     * broken pipe while the client is still writing.
     */
    public Reply postExpectContinue(String pathAndQuery, byte[] body, String contentType) {
        return send(request(pathAndQuery).expectContinue(true).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Reply postJson(String pathAndQuery, String json) {
        return post(pathAndQuery, json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    public Reply patchJson(String pathAndQuery, String json) {
        return send(request(pathAndQuery).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public Reply delete(String pathAndQuery) {
        return send(request(pathAndQuery).DELETE());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery));
        headers.forEach(b::header);
        return b;
    }

    private static Reply send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().map());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
