package cn.gridwatch.grid.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes the GeoJSON and CSV readers with valid files mutated at the byte level and with random
 * text: every input ends, within a few seconds, in a normal result (features may carry geometry
 * errors) or an {@link IllegalArgumentException} saying what is wrong. Nothing else escapes.
 */
class SourceReaderFuzzTest {
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final String GEOJSON = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
            + "{\"name\":\"urn:ogc:def:crs:EPSG::4490\"}},\"features\":["
            + "{\"type\":\"Feature\",\"properties\":{\"code\":\"430102\",\"name\":\"芙蓉区\",\"n\":1.5,\"b\":true,"
            + "\"o\":{\"k\":[1,2]}},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[112,27],[113,27],[113,28],"
            + "[112,28],[112,27]],[[112.2,27.2],[112.4,27.2],[112.4,27.4],[112.2,27.2]]]}},"
            + "{\"type\":\"Feature\",\"properties\":{\"code\":\"430103\",\"name\":\"天心区\"},\"geometry\":"
            + "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[113,27],[114,27],[114,28],[113,27]]]]}}]}";
    private static final String CSV = "code,name,wkt\r\n430102,芙蓉区,\"POLYGON((112 27, 113 27, 113 28, 112 27))\"\r\n"
            + "430103,\"天心\"\"区\",\"SRID=4490;MULTIPOLYGON(((113 27, 114 27, 114 28, 113 27)),((0 0,1 0,1 1,0 0)))\"\n"
            + "\n430104,雨花区,\"POLYGON EMPTY\"\n";

    private static Path dir;

