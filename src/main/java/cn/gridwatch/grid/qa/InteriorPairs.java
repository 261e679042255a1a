package cn.gridwatch.grid.qa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.relateng.RelateNG;
import org.locationtech.jts.operation.relateng.RelatePredicate;

/**
 * Finds the pairs of cells of one level whose interiors intersect (DE-9IM {@code 2********}, the
 * test {@code ST_Relate(a, b, '2********')} made before): every pair with intersecting envelopes in
 * an {@link STRtree}, tested with JTS {@link RelateNG} prepared on the first cell of the pair. Cells
 * of an exact tiling only touch, so this is the candidate set for overlaps; measuring the shared area
 * (geodesic m²) is left to the caller. All pairs are tested, siblings or not.
 *
 * <p>Coordinates as stored (EPSG:4490 lon/lat); the test is planar, like GEOS's. Geometries must be
 * valid. Stateless and thread-safe; {@link #of} spreads the work over the common fork-join pool.
 */
final class InteriorPairs {
    private static final String INTERIORS_INTERSECT = "2********";

    /** One cell: an id the caller understands, its code (pairs are ordered by it) and geometry. */
    record Cell(long id, String code, Geometry geometry) {
    }

    /** Two cells whose interiors intersect; {@code a.code() < b.code()}. */
    record Pair(Cell a, Cell b) {
    }

    private InteriorPairs() {
    }

    /**
     * Pairs of {@code cells} whose interiors intersect, each once with the lower code first, sorted
     * by codes. Cells with equal codes are never paired (they are duplicate codes, reported as such).
     */
    static List<Pair> of(List<Cell> cells) {
        STRtree tree = new STRtree();
        for (Cell c : cells) {
            tree.insert(c.geometry().getEnvelopeInternal(), c);
        }
        tree.build();
        return IntStream.range(0, cells.size()).parallel()
                .mapToObj(i -> pairsOf(cells.get(i), tree))
                .flatMap(List::stream)
                .sorted(Comparator.comparing((Pair p) -> p.a().code()).thenComparing(p -> p.b().code()))
                .collect(Collectors.toList());
    }

    private static List<Pair> pairsOf(Cell a, STRtree tree) {
        List<Pair> found = new ArrayList<>(0);
        RelateNG prepared = null;
        for (Object o : tree.query(a.geometry().getEnvelopeInternal())) {
            Cell b = (Cell) o;
            if (a.code().compareTo(b.code()) >= 0) {
                continue;
            }
            if (prepared == null) {
                prepared = RelateNG.prepare(a.geometry());
            }
            if (prepared.evaluate(b.geometry(), RelatePredicate.matches(INTERIORS_INTERSECT))) {
                found.add(new Pair(a, b));
            }
        }
        return found;
    }
}
