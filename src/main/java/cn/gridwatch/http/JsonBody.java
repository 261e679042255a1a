package cn.gridwatch.http;

import cn.gridwatch.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads small JSON request bodies at the HTTP edge. Every failure is an
 * {@link IllegalArgumentException} naming the field and what was expected (a 400); unknown fields
 * are refused so a typo does not silently do nothing.
 */
public final class JsonBody {
    /** Bodies of sign-in and user requests are tiny; a bigger one is refused before parsing. */
    public static final int MAX_BYTES = 64 * 1024;
    private final JsonNode node;

    private JsonBody(JsonNode node) {
        this.node = node;
    }

    /** The body as a JSON object with only {@code allowed} fields, at most {@value #MAX_BYTES} bytes. */
    public static JsonBody of(Context ctx, Set<String> allowed) {
        JsonNode n;
        try (InputStream in = new BoundedInputStream(ctx.bodyInputStream(), MAX_BYTES + 1)) {
            byte[] body = in.readAllBytes();
            if (body.length > MAX_BYTES) {
                throw new HttpResponseException(413, "a JSON request body may have at most " + MAX_BYTES + " bytes",
                        java.util.Map.of());
            }
            n = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the request body must be a JSON object with fields " + allowed
                    + ", but it is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body", e);
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("the request body must be a JSON object with fields " + allowed);
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new IllegalArgumentException("unknown field '" + f + "'; the fields are " + allowed);
            }
        }
        return new JsonBody(n);
    }

    /** A string field, or null when absent or JSON null. */
    public String text(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' must be a string, but was: " + v);
        }
        return v.asText();
    }

    public String requiredText(String field) {
        String v = text(field);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("field '" + field + "' is required");
        }
        return v;
    }

    /** A boolean field, or null when absent. */
    public Boolean flag(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("field '" + field + "' must be true or false, but was: " + v);
        }
        return v.asBoolean();
    }

    /** A finite number field, or null when absent or JSON null. */
    public Double number(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new IllegalArgumentException("field '" + field + "' must be a number, but was: " + v);
        }
        return v.asDouble();
    }

    /** A whole-number field, or null when absent or JSON null. */
    public Long whole(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("field '" + field + "' must be a whole number, but was: " + v);
        }
        return v.asLong();
    }

    public boolean has(String field) {
        return node.has(field);
    }
}
