package cn.gridwatch.grid.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;

/**
 * Tidies a tiling after clipping: every part of a multi-part piece except the largest, and every
 * piece smaller than a minimum area, is given to the neighbour with which it shares the longest
 * border (only neighbours of the same group, so that a village never moves to another township).
 * Pieces must come from one noded arrangement on the 1e-6 degree grid, so that unions add no vertex
 * and the tiling stays exact. A part with no neighbour sharing a border stays where it was. Areas
 * are in square degrees (EPSG:4490). Stateless and thread-safe; the piece list is modified in place.
 */
final class FragmentMerger {
    private FragmentMerger() {
    }

    /**
     * Merges fragments and small pieces into neighbours.
     *
     * @param pieces  the tiling, modified in place; a piece that is merged away becomes empty
     * @param group   group of each piece, or {@code null} when all may merge with each other
     * @param minArea pieces below this area (square degrees) are merged away if they have a neighbour
     */
    static void merge(List<Geometry> pieces, int[] group, double minArea) {
        List<Orphan> orphans = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            Geometry g = pieces.get(i);
            if (g.isEmpty()) {
                continue;
            }
            if (g.getArea() < minArea) {
                orphans.add(new Orphan(g, i, true));
                pieces.set(i, GeneratorGeometry.FACTORY.createPolygon());
            } else if (g.getNumGeometries() > 1) {
                List<Geometry> parts = new ArrayList<>();
                for (int p = 0; p < g.getNumGeometries(); p++) {
                    parts.add(g.getGeometryN(p));
                }
                parts.sort(Comparator.comparingDouble(Geometry::getArea).reversed());
                pieces.set(i, parts.get(0));
                for (int p = 1; p < parts.size(); p++) {
                    orphans.add(new Orphan(parts.get(p), i, false));
                }
            }
        }
        for (Orphan o : orphans) {
            int target = longestBorderNeighbour(pieces, group, o.geometry(), o.owner(), !o.whole());
            int into = target >= 0 ? target : o.owner();
            Geometry current = pieces.get(into);
            pieces.set(into, current.isEmpty() ? o.geometry() : union(current, o.geometry()));
        }
    }

    /**
     * Gives {@code orphan} to the piece sharing the longest border with it, whatever its group.
     *
     * @return false when no piece shares a border (the orphan is then not placed)
     */
    static boolean absorb(List<Geometry> pieces, Geometry orphan) {
        int target = longestBorderNeighbour(pieces, null, orphan, -1, false);
        if (target < 0) {
            return false;
        }
        pieces.set(target, union(pieces.get(target), orphan));
        return true;
    }

    private static int longestBorderNeighbour(List<Geometry> pieces, int[] group, Geometry orphan, int owner,
            boolean excludeOwner) {
        Geometry boundary = orphan.getBoundary();
        int best = -1;
        double bestLength = 0;
        for (int j = 0; j < pieces.size(); j++) {
            Geometry other = pieces.get(j);
            boolean sameGroup = group == null || group[j] == group[owner];
            if (other.isEmpty() || !sameGroup || (j == owner && excludeOwner)
                    || !other.getEnvelopeInternal().intersects(orphan.getEnvelopeInternal())) {
                continue;
            }
            double length = OverlayNG.overlay(boundary, other.getBoundary(), OverlayNG.INTERSECTION,
                    GeneratorGeometry.PRECISION).getLength();
            if (length > bestLength) {
                bestLength = length;
                best = j;
            }
        }
        return best;
    }

    static Geometry union(Geometry a, Geometry b) {
        return GeneratorGeometry.polygonal(OverlayNG.overlay(a, b, OverlayNG.UNION, GeneratorGeometry.PRECISION));
    }

    /** A piece or part waiting for a new owner; {@code whole} when the entire piece was too small. */
    private record Orphan(Geometry geometry, int owner, boolean whole) {
    }
}
