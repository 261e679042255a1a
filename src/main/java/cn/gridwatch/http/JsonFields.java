package cn.gridwatch.http;

import cn.gridwatch.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads nested JSON request bodies (plans, draws) field by field. Every failure is an
 * {@link IllegalArgumentException} naming the field by its path ({@code targets[3].priority}) and the
 * bad value; unknown fields are refused so a typo does not silently do nothing. Immutable.
 */
public final class JsonFields {
    private final JsonNode node;
    private final String path;

    private JsonFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The body as a JSON object of at most {@code maxBytes} bytes (413 when bigger). */
    public static JsonFields read(InputStream body, int maxBytes) {
        byte[] bytes;
        try (InputStream in = new BoundedInputStream(body, maxBytes + 1L)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body", e);
        }
        if (bytes.length > maxBytes) {
            throw new HttpResponseException(413, "a JSON request body may have at most " + maxBytes + " bytes",
                    Map.of());
        }
        return parse(bytes);
    }

    /** A JSON object from bytes (files given to the command line, stored parameters). */
    public static JsonFields parse(byte[] bytes) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the request body is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON", e);
        }
        return of(n);
    }

    public static JsonFields of(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("the request body must be a JSON object");
        }
        return new JsonFields(n, "");
    }

    public JsonNode node() {
        return node;
    }

    /** The path of a field of this object, e.g. {@code targets[3].priority}. */
    public String path(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** Refuses fields not in {@code allowed}. */
    public JsonFields allow(Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new IllegalArgumentException("unknown field '" + path(f) + "'; the fields "
                        + (path.isEmpty() ? "" : "of '" + path + "' ") + "are " + new TreeSet<>(allowed));
            }
        }
        return this;
    }

    public boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    public String text(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw bad(field, "a string", v);
        }
        String s = v.asText().trim();
        return s.isEmpty() ? null : s;
    }

    public String requiredText(String field) {
        String s = text(field);
        if (s == null) {
            throw new IllegalArgumentException("field '" + path(field) + "' is required");
        }
        return s;
    }

    /** A whole number in {@code min..max}, or {@code dflt} when absent. */
    public int integer(String field, int min, int max, int dflt) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
            throw bad(field, "a whole number in " + min + ".." + max, v);
        }
        return v.asInt();
    }

    /** A whole number (JSON number or a string of digits, for values beyond JavaScript's 2^53), or null. */
    public Long longValue(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.asText().trim());
            } catch (NumberFormatException e) {
                throw bad(field, "a whole number", v);
            }
        }
        throw bad(field, "a whole number", v);
    }

    /** A finite decimal as written (no binary rounding), or null. */
    public BigDecimal decimal(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw bad(field, "a number", v);
        }
        if (v.isFloatingPointNumber() && !Double.isFinite(v.asDouble())) {
            throw bad(field, "a finite number", v);
        }
        return v.decimalValue();
    }

    public double requiredDouble(String field) {
        BigDecimal d = decimal(field);
        if (d == null) {
            throw new IllegalArgumentException("field '" + path(field) + "' is required");
        }
        return d.doubleValue();
    }

    public Boolean flag(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw bad(field, "true or false", v);
        }
        return v.asBoolean();
    }

    /** A nested object, or null when absent. */
    public JsonFields object(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw bad(field, "an object", v);
        }
        return new JsonFields(v, path(field));
    }

    /** An array of objects (empty when absent). */
    public List<JsonFields> objects(String field) {
        List<JsonFields> out = new ArrayList<>();
        JsonNode v = array(field);
        for (int i = 0; v != null && i < v.size(); i++) {
            JsonNode e = v.get(i);
            String p = path(field) + "[" + i + "]";
            if (!e.isObject()) {
                throw new IllegalArgumentException("'" + p + "' must be an object, but was: " + abbreviate(e));
            }
            out.add(new JsonFields(e, p));
        }
        return out;
    }

    /** An array of strings (empty when absent). */
    public List<String> texts(String field) {
        List<String> out = new ArrayList<>();
        JsonNode v = array(field);
        for (int i = 0; v != null && i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isTextual() || e.asText().isBlank()) {
                throw new IllegalArgumentException("'" + path(field) + "[" + i + "]' must be a non-empty string, "
                        + "but was: " + abbreviate(e));
            }
            out.add(e.asText().trim());
        }
        return out;
    }

    /** The fields of a nested object of numbers, in order, e.g. {@code rates: {"special": 1, ...}}. */
    public Map<String, BigDecimal> decimals(String field) {
        JsonFields o = object(field);
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        if (o != null) {
            for (Iterator<String> it = o.node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                out.put(f, o.decimal(f));
            }
        }
        return out;
    }

    private JsonNode array(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw bad(field, "an array", v);
        }
        return v;
    }

    private IllegalArgumentException bad(String field, String expected, JsonNode v) {
        return new IllegalArgumentException("field '" + path(field) + "' must be " + expected + ", but was: "
                + abbreviate(v));
    }

    private static String abbreviate(JsonNode v) {
        String s = v.toString();
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
