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
     * Sends only the headers of a POST that declares a body of {@code declaredLength} bytes and reads
     * the answer without ever writing the body: for requests the server must refuse on their headers
     * (413 on Content-Length). Writing a large body races the early answer (broken pipe), and the
     * JDK 17 client hangs on {@code Expect: 100-continue} refusals. Raw HTTP/1.1 over a socket.
     */
    public Reply postHeadersOnly(String pathAndQuery, long declaredLength, String contentType) {
        URI uri = URI.create(base + pathAndQuery);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(20_000);
            StringBuilder req = new StringBuilder("POST " + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " HTTP/1.1\r\n");
            req.append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
            headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
            req.append("Content-Type: ").append(contentType).append("\r\n");
            req.append("Content-Length: ").append(declaredLength).append("\r\n\r\n");
            socket.getOutputStream().write(req.toString().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            java.io.DataInputStream in = new java.io.DataInputStream(
                    new java.io.BufferedInputStream(socket.getInputStream()));
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, List<String>> hs = new LinkedHashMap<>();
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                int colon = h.indexOf(':');
                hs.computeIfAbsent(h.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
                        k -> new java.util.ArrayList<>()).add(h.substring(colon + 1).trim());
            }
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            if (hs.containsKey("content-length")) {
                byte[] b = new byte[Integer.parseInt(hs.get("content-length").get(0))];
                in.readFully(b);
                body.write(b);
            } else {
                for (int n = Integer.parseInt(line(in).trim(), 16); n > 0; n = Integer.parseInt(line(in).trim(), 16)) {
                    byte[] b = new byte[n];
                    in.readFully(b);
                    body.write(b);
                    line(in);
                }
            }
            String ct = hs.getOrDefault("content-type", List.of("")).get(0);
            return new Reply(status, body.toString(StandardCharsets.UTF_8), ct, hs);
        } catch (IOException e) {
            throw new AssertionError("request failed: " + uri, e);
        }
    }

    private static String line(java.io.DataInputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
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
