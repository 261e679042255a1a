package cn.gridwatch.grid.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Reads a GeoJSON FeatureCollection (or a single Feature) with Jackson's streaming parser, one
 * feature tree at a time, so large files do not need a whole-document tree. Honours the legacy
 * {@code crs} member (GeoJSON 2008) wherever it appears at the top level. Features are numbered from
 * 1 in file order. Coordinates are kept as they are. Thread-safe (no shared mutable state).
 */
public final class GeoJsonSourceReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Reads {@code path}. Input that is not a GeoJSON FeatureCollection or Feature (not JSON, truncated,
     * binary, empty, another JSON document) fails with an {@link IllegalArgumentException} naming the
     * file, what is wrong and where; only a failure to read the file itself is an
     * {@link UncheckedIOException}.
     */
    public SourceData read(Path path, SourceFormat reportedAs) {
        String name = String.valueOf(path.getFileName());
        try (InputStream in = Files.newInputStream(path); JsonParser p = MAPPER.createParser(in)) {
            return read(p, reportedAs, name);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException(name + " is not valid GeoJSON: " + e.getOriginalMessage()
                    + (at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ")"), e);
        } catch (CharConversionException e) {
            throw new IllegalArgumentException(name + " is not valid GeoJSON: its bytes are not text in UTF-8, "
                    + "UTF-16 or UTF-32 (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading GeoJSON " + path + ": " + e.getMessage(), e);
        }
    }

    private SourceData read(JsonParser p, SourceFormat format, String name) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            throw new IllegalArgumentException(name + " is empty; expected a GeoJSON FeatureCollection");
        }
        if (first != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException(name + " is not a GeoJSON FeatureCollection or Feature: the document is "
                    + describe(first) + ", not an object");
        }
        GeometryFactory factory = new GeometryFactory();
        List<SourceFeature> features = new ArrayList<>();
        String crs = null;
        List<String> notes = new ArrayList<>();
        String type = null;
        ObjectNodeHolder self = new ObjectNodeHolder();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            if (field.equals("features") && t == JsonToken.START_ARRAY) {
                JsonToken next;
                while ((next = p.nextToken()) == JsonToken.START_OBJECT) {
                    JsonNode f = MAPPER.readTree(p);
                    features.add(feature(features.size() + 1, f, factory));
                }
                if (next != JsonToken.END_ARRAY) {
                    throw new IllegalArgumentException(name + " is not a valid GeoJSON FeatureCollection: feature "
                            + (features.size() + 1) + " is " + describe(next) + ", not an object");
                }
            } else if (field.equals("crs")) {
                JsonNode c = MAPPER.readTree(p);
                String crsName = c.path("properties").path("name").asText(null);
                crs = CrsNames.fromFileName(crsName);
                if (crs == null && crsName != null) {
                    notes.add("file declares CRS '" + crsName + "', which is not recognised");
                }
            } else if (field.equals("type")) {
                type = t.isScalarValue() ? p.getText() : describe(t);
                p.skipChildren();
            } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                self.put(field, MAPPER.readTree(p));
            }
        }
        if ("Feature".equals(type)) {
            features.add(feature(1, self.asFeature(), factory));
        } else if (!"FeatureCollection".equals(type)) {
            throw new IllegalArgumentException(name + " is not a GeoJSON FeatureCollection or Feature: "
                    + (type == null ? "it has no \"type\" member" : "its type is '" + type + "'"));
        }
        return new SourceData(format, features, crs, notes);
    }

    /** A JSON token as a reader would name it. */
    private static String describe(JsonToken t) {
        if (t == null) {
            return "missing (the document ends early)";
        }
        switch (t) {
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return t.asString() == null ? t.name() : "'" + t.asString() + "'";
        }
    }

    private static SourceFeature feature(int number, JsonNode f, GeometryFactory factory) {
        Map<String, Object> props = new LinkedHashMap<>();
        JsonNode pn = f.get("properties");
        if (pn != null && pn.isObject()) {
            pn.fields().forEachRemaining(e -> props.put(e.getKey(), value(e.getValue())));
        }
        try {
            Geometry g = GeoJsonGeometries.read(f.get("geometry"), factory);
            return new SourceFeature(number, props, g, null);
        } catch (IllegalArgumentException e) {
            return new SourceFeature(number, props, null, e.getMessage());
        }
    }

    private static Object value(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        return MAPPER.convertValue(v, Object.class);
    }

    /** Collects the members of a bare Feature document read in streaming order. */
    private static final class ObjectNodeHolder {
        private final ObjectNode node = MAPPER.createObjectNode();

        void put(String field, JsonNode value) {
            node.set(field, value);
        }

        JsonNode asFeature() {
            return node;
        }
    }
}
