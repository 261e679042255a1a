package cn.gridwatch.grid.locate;

import cn.gridwatch.grid.GridCell;
import cn.gridwatch.grid.GridKind;
import java.util.Collection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * The reference answer for tests: every admin cell of the level whose envelope holds the point is
 * asked {@code Geometry.covers(point)}; the lowest code wins. Slow and obviously right.
 * Thread-safe (read-only).
 */
final class BruteForceLocator {
    private final Collection<GridCell> cells;
    private final GeometryFactory factory = new GeometryFactory();

    BruteForceLocator(Collection<GridCell> cells) {
        this.cells = cells;
    }

    /** Codes at ranks 1..4 (index 0..3), {@code null} where no cell covers the point. */
    String[] locate(double lon, double lat) {
        String[] best = new String[GridIndex.LEVELS];
        Point p = factory.createPoint(new Coordinate(lon, lat));
        for (GridCell cell : cells) {
            if (cell.kind() != GridKind.ADMIN || !cell.geometry().getEnvelopeInternal().covers(lon, lat)) {
                continue;
            }
            int l = cell.level().rank() - 1;
            if ((best[l] == null || cell.code().compareTo(best[l]) < 0) && cell.geometry().covers(p)) {
                best[l] = cell.code();
            }
        }
        return best;
    }
}
