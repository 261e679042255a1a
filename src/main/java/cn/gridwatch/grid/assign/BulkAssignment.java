package cn.gridwatch.grid.assign;

import cn.gridwatch.grid.GridCell;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.locate.GridIndex;

/**
 * The cells found for a {@link PointTable}: per row and level the cell, or null. Rows with an input
 * error have no cells. Immutable after construction.
 */
final class BulkAssignment {
    private final GridIndex index;
    private final int[] found;
    private final PointTable points;

    BulkAssignment(GridIndex index, PointTable points) {
        this.index = index;
        this.points = points;
        int n = points.size();
        this.found = new int[n * GridIndex.LEVELS];
        // NaN coordinates (rows with errors) fall outside the index extent and get -1
        index.locateAllParallel(points.lon, points.lat, found); // the table is sized to its rows
    }

    GridCell cell(int row, GridLevel level) {
        int i = found[row * GridIndex.LEVELS + level.rank() - 1];
        return i < 0 ? null : index.cell(level, i);
    }

    String error(int row) {
        return points.error[row];
    }

    boolean inside(int row) {
        for (GridLevel l : GridLevel.values()) {
            if (cell(row, l) != null) {
                return true;
            }
        }
        return false;
    }

    int errorCount() {
        int n = 0;
        for (int i = 0; i < points.size(); i++) {
            if (points.error[i] != null) {
                n++;
            }
        }
        return n;
    }
}
