package cn.gridwatch.register;

import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.locate.GridIndex;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;

/**
 * Assigns many points to their cells at once with the in-memory grid index (no SQL per row). A
 * row's point is its {@link RecordJson#anchor anchor}: the point, or a track's first vertex.
 * Coordinates are EPSG:4490, x = longitude. Stateless and thread-safe.
 */
public final class CellLocator {
    private CellLocator() {
    }

    /** The cells of each point (same order). */
    public static GridCells[] locate(GridIndex index, double[] lon, double[] lat) {
        int n = lon.length;
        int[] found = new int[n * GridIndex.LEVELS];
        if (n > 50_000) {
            index.locateAllParallel(lon, lat, found);
        } else {
            index.locateAll(lon, lat, 0, n, found);
        }
        GridCells[] out = new GridCells[n];
        for (int i = 0; i < n; i++) {
            int o = i * GridIndex.LEVELS;
            out[i] = new GridCells(code(index, GridLevel.CITY, found[o]), code(index, GridLevel.COUNTY, found[o + 1]),
                    code(index, GridLevel.TOWNSHIP, found[o + 2]), code(index, GridLevel.VILLAGE, found[o + 3]));
        }
        return out;
    }

    /** Sets {@code cells} of every located row. */
    public static void locate(GridIndex index, List<RegisterRecord> rows) {
        double[] lon = new double[rows.size()];
        double[] lat = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Coordinate a = RecordJson.anchor(rows.get(i).geom);
            lon[i] = a.x;
            lat[i] = a.y;
        }
        GridCells[] cells = locate(index, lon, lat);
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).cells = cells[i];
        }
    }

    private static String code(GridIndex index, GridLevel level, int i) {
        return i < 0 ? null : index.cell(level, i).code();
    }
}
