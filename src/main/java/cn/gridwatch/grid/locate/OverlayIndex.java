package cn.gridwatch.grid.locate;

import cn.gridwatch.grid.GridCell;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The overlay cells (industrial parks, key grids) of a {@link GridIndex}: an {@link STRtree} on
 * their envelopes and the exact {@link CellShape} test. Overlays may overlap one another, so every
 * covering overlay is reported, in ascending code. Coordinates EPSG:4490, x = longitude.
 *
 * <p>The tree is built in the constructor; afterwards the index is query-only and thread-safe.
 */
final class OverlayIndex {
    private final GridCell[] cells;
    private final CellShape[] shapes;
    private final STRtree tree = new STRtree();

    OverlayIndex(List<GridCell> overlays) {
        cells = overlays.toArray(new GridCell[0]);
        Arrays.sort(cells, Comparator.comparing(GridCell::code));
        shapes = new CellShape[cells.length];
        for (int i = 0; i < cells.length; i++) {
            shapes[i] = new CellShape(cells[i].geometry());
            tree.insert(cells[i].geometry().getEnvelopeInternal(), i);
        }
        tree.build();
    }

    /** Overlays covering (x, y), ascending code; empty when none. */
    List<GridCell> covering(double x, double y) {
        if (cells.length == 0) {
            return List.of();
        }
        List<?> hits = tree.query(new Envelope(x, x, y, y));
        int[] found = new int[hits.size()];
        int n = 0;
        for (Object hit : hits) {
            int i = (Integer) hit;
            if (shapes[i].covers(x, y)) {
                found[n++] = i;
            }
        }
        Arrays.sort(found, 0, n);
        List<GridCell> result = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            result.add(cells[found[k]]);
        }
        return result;
    }
}
