package cn.gridwatch.bench;

import cn.gridwatch.grid.GridCell;
import java.util.List;

/**
 * Where a benchmark gets its grid: one snapshot of admin cells of the four levels in EPSG:4490
 * (x = longitude, y = latitude). Lets the synthetic province be swapped for the real generator
 * ({@code cn.gridwatch.grid.generate}) or an imported data set without touching the benchmarks.
 */
public interface GridSource {
    /** The cells; may take seconds for a province. */
    List<GridCell> cells();

    /** One line saying what the grid is, for the benchmark's output. */
    String describe();
}
