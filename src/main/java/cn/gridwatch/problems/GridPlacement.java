package cn.gridwatch.problems;

import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.GridLocateService;
import cn.gridwatch.grid.locate.GridLocation;
import cn.gridwatch.register.GridCells;

/**
 * The current cells of a point (EPSG:4490, x = lon, y = lat) and the grid version they come from,
 * both from one snapshot of the in-memory grid index, as {@code GridAssignments.record} wants them.
 * Thread-safe.
 */
final class GridPlacement {
    private final GridLocateService locate;

    record Placed(GridCells cells, long gridVersion) {
    }

    GridPlacement(GridLocateService locate) {
        this.locate = locate;
    }

    Placed place(double lon, double lat) {
        GridLocateService.Snapshot s = locate.snapshot();
        GridLocation loc = s.index().locate(lon, lat);
        return new Placed(new GridCells(loc.codeAt(GridLevel.CITY), loc.codeAt(GridLevel.COUNTY),
                loc.codeAt(GridLevel.TOWNSHIP), loc.codeAt(GridLevel.VILLAGE)), s.version());
    }
}
