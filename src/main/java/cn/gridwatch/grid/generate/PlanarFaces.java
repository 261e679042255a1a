package cn.gridwatch.grid.generate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.noding.NodedSegmentString;
import org.locationtech.jts.noding.SegmentString;
import org.locationtech.jts.noding.snapround.SnapRoundingNoder;
import org.locationtech.jts.operation.polygonize.Polygonizer;

/**
 * Turns a set of lines into the faces of their planar arrangement on the 1e-6 degree grid: the lines
 * are snap-rounded together (Hobby's snap rounding as implemented by JTS {@link SnapRoundingNoder}),
 * duplicate segments are dropped and the result is polygonized. Because every face comes from the
 * same noded linework, neighbouring faces share their boundary vertex for vertex; unions of faces
 * therefore tile without gaps or overlaps. Faces are normalized and sorted, so the result does not
 * depend on hash order. Coordinates are EPSG:4490 lon/lat. Stateless and thread-safe.
 */
final class PlanarFaces {
    private PlanarFaces() {
    }

    /** The bounded faces of the arrangement of {@code lines} (each a coordinate sequence of 2+ points). */
    static List<Polygon> of(List<Coordinate[]> lines) {
        List<NodedSegmentString> input = new ArrayList<>();
        for (Segment s : uniqueSegments(lines)) {
            input.add(new NodedSegmentString(new Coordinate[] {s.a(), s.b()}, null));
        }
        SnapRoundingNoder noder = new SnapRoundingNoder(GeneratorGeometry.PRECISION);
        noder.computeNodes(input);
        Collection<SegmentString> noded = noder.getNodedSubstrings();
        List<Coordinate[]> nodedLines = new ArrayList<>(noded.size());
        for (SegmentString ss : noded) {
            nodedLines.add(ss.getCoordinates());
        }
        List<Geometry> edges = new ArrayList<>();
        for (Segment s : uniqueSegments(nodedLines)) {
            LineString line = GeneratorGeometry.FACTORY.createLineString(new Coordinate[] {s.a(), s.b()});
            edges.add(line);
        }
        Polygonizer polygonizer = new Polygonizer();
        polygonizer.add(edges);
        @SuppressWarnings("unchecked")
        Collection<Polygon> faces = polygonizer.getPolygons();
        List<Polygon> result = new ArrayList<>(faces.size());
        for (Polygon p : faces) {
            Polygon face = (Polygon) p.norm();
            face.setSRID(GeneratorGeometry.SRID);
            result.add(face);
        }
        // the polygonizer's graph keeps edges in identity hash sets: fix ring starts and order
        result.sort(Polygon::compareTo);
        return result;
    }

    /** Non-degenerate segments in first-seen order, each once regardless of direction. */
    private static Set<Segment> uniqueSegments(List<Coordinate[]> lines) {
        Set<Segment> segments = new LinkedHashSet<>();
        for (Coordinate[] line : lines) {
            for (int i = 1; i < line.length; i++) {
                Coordinate a = line[i - 1];
                Coordinate b = line[i];
                if (!a.equals2D(b)) {
                    segments.add(a.compareTo(b) < 0 ? new Segment(a.copy(), b.copy()) : new Segment(b.copy(), a.copy()));
                }
            }
        }
        return segments;
    }

    /** A segment with its endpoints in canonical order; equality by coordinate values. */
    private record Segment(Coordinate a, Coordinate b) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Segment s && a.equals2D(s.a) && b.equals2D(s.b);
        }

        @Override
        public int hashCode() {
            return 31 * Coordinate.hashCode(a.x) + Coordinate.hashCode(a.y) * 17 + 7 * Coordinate.hashCode(b.x)
                    + Coordinate.hashCode(b.y);
        }
    }
}
