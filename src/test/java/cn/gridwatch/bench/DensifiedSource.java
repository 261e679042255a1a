package cn.gridwatch.bench;

import cn.gridwatch.grid.GridCell;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Geometry;

/**
 * Another grid source with every cell's edges split so no segment is longer than {@code metres}
 * (converted at 111,320 m per degree). The generated province has coarse borders (villages ~11
 * vertices); real village boundaries have tens to hundreds, and point-in-polygon cost grows with
 * them, so the bench can be run on both. Shared edges are split at the same places from both sides
 * (to floating-point precision), so the tiling stays as it was.
 */
final class DensifiedSource implements GridSource {
    private final GridSource inner;
    private final double metres;

    DensifiedSource(GridSource inner, double metres) {
        this.inner = inner;
        this.metres = metres;
    }

    @Override
    public List<GridCell> cells() {
        double tolerance = metres / 111_320.0;
        List<GridCell> out = new ArrayList<>();
        for (GridCell c : inner.cells()) {
            Geometry g = Densifier.densify(c.geometry(), tolerance);
            g.setSRID(c.geometry().getSRID());
            out.add(new GridCell(c.id(), c.code(), c.level(), c.kind(), c.name(), c.parentCode(), c.validFrom(),
                    c.validTo(), g));
        }
        return out;
    }

    @Override
    public String describe() {
        return inner.describe() + String.format(Locale.ROOT, ", densified to segments <= %.0f m", metres);
    }
}
