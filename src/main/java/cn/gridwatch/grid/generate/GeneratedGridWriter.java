package cn.gridwatch.grid.generate;

import cn.gridwatch.grid.GridLevel;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes a {@link GeneratedGrid} as GeoJSON FeatureCollections, one file per level: {@code city.geojson}
 * (skipped when there are no cities), {@code counties.geojson}, {@code townships.geojson} and
 * {@code villages.geojson}. RFC 7946 style: lon/lat (EPSG:4490, which differs from WGS 84 by less than
 * a metre), exterior rings counter-clockwise, holes clockwise, coordinates with at most 6 decimals
 * (exact, since vertices lie on the 1e-6 degree grid). Properties, in this order: {@code code} (short
 * form), {@code name}, {@code level}, and {@code parent} (short form) except for cities. One feature per
 * line, UTF-8, no timestamps; rings start at their smallest vertex: equal grids give byte-identical files. Stateless and thread-safe.
 */
public final class GeneratedGridWriter {
    /** File name per level. */
    public static String fileName(GridLevel level) {
        switch (level) {
            case CITY:
                return "city.geojson";
            case COUNTY:
                return "counties.geojson";
            case TOWNSHIP:
                return "townships.geojson";
            default:
                return "villages.geojson";
        }
    }

    /** Writes the files of all non-empty levels into {@code dir}, creating it if needed. */
    public void write(GeneratedGrid grid, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (GridLevel level : GridLevel.values()) {
            List<GeneratedCell> cells = grid.level(level);
            if (!cells.isEmpty()) {
                try (Writer w = Files.newBufferedWriter(dir.resolve(fileName(level)), StandardCharsets.UTF_8)) {
                    writeCollection(cells, w);
                }
            }
        }
    }

    /** The FeatureCollection of {@code cells} as text. */
    public String toGeoJson(List<GeneratedCell> cells) {
        StringBuilder sb = new StringBuilder();
        try {
            writeCollection(cells, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return sb.toString();
    }

    private static void writeCollection(List<GeneratedCell> cells, Appendable out) throws IOException {
        out.append("{\"type\":\"FeatureCollection\",\"features\":[\n");
        for (int i = 0; i < cells.size(); i++) {
            StringBuilder f = new StringBuilder(4096);
            feature(cells.get(i), f);
            out.append(f).append(i < cells.size() - 1 ? ",\n" : "\n");
        }
        out.append("]}\n");
    }

    private static void feature(GeneratedCell cell, StringBuilder sb) {
        sb.append("{\"type\":\"Feature\",\"properties\":{\"code\":");
        string(cell.shortCode(), sb);
        sb.append(",\"name\":");
        string(cell.name(), sb);
        sb.append(",\"level\":");
        string(cell.level().id(), sb);
        if (cell.parentCode() != null) {
            sb.append(",\"parent\":");
            string(cell.shortParentCode(), sb);
        }
        sb.append("},\"geometry\":");
        geometry(cell.geometry().norm(), sb);
        sb.append('}');
    }

    private static void geometry(Geometry g, StringBuilder sb) {
        if (g instanceof Polygon p) {
            sb.append("{\"type\":\"Polygon\",\"coordinates\":");
            polygon(p, sb);
            sb.append('}');
            return;
        }
        sb.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            polygon((Polygon) g.getGeometryN(i), sb);
        }
        sb.append("]}");
    }

    private static void polygon(Polygon p, StringBuilder sb) {
        sb.append('[');
        ring(p.getExteriorRing(), true, sb);
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
            sb.append(',');
            ring(p.getInteriorRingN(h), false, sb);
        }
        sb.append(']');
    }

    private static void ring(LineString ring, boolean counterClockwise, StringBuilder sb) {
        Coordinate[] cs = ring.getCoordinates();
        boolean reverse = Orientation.isCCW(cs) != counterClockwise;
        sb.append('[');
        for (int i = 0; i < cs.length; i++) {
            Coordinate c = cs[reverse ? cs.length - 1 - i : i];
            if (i > 0) {
                sb.append(',');
            }
            sb.append('[');
            number(c.x, sb);
            sb.append(',');
            number(c.y, sb);
            sb.append(']');
        }
        sb.append(']');
    }

    /** A degree value with at most six decimals, trailing zeros dropped. */
    static void number(double degrees, StringBuilder sb) {
        long micro = Math.round(degrees * 1e6);
        if (micro < 0) {
            sb.append('-');
            micro = -micro;
        }
        sb.append(micro / 1_000_000);
        int frac = (int) (micro % 1_000_000);
        if (frac != 0) {
            sb.append('.');
            for (int unit = 100_000; frac != 0; unit /= 10) {
                sb.append((char) ('0' + frac / unit));
                frac %= unit;
            }
        }
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"').append(JsonStringEncoder.getInstance().quoteAsString(s)).append('"');
    }
}
