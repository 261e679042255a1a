package cn.gridwatch.grid.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Splits a (multi)polygon into pieces: the wiggly Voronoi cells of seeds (see {@link VoronoiLines})
 * clipped to the parent, computed as the faces of one snap-rounded arrangement of the parent's
 * boundary and the cell edges ({@link PlanarFaces}), so that pieces share vertices exactly. Stray
 * fragments and slivers are then merged into neighbours ({@link FragmentMerger}). Snap rounding may
 * move the parent's boundary by up to 1e-6 degrees where cell edges meet it; {@link CoverageAssembler}
 * makes all levels consistent afterwards. EPSG:4490 lon/lat. Stateless and thread-safe.
 */
final class Subdivider {
    /** Pieces smaller than this fraction of the mean piece are merged into a neighbour. */
    static final double MIN_AREA_FRACTION = 0.2;

    private Subdivider() {
    }

    /** Wiggliness of borders: {@code depth} halvings with offsets up to {@code amplitude} of the length. */
    record Noise(int depth, double amplitude) {
    }

    /**
     * Splits {@code parent} into at most {@code seeds.size()} non-empty pieces, listed in seed order
     * (pieces merged away are left out).
     */
    static List<Geometry> partition(Geometry parent, List<Coordinate> seeds, Noise noise, SplittableRandom rnd) {
        if (seeds.size() <= 1) {
            return List.of(parent);
        }
        VoronoiLines voronoi = VoronoiLines.build(seeds, parent.getEnvelopeInternal(), noise.depth(),
                noise.amplitude(), rnd);
        List<Coordinate[]> lines = new ArrayList<>(voronoi.edges());
        for (int i = 0; i < parent.getNumGeometries(); i++) {
            Polygon p = (Polygon) parent.getGeometryN(i);
            lines.add(p.getExteriorRing().getCoordinates());
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                lines.add(p.getInteriorRingN(h).getCoordinates());
            }
        }
        List<Polygon> faces = PlanarFaces.of(lines);

        STRtree rings = new STRtree();
        for (int i = 0; i < seeds.size(); i++) {
            Coordinate[] ring = voronoi.cellRing(i);
            if (ring.length > 3) {
                Envelope env = new Envelope();
                for (Coordinate c : ring) {
                    env.expandToInclude(c);
                }
                rings.insert(env, i);
            }
        }
        IndexedPointInAreaLocator inParent = new IndexedPointInAreaLocator(parent);
        List<List<Geometry>> groups = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            groups.add(new ArrayList<>());
        }
        for (Polygon face : faces) {
            Coordinate pt = face.getInteriorPoint().getCoordinate();
            if (inParent.locate(pt) == Location.EXTERIOR) {
                continue;
            }
            groups.get(owner(pt, seeds, voronoi, rings, parent.getEnvelopeInternal())).add(face);
        }
        List<Geometry> pieces = new ArrayList<>();
        for (List<Geometry> group : groups) {
            pieces.add(group.isEmpty() ? GeneratorGeometry.FACTORY.createPolygon() : unionFaces(group));
        }
        FragmentMerger.merge(pieces, null, MIN_AREA_FRACTION * parent.getArea() / seeds.size());
        List<Geometry> result = new ArrayList<>();
        for (Geometry g : pieces) {
            if (!g.isEmpty()) {
                result.add(g);
            }
        }
        return result;
    }

    /** The union of faces of one arrangement (they share edges exactly). */
    static Geometry unionFaces(List<? extends Geometry> faces) {
        return GeneratorGeometry.polygonal(faces.size() == 1
                ? faces.get(0)
                : CoverageUnion.union(faces.toArray(new Geometry[0])));
    }

    private static int owner(Coordinate pt, List<Coordinate> seeds, VoronoiLines voronoi, STRtree rings,
            Envelope extent) {
        int best = Integer.MAX_VALUE;
        for (Object o : rings.query(new Envelope(pt))) {
            int i = (Integer) o;
            if (i < best && PointLocation.isInRing(pt, voronoi.cellRing(i))) {
                best = i;
            }
        }
        if (best != Integer.MAX_VALUE) {
            return best;
        }
        double kx = GeneratorGeometry.lonScale(extent);
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < seeds.size(); i++) {
            double d = GeneratorGeometry.distanceSq(pt, seeds.get(i), kx);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }
}
