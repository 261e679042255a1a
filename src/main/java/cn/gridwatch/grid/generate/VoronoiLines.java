package cn.gridwatch.grid.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * The Voronoi diagram of seed points with wiggly edges: each Voronoi edge is replaced by a
 * midpoint-displacement curve (perpendicular offsets of up to {@code amplitude} times the segment
 * length, halving the segment at each of {@code depth} levels), so that borders look like roads,
 * streams and ridges rather than straight lines. Each edge is made once and shared by both cells.
 * The diagram is computed in local degrees (longitude scaled by cos(latitude)) and returned in
 * EPSG:4490 lon/lat. Immutable after construction; not thread-safe during it.
 */
final class VoronoiLines {
    private final List<Coordinate[]> edges;
    private final List<Coordinate[]> cellRings;

    private VoronoiLines(List<Coordinate[]> edges, List<Coordinate[]> cellRings) {
        this.edges = edges;
        this.cellRings = cellRings;
    }

    /** Builds the diagram of {@code seeds} (lon/lat, distinct), clipped to a frame around {@code extent}. */
    static VoronoiLines build(List<Coordinate> seeds, Envelope extent, int depth, double amplitude,
            SplittableRandom rnd) {
        double kx = GeneratorGeometry.lonScale(extent);
        List<Coordinate> local = new ArrayList<>(seeds.size());
        Map<Coordinate, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < seeds.size(); i++) {
            Coordinate c = new Coordinate(seeds.get(i).x * kx, seeds.get(i).y);
            local.add(c);
            indexOf.put(c, i);
        }
        Envelope frame = new Envelope(extent.getMinX() * kx, extent.getMaxX() * kx, extent.getMinY(), extent.getMaxY());
        frame.expandBy(Math.max(frame.getWidth(), frame.getHeight()) * 0.1 + 1e-3);
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(local);
        builder.setClipEnvelope(frame);
        Geometry diagram = builder.getDiagram(new GeometryFactory());

        Map<EdgeKey, Coordinate[]> noisy = new LinkedHashMap<>();
        Coordinate[][] rings = new Coordinate[seeds.size()][];
        for (int c = 0; c < diagram.getNumGeometries(); c++) {
            Polygon cell = (Polygon) diagram.getGeometryN(c);
            Integer index = indexOf.get((Coordinate) cell.getUserData());
            if (index == null) {
                throw new IllegalStateException("Voronoi cell without a known site: " + cell.getUserData());
            }
            Coordinate[] ring = cell.getExteriorRing().getCoordinates();
            List<Coordinate> out = new ArrayList<>();
            out.add(ring[0]);
            for (int i = 1; i < ring.length; i++) {
                Coordinate a = ring[i - 1];
                Coordinate b = ring[i];
                boolean forward = a.compareTo(b) < 0;
                EdgeKey key = forward ? new EdgeKey(a.x, a.y, b.x, b.y) : new EdgeKey(b.x, b.y, a.x, a.y);
                Coordinate[] line = noisy.computeIfAbsent(key, k -> displace(k, depth, amplitude, rnd));
                if (forward) {
                    for (int j = 1; j < line.length; j++) {
                        out.add(line[j]);
                    }
                } else {
                    for (int j = line.length - 2; j >= 0; j--) {
                        out.add(line[j]);
                    }
                }
            }
            rings[index] = toGeo(out.toArray(new Coordinate[0]), kx);
        }
        List<Coordinate[]> edges = new ArrayList<>(noisy.size());
        for (Coordinate[] line : noisy.values()) {
            edges.add(toGeo(line, kx));
        }
        List<Coordinate[]> cellRings = new ArrayList<>(seeds.size());
        for (Coordinate[] r : rings) {
            cellRings.add(r == null ? new Coordinate[0] : r);
        }
        return new VoronoiLines(edges, cellRings);
    }

    /** The wiggly edges, each once, lon/lat. */
    List<Coordinate[]> edges() {
        return edges;
    }

    /** The closed wiggly ring of the cell of seed {@code i} (empty if the seed had no cell), lon/lat. */
    Coordinate[] cellRing(int i) {
        return cellRings.get(i);
    }

    private static Coordinate[] displace(EdgeKey k, int depth, double amplitude, SplittableRandom rnd) {
        List<Coordinate> out = new ArrayList<>();
        Coordinate a = new Coordinate(k.x1(), k.y1());
        out.add(a);
        displace(a, new Coordinate(k.x2(), k.y2()), depth, amplitude, rnd, out);
        return out.toArray(new Coordinate[0]);
    }

    private static void displace(Coordinate a, Coordinate b, int depth, double amplitude, SplittableRandom rnd,
            List<Coordinate> out) {
        if (depth <= 0) {
            out.add(b);
            return;
        }
        double off = (rnd.nextDouble() * 2 - 1) * amplitude;
        double dx = b.x - a.x;
        double dy = b.y - a.y;
        Coordinate m = new Coordinate((a.x + b.x) / 2 - dy * off, (a.y + b.y) / 2 + dx * off);
        displace(a, m, depth - 1, amplitude, rnd, out);
        displace(m, b, depth - 1, amplitude, rnd, out);
    }

    private static Coordinate[] toGeo(Coordinate[] local, double kx) {
        Coordinate[] geo = new Coordinate[local.length];
        for (int i = 0; i < local.length; i++) {
            geo[i] = new Coordinate(local[i].x / kx, local[i].y);
        }
        return geo;
    }

    /** A Voronoi edge by its endpoints in canonical order. */
    private record EdgeKey(double x1, double y1, double x2, double y2) {
    }
}
