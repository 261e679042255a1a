package cn.gridwatch.grid.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
     * Reads {@code path}; a broken document fails with an {@link IllegalArgumentException} naming the
     * parser's location (bad input, not an I/O failure).
     */
    public SourceData read(Path path, SourceFormat reportedAs) {
        try (InputStream in = Files.newInputStream(path); JsonParser p = MAPPER.createParser(in)) {
            return read(p, reportedAs);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException("the GeoJSON is not valid JSON" + (at == null ? "" : " at line "
                    + at.getLineNr() + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading GeoJSON " + path + ": " + e.getMessage(), e);
        }
    }

    private SourceData read(JsonParser p, SourceFormat format) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("GeoJSON must start with an object");
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
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    JsonNode f = MAPPER.readTree(p);
                    features.add(feature(features.size() + 1, f, factory));
                }
            } else if (field.equals("crs")) {
                JsonNode c = MAPPER.readTree(p);
                String name = c.path("properties").path("name").asText(null);
                crs = CrsNames.fromFileName(name);
                if (crs == null && name != null) {
                    // the note lands in the import log's jsonb, which refuses U+0000
                    notes.add("file declares CRS '" + name.replace('\u0000', '\uFFFD') + "', which is not recognised");
                }
            } else if (field.equals("type")) {
                type = p.getText();
            } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                self.put(field, MAPPER.readTree(p));
            }
        }
        if ("Feature".equals(type)) {
            features.add(feature(1, self.asFeature(), factory));
        } else if (!"FeatureCollection".equals(type)) {
            throw new IllegalArgumentException("GeoJSON type must be FeatureCollection or Feature, but was: " + type);
        }
        return new SourceData(format, features, crs, notes);
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