    @BeforeContainer
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("gridwatch-fuzz-");
    }

    @AfterContainer
    static void removeDir() throws IOException {
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    @Example
    void the_unmutated_seeds_read_cleanly() throws IOException {
        SourceData g = new GeoJsonSourceReader().read(write("seed.geojson", GEOJSON.getBytes(StandardCharsets.UTF_8)),
                SourceFormat.GEOJSON);
        assertThat(g.features()).hasSize(2).allSatisfy(f -> assertThat(f.geometryError()).isNull());
        assertThat(g.fileCrs()).isEqualTo("EPSG:4490");
        SourceData c = new CsvSourceReader().read(write("seed.csv", CSV.getBytes(StandardCharsets.UTF_8)),
                ReadOptions.defaults());
        assertThat(c.features()).hasSize(3);
        assertThat(c.features().get(1).properties().get("name")).isEqualTo("天心\"区");
    }

    @Example
    void a_truncated_geojson_is_an_illegal_argument_naming_the_place() throws IOException {
        // regression: Jackson's parse error escaped as UncheckedIOException, which HTTP answered with 500
        Path p = write("cut.geojson", GEOJSON.substring(0, 100).getBytes(StandardCharsets.UTF_8));
        try {
            new GeoJsonSourceReader().read(p, SourceFormat.GEOJSON);
            throw new AssertionError("a truncated file was read");
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).contains("GeoJSON").contains("line");
        }
    }

    @Property(tries = 300)
    void mutated_geojson_reads_or_is_refused(@ForAll("geojsonInputs") byte[] bytes) throws IOException {
        Path p = write("in.geojson", bytes);
        expectResultOrIllegalArgument(() -> new GeoJsonSourceReader().read(p, SourceFormat.GEOJSON));
    }

    @Property(tries = 300)
    void mutated_csv_reads_or_is_refused(@ForAll("csvInputs") byte[] bytes, @ForAll("charsets") Charset cs,
            @ForAll("wktColumns") String wktColumn) throws IOException {
        Path p = write("in.csv", bytes);
        expectResultOrIllegalArgument(() -> new CsvSourceReader().read(p, new ReadOptions(cs, null, wktColumn)));
    }

    private static void expectResultOrIllegalArgument(java.util.function.Supplier<SourceData> read) {
        assertTimeoutPreemptively(BOUND, () -> {
            try {
                SourceData d = read.get();
                assertThat(d.features()).allSatisfy(f -> {
                    assertThat(f.properties()).isNotNull();
                    assertThat(f.geometry() == null).isEqualTo(f.geometryError() != null);
                });
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        });
    }

    private static Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Provide
    Arbitrary<byte[]> geojsonInputs() {
        return inputs(GEOJSON, "{}[]\",:0123456789.-eE truefalsnul\\u");
    }

    @Provide
    Arbitrary<byte[]> csvInputs() {
        return inputs(CSV, "\",\r\n ;()POLYGNMUTIEOSRD=0123456789.-");
    }

    @Provide
    Arbitrary<Charset> charsets() {
        return Arbitraries.of(StandardCharsets.UTF_8, Charset.forName("GBK"), StandardCharsets.UTF_16LE);
    }

    @Provide
    Arbitrary<String> wktColumns() {
        return Arbitraries.of("wkt", "WKT ", "nope").injectNull(0.7);
    }

    /** The seed mutated 1-4 times, random text over the format's alphabet, or random bytes. */
    private static Arbitrary<byte[]> inputs(String seed, String alphabet) {
        byte[] s = seed.getBytes(StandardCharsets.UTF_8);
        Arbitrary<Function<byte[], byte[]>> mutation = Arbitraries.oneOf(
                Arbitraries.integers().between(0, s.length).flatMap(at -> Arbitraries.integers().between(1, 40)
                        .map(n -> (Function<byte[], byte[]>) b -> cut(b, at, n))),
                Arbitraries.integers().between(0, s.length).flatMap(at -> Arbitraries.strings().withChars(alphabet)
                        .ofMinLength(1).ofMaxLength(8).map(t -> (Function<byte[], byte[]>) b -> insert(b, at, t))),
                Arbitraries.integers().between(0, s.length).flatMap(at -> Arbitraries.bytes()
                        .map(v -> (Function<byte[], byte[]>) b -> flip(b, at, v))),
                Arbitraries.integers().between(0, s.length).map(at -> (Function<byte[], byte[]>) b -> truncate(b, at)));
        Arbitrary<byte[]> mutated = mutation.list().ofMinSize(1).ofMaxSize(4).map(ms -> {
            byte[] b = s.clone();
            for (Function<byte[], byte[]> m : ms) {
                b = m.apply(b);
            }
            return b;
        });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, mutated),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().withChars(alphabet).ofMaxLength(200)
                        .map(t -> t.getBytes(StandardCharsets.UTF_8))),
                net.jqwik.api.Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(200)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(List.of("", "{", "[]", "null", "\uFEFF", "{\"type\":{}}",
                        "{\"type\":\"Feature\"}", "{\"features\":{}}", "\"", "a\n\"b",
                        "[".repeat(5000), "{\"type\":\"FeatureCollection\",\"features\":[" + "[".repeat(3000) + "]}"))
                        .map(t -> t.getBytes(StandardCharsets.UTF_8))));
    }

    private static byte[] cut(byte[] b, int at, int n) {
        int from = Math.min(at, b.length);
        int to = Math.min(b.length, from + n);
        byte[] out = new byte[b.length - (to - from)];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(b, to, out, from, b.length - to);
        return out;
    }

    private static byte[] insert(byte[] b, int at, String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        int pos = Math.min(at, b.length);
        byte[] out = new byte[b.length + t.length];
        System.arraycopy(b, 0, out, 0, pos);
        System.arraycopy(t, 0, out, pos, t.length);
        System.arraycopy(b, pos, out, pos + t.length, b.length - pos);
        return out;
    }

    private static byte[] flip(byte[] b, int at, byte v) {
        if (b.length == 0) {
            return b;
        }
        byte[] out = b.clone();
        out[Math.min(at, b.length - 1)] = v;
        return out;
    }

    private static byte[] truncate(byte[] b, int at) {
        return java.util.Arrays.copyOf(b, Math.min(at, b.length));
    }
}
