package cn.gridwatch.routing.network;

import cn.gridwatch.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;

/**
 * The body of {@code POST /api/matrix}: {@code {"points": [[lon, lat], ...], "crs": "GCJ-02"}},
 * points also as {@code {"lon": .., "lat": ..}} objects, or the bare array. The crs in the body wins
 * over the query parameter; the default is EPSG:4490. Errors name the point. Immutable.
 */
record MatrixRequest(List<Coordinate> points) {

    static MatrixRequest parse(String body, String queryCrs, int maxPoints) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body == null || body.isBlank() ? "null" : body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the matrix request is not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode pts = root != null && root.isObject() ? root.get("points") : root;
        String crs = root != null && root.isObject() && root.hasNonNull("crs") ? root.get("crs").asText() : queryCrs;
        if (pts == null || !pts.isArray()) {
            throw new IllegalArgumentException("the matrix request needs \"points\": a list of [lon, lat] pairs or"
                    + " {\"lon\", \"lat\"} objects");
        }
        if (pts.size() < 1 || pts.size() > maxPoints) {
            throw new IllegalArgumentException("\"points\" must hold 1 to " + maxPoints + " points, but has " + pts.size());
        }
        List<Coordinate> out = new ArrayList<>(pts.size());
        for (int i = 0; i < pts.size(); i++) {
            JsonNode p = pts.get(i);
            JsonNode x = p.isArray() && p.size() == 2 ? p.get(0) : p.isObject() ? p.get("lon") : null;
            JsonNode y = p.isArray() && p.size() == 2 ? p.get(1) : p.isObject() ? p.get("lat") : null;
            if (x == null || y == null || !x.isNumber() || !y.isNumber()) {
                throw new IllegalArgumentException("point " + i + " must be [lon, lat] or {\"lon\": .., \"lat\": ..} with"
                        + " numbers, but was: " + p);
            }
            out.add(RoadController.toCgcs2000("point " + i, x.asDouble(), y.asDouble(), crs));
        }
        return new MatrixRequest(List.copyOf(out));
    }
}
