package cn.gridwatch.grid.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * Reads county polygons from a GeoJSON FeatureCollection in lon/lat (EPSG:4490 or WGS 84; the two
 * differ by less than a metre). The code and name come from configurable properties (Tianditu
 * extracts use {@code district_adcode} and {@code district_name}); codes may be strings or numbers.
 * Geometries are reduced to the 1e-6 degree grid, which also repairs them. Stateless and thread-safe.
 */
public final class CountyReader {
    private final String codeProperty;
    private final String nameProperty;

    public CountyReader(String codeProperty, String nameProperty) {
        this.codeProperty = codeProperty;
        this.nameProperty = nameProperty;
    }

    /**
     * Counties of {@code file} whose code starts with {@code codePrefix} (empty for all), in file order.
     *
     * @throws IllegalArgumentException naming the file and feature when a property or geometry is
     *                                  missing or not polygonal
     */
    public List<SourceCounty> read(Path file, String codePrefix) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        JsonNode features = root.path("features");
        if (!features.isArray()) {
            throw new IllegalArgumentException(file + " is not a GeoJSON FeatureCollection (no \"features\" array)");
        }
        GeoJsonReader geoJson = new GeoJsonReader(GeneratorGeometry.FACTORY);
        List<SourceCounty> result = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            String code = text(f.path("properties").path(codeProperty), file, i, codeProperty);
            if (code.endsWith(".0")) {
                code = code.substring(0, code.length() - 2);
            }
            if (!code.startsWith(codePrefix)) {
                continue;
            }
            String name = text(f.path("properties").path(nameProperty), file, i, nameProperty);
            Geometry g;
            try {
                g = geoJson.read(f.path("geometry").toString());
            } catch (ParseException e) {
                throw new IllegalArgumentException(file + " feature " + i + " (" + code + "): bad geometry: "
                        + e.getMessage(), e);
            }
            if (!(g instanceof Polygonal) || g.isEmpty()) {
                throw new IllegalArgumentException(file + " feature " + i + " (" + code
                        + "): geometry must be a non-empty Polygon or MultiPolygon, but was " + g.getGeometryType());
            }
            Geometry reduced = GeometryPrecisionReducer.reduce(g, GeneratorGeometry.PRECISION);
            reduced.setSRID(GeneratorGeometry.SRID);
            result.add(new SourceCounty(code, name, reduced));
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("no county in " + file + " has a " + codeProperty
                    + " starting with '" + codePrefix + "'");
        }
        return result;
    }

    private static String text(JsonNode node, Path file, int index, String property) {
        if (node.isMissingNode() || node.isNull() || node.asText().isBlank()) {
            throw new IllegalArgumentException(file + " feature " + index + " has no property '" + property + "'");
        }
        return node.asText().trim();
    }
}
