package cn.gridwatch.grid;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Loads long SQL statements kept as classpath resources under {@code sql/}, cached. Thread-safe. */
public final class SqlResources {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private SqlResources() {
    }

    /** The text of {@code sql/<name>}, e.g. {@code load("grid/qa_overlaps.sql")}. */
    public static String load(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            try (InputStream in = SqlResources.class.getClassLoader().getResourceAsStream("sql/" + n)) {
                if (in == null) {
                    throw new IllegalStateException("SQL resource sql/" + n + " is missing from the classpath");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("reading SQL resource sql/" + n, e);
            }
        });
    }
}
