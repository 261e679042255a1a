package cn.gridwatch.grid.assign;

import cn.gridwatch.grid.GridCell;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.io.CsvLines;
import cn.gridwatch.grid.io.CsvRecords;
import cn.gridwatch.grid.locate.GridIndex;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Assigns many points to the grid at once: a CSV (with longitude/latitude columns) or a GeoJSON
 * FeatureCollection of points goes in, the same rows or features come out with the code and name of
 * the cell at every level added. A row whose coordinates are bad keeps its place and gets the reason
 * in {@code grid_error}; a point outside every cell gets empty codes. Input coordinates are in the
 * declared CRS. Stateless apart from the index it is given; thread-safe.
 */
public final class PointAssigner {
    private static final String[] LON_NAMES = {"lon", "lng", "longitude", "x", "经度"};
    private static final String[] LAT_NAMES = {"lat", "latitude", "y", "纬度"};

    private final ObjectMapper json;

    public PointAssigner(ObjectMapper json) {
        this.json = json;
    }

    /** What an assignment produced, for headers and logs. */
    public record Summary(int rows, int inside, int errors) {
    }

    /**
     * Reads a UTF-8 CSV with a header row, writes it back with the grid columns appended.
     *
     * @param lonColumn name of the x/longitude column, or null to detect (lon, lng, longitude, x, 经度)
     * @param latColumn name of the y/latitude column, or null to detect (lat, latitude, y, 纬度)
     */
    public Summary assignCsv(InputStream in, OutputStream out, GridIndex index, String crs, String lonColumn,
            String latColumn) throws IOException {
        return assignCsv(in, out, index, crs, lonColumn, latColumn, code -> true);
    }

    /** As above, with cells whose code fails {@code visible} (outside the caller's jurisdiction) left blank. */
    public Summary assignCsv(InputStream in, OutputStream out, GridIndex index, String crs, String lonColumn,
            String latColumn, Predicate<String> visible) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        CsvRecords csv = new CsvRecords(reader);
        List<String> header = csv.next();
        if (header == null || header.isEmpty()) {
            throw new IllegalArgumentException("the CSV is empty: a header row with longitude and latitude columns is needed");
        }
        if (!header.get(0).isEmpty() && header.get(0).charAt(0) == '\uFEFF') {
            header.set(0, header.get(0).substring(1));
        }
        int xi = column(header, lonColumn, LON_NAMES, "longitude");
        int yi = column(header, latColumn, LAT_NAMES, "latitude");
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (List<String> r = csv.next(); r != null; r = csv.next()) {
            if (r.size() == 1 && r.get(0).isEmpty()) {
                continue; // blank line
            }
            rows.add(r);
            lines.add(csv.recordLine());
        }
        PointTable points = new PointTable(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            String where = "line " + lines.get(i);
            if (r.size() <= Math.max(xi, yi)) {
                points.addError(where + ": has " + r.size() + " fields, fewer than the header's " + header.size());
            } else {
                points.add(r.get(xi), r.get(yi), crs, where);
            }
        }
        BulkAssignment a = new BulkAssignment(index, points);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        List<String> outHeader = new ArrayList<>(header);
        for (GridLevel l : GridLevel.values()) {
            outHeader.add(l.id() + "_code");
            outHeader.add(l.id() + "_name");
        }
        outHeader.add("grid_error");
        CsvLines.write(w, outHeader, "\r\n");
        int inside = 0;
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = new ArrayList<>(rows.get(i));
            while (row.size() < header.size()) {
                row.add("");
            }
            for (GridLevel l : GridLevel.values()) {
                GridCell c = visibleCell(a.cell(i, l), visible);
                row.add(c == null ? "" : c.code());
                row.add(c == null ? "" : c.name());
            }
            row.add(a.error(i) == null ? "" : a.error(i));
            inside += a.inside(i) ? 1 : 0;
            CsvLines.write(w, row, "\r\n");
        }
        w.flush();
        return new Summary(rows.size(), inside, a.errorCount());
    }

    /** Reads a GeoJSON FeatureCollection of points and writes it back with grid properties added. */
    public Summary assignGeoJson(InputStream in, OutputStream out, GridIndex index, String crs) throws IOException {
        return assignGeoJson(in, out, index, crs, code -> true);
    }

    /** As above, with cells whose code fails {@code visible} (outside the caller's jurisdiction) left null. */
    public Summary assignGeoJson(InputStream in, OutputStream out, GridIndex index, String crs,
            Predicate<String> visible) throws IOException {
        JsonNode root;
        try {
            root = json.readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the GeoJSON is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())
                || !root.path("features").isArray()) {
            throw new IllegalArgumentException("expected a GeoJSON FeatureCollection with a features array");
        }
        ArrayNode features = (ArrayNode) root.get("features");
        PointTable points = new PointTable(features.size());
        for (int i = 0; i < features.size(); i++) {
            JsonNode g = features.get(i).path("geometry");
            String where = "feature " + (i + 1);
            JsonNode c = g.path("coordinates");
            if (!"Point".equals(g.path("type").asText()) || !c.isArray() || c.size() < 2
                    || !c.get(0).isNumber() || !c.get(1).isNumber()) {
                points.addError(where + ": geometry must be a Point with numeric [x, y] coordinates");
            } else {
                points.add(c.get(0).asText(), c.get(1).asText(), crs, where);
            }
        }
        BulkAssignment a = new BulkAssignment(index, points);
        int inside = 0;
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            if (!f.isObject()) {
                continue;
            }
            ObjectNode props = f.path("properties").isObject()
                    ? (ObjectNode) f.get("properties") : ((ObjectNode) f).putObject("properties");
            for (GridLevel l : GridLevel.values()) {
                GridCell cell = visibleCell(a.cell(i, l), visible);
                props.put("grid_" + l.id() + "_code", cell == null ? null : cell.code());
                props.put("grid_" + l.id() + "_name", cell == null ? null : cell.name());
            }
            if (a.error(i) != null) {
                props.put("grid_error", a.error(i));
            }
            inside += a.inside(i) ? 1 : 0;
        }
        json.writeValue(out, root);
        return new Summary(features.size(), inside, a.errorCount());
    }

    private static GridCell visibleCell(GridCell c, Predicate<String> visible) {
        return c == null || visible.test(c.code()) ? c : null;
    }

    private static int column(List<String> header, String wanted, String[] candidates, String what) {
        if (wanted != null && !wanted.isBlank()) {
            int i = header.indexOf(wanted);
            if (i < 0) {
                throw new IllegalArgumentException("the CSV has no column '" + wanted + "'; its columns are " + header);
            }
            return i;
        }
        for (String name : candidates) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).trim().toLowerCase(Locale.ROOT).equals(name)) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException("the CSV has no " + what + " column (looked for "
                + String.join(", ", candidates) + "); its columns are " + header + "; name it with the "
                + (what.equals("longitude") ? "lonColumn" : "latColumn") + " parameter");
    }
}
