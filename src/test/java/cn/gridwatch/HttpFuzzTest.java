package cn.gridwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import cn.gridwatch.db.TestDatabase;
import cn.gridwatch.TestHttp.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random query strings, path codes and bodies against the real server and PostGIS: the answer is
 * never a 5xx (the database is healthy, so a 503 would mean bad input reached SQL), comes back
 * within {@link #BOUND}, and an error is the JSON error shape without stack traces or SQL text.
 */
class HttpFuzzTest {
    private static final Duration BOUND = Duration.ofSeconds(15);
    private static TestDatabase.Fresh db;
    private static TestServer server;
    private static TestHttp http;

    @BeforeContainer
    static void start() {
        db = TestDatabase.fresh();
        server = new TestServer(db);
        http = server.http();
        String counties = TestGrids.fc(
                TestGrids.feature("430102", "芙蓉区", TestGrids.box(112, 27, 113, 28)),
                TestGrids.feature("430103", "天心区", TestGrids.box(113, 27, 114, 28)));
        Reply r = send("POST", "/api/grids/import?level=county&crs=EPSG:4490&validFrom=2024-01-01&noQa=true"
                + "&filename=c.geojson", counties.getBytes(StandardCharsets.UTF_8), "application/geo+json");
        assertThat(r.status()).isEqualTo(201);
    }

    @AfterContainer
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Example
    void a_broken_multipart_upload_is_400() {
        // regression: Jetty's "bad multipart" came through as a ServletException and was answered 500
        assertBadInput(send("POST", "/api/grids/import?level=county", "--xyz\r\nnot a part".getBytes(StandardCharsets.UTF_8),
                "multipart/form-data; boundary=xyz"), 400);
        assertBadInput(send("POST", "/api/grids/import?level=county", new byte[0], "multipart/form-data"), 400);
    }

    @Example
    void a_very_long_upload_file_name_is_not_a_500() {
        // regression: a 400-character ?filename= failed creating the temporary file ("File name too long"): 500
        String gj = TestGrids.fc(TestGrids.feature("430102", "芙蓉区", TestGrids.box(112, 27, 113, 28)));
        Reply r = send("POST", "/api/grids/import?level=county&crs=EPSG:4490&noQa=true&dryRun=true&filename="
                + "9".repeat(400) + ".geojson", gj.getBytes(StandardCharsets.UTF_8), "application/geo+json");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertBadInput(send("POST", "/api/grids/import?level=county&filename=" + "9".repeat(400),
                gj.getBytes(StandardCharsets.UTF_8), "application/geo+json"), 400);
    }

    @Example
    void a_date_beyond_what_postgresql_stores_is_400() {
        assertBadInput(send("GET", "/api/grids/locate?lon=112.5&lat=27.5&date=%2B999999999-12-31", null, null), 400);
        assertBadInput(send("GET", "/api/grids?date=%2B10000-01-01", null, null), 400);
    }

    @Example
    void a_name_or_code_with_a_nul_character_is_a_rejected_feature() {
        // PostgreSQL text cannot hold U+0000; it must be refused as bad input, not fail in SQL as a 503
        String gj = TestGrids.fc(TestGrids.feature("430102001", "名\\u0000字", TestGrids.box(112, 27, 112.5, 27.5)));
        Reply r = send("POST", "/api/grids/import?level=township&crs=EPSG:4490&noQa=true&filename=t.geojson",
                gj.getBytes(StandardCharsets.UTF_8), "application/geo+json");
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("name");
        String park = TestGrids.fc(TestGrids.feature("P\\u00001", "园区", TestGrids.box(112, 27, 112.5, 27.5)));
        Reply p = send("POST", "/api/grids/import?level=township&kind=park&crs=EPSG:4490&noQa=true&filename=p.geojson",
                park.getBytes(StandardCharsets.UTF_8), "application/geo+json");
        assertThat(p.status()).as(p.body()).isEqualTo(422);
        assertThat(p.body()).contains("code");
        String crs = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"x\\u0000\"}},"
                + "\"features\":[" + TestGrids.feature("430102009", "乙", TestGrids.box(112, 27, 112.5, 27.5)) + "]}";
        Reply c = send("POST", "/api/grids/import?level=township&crs=EPSG:4490&noQa=true&filename=c.geojson",
                crs.getBytes(StandardCharsets.UTF_8), "application/geo+json");
        assertThat(c.status()).as(c.body()).isEqualTo(201);
    }

    @Property(tries = 150)
    void locate_never_fails_with_5xx(@ForAll("locateQueries") String query) {
        check(send("GET", "/api/grids/locate" + query, null, null));
    }

    @Property(tries = 100)
    void list_never_fails_with_5xx(@ForAll("listQueries") String query) {
        check(send("GET", "/api/grids" + query, null, null));
    }

    @Property(tries = 100)
    void detail_and_history_never_fail_with_5xx(@ForAll("values") String code, @ForAll boolean history,
            @ForAll("dateValues") String date) {
        String path = "/api/grids/" + enc(code) + (history ? "/history" : "") + (date == null ? "" : "?date=" + enc(date));
        check(send("GET", path, null, null));
    }

    @Property(tries = 80)
    void bulk_locate_never_fails_with_5xx(@ForAll("bulkQueries") String query, @ForAll("bulkBodies") byte[] body,
            @ForAll("contentTypes") String contentType) {
        check(send("POST", "/api/grids/locate/bulk" + query, body, contentType));
    }

    @Property(tries = 60)
    void import_never_fails_with_5xx(@ForAll("importQueries") String query, @ForAll("importBodies") byte[] body,
            @ForAll("contentTypes") String contentType) {
        check(send("POST", "/api/grids/import" + query, body, contentType));
    }

    // ---------------------------------------------------------------- checks

    private static void check(Reply r) {
        assertThat(r.status()).as("status of a fuzzed request, body: %s", r.body()).isLessThan(500);
        if (r.status() == 422 && r.body().startsWith("{\"status\":\"REJECTED\"")) {
            // a refused import answers with its report: every rejected feature and the reason
            assertThat(r.body()).contains("\"rejections\":[{").contains("\"reason\":")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        } else if (r.status() >= 400) {
            assertBadInput(r, r.status());
        }
    }

    private static void assertBadInput(Reply r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        if (r.body().startsWith("<html>")) {
            // Jetty's own page for a request line it cannot parse (control characters, broken UTF-8 in the
            // path): a 4xx before the app sees the request
            assertThat(r.body()).contains("/badMessage");
        } else {
            assertThat(r.body()).contains("\"detail\"");
        }
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContainIgnoringCase("select ")
                .doesNotContain("ERROR:");
    }

    /** Sends through {@link TestHttp} (so it follows whatever the test server needs), bounded in time. */
    static Reply send(String method, String pathAndQuery, byte[] body, String contentType) {
        return assertTimeoutPreemptively(BOUND, () -> {
            try {
                return sendOnce(method, pathAndQuery, body, contentType);
            } catch (AssertionError e) {
                // Jetty closes the connection after a malformed request; a POST the client then puts on that
                // pooled connection is not retried by java.net.http, so retry once on a fresh one
                if (e.getCause() == null || !String.valueOf(e.getCause().getMessage()).contains("received no bytes")) {
                    throw e;
                }
                return sendOnce(method, pathAndQuery, body, contentType);
            }
        }, () -> method + " " + pathAndQuery + " got no answer within " + BOUND);
    }

    private static Reply sendOnce(String method, String pathAndQuery, byte[] body, String contentType) {
        return method.equals("GET") ? http.get(pathAndQuery)
                : http.post(pathAndQuery, body, contentType == null ? "application/octet-stream" : contentType);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.strings().withChars("0123456789.-+eE,:x ").ofMaxLength(20),
                Arbitraries.of("", " ", "\u0000", "430102", "430102001", "430102000000", "000000", "NaN", "Infinity",
                        "1e309", "-0", "0x1p3", "'; drop table grid_cell; --", "%", "%00", "..", "\\", "１２３",
                        "9".repeat(400), "+999999999-12-31", "2024-02-30"));
    }

    @Provide
    Arbitrary<String> dateValues() {
        return Arbitraries.oneOf(values(), Arbitraries.of("2024-06-01", "2099-01-01", "0001-01-01", "9999-12-31"))
                .injectNull(0.5);
    }

    private Arbitrary<String> numbers() {
        return Arbitraries.oneOf(values(), Arbitraries.doubles().between(-1e8, 1e8).map(String::valueOf),
                Arbitraries.doubles().between(111, 115).map(String::valueOf),
                Arbitraries.doubles().between(26, 29).map(String::valueOf));
    }

    private Arbitrary<String> query(Map<String, Arbitrary<String>> params) {
        List<Arbitrary<String>> parts = params.entrySet().stream()
                .map(e -> e.getValue().injectNull(0.4).map(v -> v == null ? "" : e.getKey() + "=" + enc(v)))
                .toList();
        return Combinators.combine(parts).as(ps -> {
            StringJoiner j = new StringJoiner("&", "?", "");
            ps.stream().filter(p -> !p.isEmpty()).forEach(j::add);
            return j.toString();
        });
    }

    @Provide
    Arbitrary<String> locateQueries() {
        return query(Map.of("lon", numbers(), "lat", numbers(), "crs", crs(), "date", dateValues()));
    }

    @Provide
    Arbitrary<String> listQueries() {
        return query(Map.of("level", Arbitraries.oneOf(values(), Arbitraries.of("city", "county", "village", "4")),
                "parent", values(), "kind", Arbitraries.oneOf(values(), Arbitraries.of("admin", "park", "key")),
                "date", dateValues(), "bbox", Arbitraries.oneOf(values(), bbox()),
                "limit", Arbitraries.oneOf(values(), Arbitraries.integers().map(String::valueOf)),
                "offset", Arbitraries.oneOf(values(), Arbitraries.integers().map(String::valueOf)),
                "geometry", Arbitraries.oneOf(values(), Arbitraries.of("true", "false"))));
    }

    @Provide
    Arbitrary<String> bulkQueries() {
        return query(Map.of("crs", crs(), "date", dateValues(),
                "format", Arbitraries.oneOf(values(), Arbitraries.of("csv", "geojson", "GeoJSON")),
                "lonColumn", Arbitraries.oneOf(values(), Arbitraries.of("lon", "x")),
                "latColumn", Arbitraries.oneOf(values(), Arbitraries.of("lat", "y"))));
    }

    @Provide
    Arbitrary<String> importQueries() {
        return query(Map.of("level", Arbitraries.oneOf(values(), Arbitraries.of("county", "village")),
                "crs", crs(), "kind", Arbitraries.oneOf(values(), Arbitraries.of("admin", "park", "key")),
                "validFrom", dateValues(),
                "format", Arbitraries.oneOf(values(), Arbitraries.of("geojson", "csv", "gpkg", "shapefile")),
                "filename", Arbitraries.oneOf(values(), Arbitraries.of("a.geojson", "a.csv", "a.zip", "a.gpkg",
                        "../../etc/passwd", "a")),
                "encoding", Arbitraries.oneOf(values(), Arbitraries.of("GBK", "UTF-8", "x-nope")),
                "codeField", values(), "noQa", Arbitraries.of("true"),
                "dryRun", Arbitraries.oneOf(values(), Arbitraries.of("true", "false"))));
    }

    private Arbitrary<String> crs() {
        return Arbitraries.oneOf(values(), Arbitraries.of("EPSG:4490", "EPSG:3857", "EPSG:4547", "GCJ-02", "BD-09",
                "CRS:84", "EPSG:1234"));
    }

    private Arbitrary<String> bbox() {
        Arbitrary<Double> d = Arbitraries.doubles().between(-200, 200);
        return Combinators.combine(d, d, d, d).as((a, b, c, e) -> a + "," + b + "," + c + "," + e);
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("text/csv", "application/geo+json", "application/json", "application/octet-stream",
                "multipart/form-data", "multipart/form-data; boundary=xyz", "text/plain; charset=GBK").injectNull(0.2);
    }

    @Provide
    Arbitrary<byte[]> bulkBodies() {
        String csv = "id,lon,lat\n1,112.5,27.5\n2,113.5,27.5\n3,abc,1\n";
        String gj = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[112.5,27.5]}},3,null,{\"geometry\":{}}]}";
        return bodies(csv, gj);
    }

    @Provide
    Arbitrary<byte[]> importBodies() {
        String gj = TestGrids.fc(TestGrids.feature("430102001", "定王台街道", TestGrids.box(112, 27, 112.5, 27.5)),
                TestGrids.feature("430102002", "名\\u0000字", TestGrids.box(112.5, 27, 113, 27.5)));
        String csv = "code,name,wkt\n430102001001,甲,\"POLYGON((112 27,112.1 27,112.1 27.1,112 27))\"\n";
        return bodies(gj, csv);
    }

    private static Arbitrary<byte[]> bodies(String a, String b) {
        Arbitrary<String> seed = Arbitraries.of(a, b);
        Arbitrary<String> mutated = Combinators.combine(seed, Arbitraries.integers().between(0, 300),
                Arbitraries.integers().between(0, 30), Arbitraries.strings().all().ofMaxLength(6))
                .as((s, at, n, ins) -> {
                    int from = Math.min(at, s.length());
                    int to = Math.min(s.length(), from + n);
                    return s.substring(0, from) + ins + s.substring(to);
                });
        return Arbitraries.frequencyOf(
                Tuple.of(2, seed.map(s -> s.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(5, mutated.map(s -> s.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)),
                Tuple.of(1, Arbitraries.of(new byte[0], "PK\u0003\u0004junk".getBytes(StandardCharsets.ISO_8859_1),
                        "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.geojson\"\r\n\r\n{}\r\n--xyz--\r\n"
                                .getBytes(StandardCharsets.UTF_8))));
    }
}
