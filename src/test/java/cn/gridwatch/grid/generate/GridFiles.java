package cn.gridwatch.grid.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/** Reads generated GeoJSON files back, as the tests see what was written, not what was computed. */
final class GridFiles {
    private GridFiles() {
    }

    /** One feature as written: short codes, lon/lat geometry. */
    record Feature(String code, String name, String level, String parent, Geometry geometry) {
    }

    static List<Feature> read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        GeoJsonReader reader = new GeoJsonReader(new GeometryFactory());
        List<Feature> result = new ArrayList<>();
        for (JsonNode f : root.path("features")) {
            JsonNode p = f.path("properties");
            try {
                result.add(new Feature(p.path("code").asText(), p.path("name").asText(), p.path("level").asText(),
                        p.hasNonNull("parent") ? p.path("parent").asText() : null,
                        reader.read(f.path("geometry").toString())));
            } catch (ParseException e) {
                throw new IllegalStateException(file + ": " + e.getMessage(), e);
            }
        }
        return result;
    }
}
