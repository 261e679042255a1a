package cn.gridwatch.grid.io;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Converts GeoJSON {@code Polygon} and {@code MultiPolygon} geometry objects to JTS, keeping the
 * coordinates as they are (x = first ordinate). Other types are refused with a message, since grid
 * cells are areas. Stateless and thread-safe.
 */
final class GeoJsonGeometries {
    private GeoJsonGeometries() {
    }

    /** The JTS geometry of {@code node}; throws {@link IllegalArgumentException} saying what is wrong. */
    static org.locationtech.jts.geom.Geometry read(JsonNode node, GeometryFactory factory) {
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("geometry is missing");
        }
        String type = node.path("type").asText("");
        JsonNode coords = node.get("coordinates");
        switch (type) {
            case "Polygon":
                return polygon(coords, factory);
            case "MultiPolygon":
                if (coords == null || !coords.isArray()) {
                    throw new IllegalArgumentException("MultiPolygon has no coordinates array");
                }
                Polygon[] parts = new Polygon[coords.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = polygon(coords.get(i), factory);
                }
                return factory.createMultiPolygon(parts);
            case "":
                throw new IllegalArgumentException("geometry has no type");
            default:
                throw new IllegalArgumentException("geometry type '" + type + "' is not Polygon or MultiPolygon");
        }
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory factory) {
        if (rings == null || !rings.isArray()) {
            throw new IllegalArgumentException("Polygon has no coordinates array");
        }
        if (rings.isEmpty()) {
            return factory.createPolygon();
        }
        LinearRing shell = ring(rings.get(0), factory);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), factory);
        }
        return factory.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions, GeometryFactory factory) {
        if (positions == null || !positions.isArray()) {
            throw new IllegalArgumentException("ring is not an array of positions");
        }
        Coordinate[] cs = new Coordinate[positions.size()];
        for (int i = 0; i < cs.length; i++) {
            JsonNode p = positions.get(i);
            if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw new IllegalArgumentException("position " + (i + 1) + " is not [x, y] numbers: " + p);
            }
            cs[i] = new Coordinate(p.get(0).doubleValue(), p.get(1).doubleValue());
        }
        if (cs.length > 0 && !cs[0].equals2D(cs[cs.length - 1])) {
            throw new IllegalArgumentException("ring is not closed: first " + cs[0] + " and last "
                    + cs[cs.length - 1] + " differ");
        }
        if (cs.length > 0 && cs.length < 4) {
            throw new IllegalArgumentException("ring has " + cs.length + " positions; at least 4 are needed");
        }
        return factory.createLinearRing(cs);
    }
}
