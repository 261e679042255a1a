package cn.gridwatch.register;

import cn.gridwatch.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Reads a GeoJSON FeatureCollection as register rows: the properties are the columns; a Point
 * geometry gives {@code lon} and {@code lat} (in whatever CRS the import declares, GeoJSON's own
 * WGS84 rule notwithstanding, because web data in GCJ-02 is common), any other geometry gives
 * {@code wkt}. A feature without geometry keeps the {@code lon}/{@code lat} properties it may have.
 * Numbers are written out exactly as in the file ({@code 113.0833}, never {@code 1.130833E2}). A
 * row's number is the feature's position, from 1. Stateless and thread-safe.
 */
final class GeoJsonTableReader {
    private GeoJsonTableReader() {
    }

    static RegisterTable read(Path file) throws IOException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("it is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())
                || !root.path("features").isArray()) {
            throw new IllegalArgumentException("expected a GeoJSON FeatureCollection with a 'features' array");
        }
        Set<String> header = new LinkedHashSet<>();
        List<SourceRow> rows = new ArrayList<>();
        int n = 0;
        for (JsonNode f : root.get("features")) {
            n++;
            Map<String, String> values = new LinkedHashMap<>();
            JsonNode props = f.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                values.put(e.getKey().trim().toLowerCase(Locale.ROOT), text(e.getValue()));
            }
            geometry(f.path("geometry"), values, n);
            header.addAll(values.keySet());
            rows.add(new SourceRow(n, values));
        }
        return new RegisterTable(RegisterFormat.GEOJSON, List.copyOf(header), rows);
    }

    private static void geometry(JsonNode g, Map<String, String> values, int feature) {
        if (g.isMissingNode() || g.isNull()) {
            return;
        }
        if ("Point".equals(g.path("type").asText())) {
            JsonNode c = g.path("coordinates");
            values.put("lon", c.size() > 0 ? text(c.get(0)) : null);
            values.put("lat", c.size() > 1 ? text(c.get(1)) : null);
            return;
        }
        try {
            Geometry geom = new GeoJsonReader().read(g.toString());
            values.put("wkt", geom.toText());
        } catch (ParseException | RuntimeException e) {
            // the row parser reports it against this feature
            values.put("wkt", "INVALID GeoJSON geometry: " + e.getMessage());
        }
    }

    private static String text(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isNumber()) {
            BigDecimal d = v.decimalValue();
            return v.isIntegralNumber() ? v.bigIntegerValue().toString() : d.toPlainString();
        }
        if (v.isValueNode()) {
            return RegisterFileReader.clean(v.asText());
        }
        return v.toString();
    }
}
