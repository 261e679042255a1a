package cn.gridwatch.grid;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/** Writes small test fixtures: GeoJSON from WKT rows, and GDAL conversions of them. */
public final class GridTestFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GridTestFiles() {
    }

    /** A feature row: code, name and WKT geometry (null WKT = no geometry). */
    public record Row(String code, String name, String wkt) {
    }

    public static Row row(String code, String name, String wkt) {
        return new Row(code, name, wkt);
    }

    /** An axis-aligned rectangle as WKT, x = lon. */
    public static String box(double x1, double y1, double x2, double y2) {
        return String.format(Locale.ROOT, "POLYGON((%s %s, %s %s, %s %s, %s %s, %s %s))",
                x1, y1, x2, y1, x2, y2, x1, y2, x1, y1);
    }

    /** Writes a FeatureCollection with properties code and name; {@code crs} adds a legacy crs member. */
    public static Path geojson(Path file, String crs, List<Row> rows) {
        try {
            ObjectNode fc = MAPPER.createObjectNode().put("type", "FeatureCollection");
            if (crs != null) {
                fc.putObject("crs").put("type", "name").putObject("properties").put("name", crs);
            }
            ArrayNode features = fc.putArray("features");
            GeoJsonWriter writer = new GeoJsonWriter();
            writer.setEncodeCRS(false);
            for (Row r : rows) {
                ObjectNode f = features.addObject().put("type", "Feature");
                ObjectNode p = f.putObject("properties");
                p.put("code", r.code());
                p.put("name", r.name());
                if (r.wkt() == null) {
                    f.putNull("geometry");
                } else {
                    f.set("geometry", MAPPER.readTree(writer.write(new WKTReader().read(r.wkt()))));
                }
            }
            Files.writeString(file, MAPPER.writeValueAsString(fc), StandardCharsets.UTF_8);
            return file;
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("writing fixture " + file, e);
        }
    }

    /** Runs ogr2ogr with {@code args}; fails the test with GDAL's output when it fails. */
    public static void ogr2ogr(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ogr2ogr"));
        cmd.addAll(List.of(args));
        cn.gridwatch.GdalTools.run(cmd.toArray(String[]::new));
    }

    /** The shared data directory: env GRIDWATCH_SHARED_DATA, else ../shared/data from the project root. */
    public static Path sharedData() {
        return cn.gridwatch.SharedData.dir();
    }
}
