package cn.gridwatch.grid.locate;

import cn.gridwatch.grid.GridCell;
import cn.gridwatch.grid.GridKind;
import cn.gridwatch.grid.GridLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Envelope;

/**
 * Locates points in one snapshot of the four-level grid (the cell versions valid on one date).
 * Coordinates are EPSG:4490 degrees, x = longitude, y = latitude.
 *
 * <p>Semantics, identical to PostGIS {@code ST_Covers} / JTS {@code covers}: a point belongs to a
 * cell of a level when the cell's geometry covers it (interior or boundary). When several cells of
 * a level cover it (shared edge or vertex, overlapping bad data) the answer is the one with the
 * lexicographically smallest code. Levels are located independently; the code hierarchy is not
 * trusted. Overlay cells (parks, key grids) are reported separately, all of those covering the point.
 *
 * <p>Algorithm: one uniform {@link BucketGrid} over the admin extent; per level, every bucket is
 * classified at build time by {@link LevelTableBuilder} as empty, full (one cell answers, no
 * point-in-polygon test at all) or mixed (a short candidate list tested in code order with the exact
 * banded point-in-polygon of {@link PolygonalShape}, flattened per level into {@link LevelShapes}). A
 * query computes its bucket once and reads the four levels' states from one interleaved array. Cells
 * of a level are indexed 0..n-1 in ascending code, so "lowest code" is "lowest index". The bulk
 * methods work in batches: first every point's bucket states (independent loads, so the CPU overlaps
 * the cache misses of a state array far larger than the cache), then the mixed buckets.
 *
 * <p>Immutable after construction and safe for concurrent queries from any number of threads;
 * the bulk methods allocate nothing per point.
 */
public final class GridIndex {
    /** Levels in rank order; {@code out[i * LEVELS + rank - 1]} in the bulk methods. */
    public static final int LEVELS = 4;
    /** Buckets per cell of the most numerous level, when not given. */
    public static final int DEFAULT_BUCKETS_PER_CELL = 256;
    private static final long MAX_BUCKETS = 1L << 23;
    private static final int CHUNK = 1 << 14;
    /** Points per batch in the bulk methods: small enough to stay in L1, large enough for many misses in flight. */
    private static final int BATCH = 256;

    private final GridCell[][] cells = new GridCell[LEVELS][];
    private final LevelTable[] tables = new LevelTable[LEVELS];
    private final BucketGrid grid;
    private final int[] states;
    private final OverlayIndex overlays;

    private GridIndex(Collection<GridCell> input, int bucketsPerCell) {
        List<List<GridCell>> byLevel = new ArrayList<>();
        for (int l = 0; l < LEVELS; l++) {
            byLevel.add(new ArrayList<>());
        }
        List<GridCell> overlayCells = new ArrayList<>();
        Envelope extent = new Envelope();
        for (GridCell cell : input) {
            checkCell(cell);
            if (cell.kind() == GridKind.ADMIN) {
                byLevel.get(cell.level().rank() - 1).add(cell);
                extent.expandToInclude(cell.geometry().getEnvelopeInternal());
            } else {
                overlayCells.add(cell);
            }
        }
        int most = 1;
        for (int l = 0; l < LEVELS; l++) {
            cells[l] = sortedUnique(byLevel.get(l), GridLevel.ofRank(l + 1));
            most = Math.max(most, cells[l].length);
        }
        if (extent.isNull()) {
            extent = new Envelope(0, 0, 0, 0);
        }
        long target = Math.min(MAX_BUCKETS, (long) most * bucketsPerCell);
        grid = BucketGrid.over(extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY(), target);
        LevelTableBuilder.Result[] built = new LevelTableBuilder.Result[LEVELS];
        IntStream.range(0, LEVELS).parallel().forEach(l -> built[l] = buildLevel(cells[l]));
        states = new int[grid.size() * LEVELS];
        for (int l = 0; l < LEVELS; l++) {
            tables[l] = built[l].table();
            int[] s = built[l].states();
            for (int b = 0; b < s.length; b++) {
                states[b * LEVELS + l] = s[b];
            }
        }
        overlays = new OverlayIndex(overlayCells);
    }

    /** Builds the index with {@link #DEFAULT_BUCKETS_PER_CELL}. */
    public static GridIndex of(Collection<GridCell> cells) {
        return new GridIndex(cells, DEFAULT_BUCKETS_PER_CELL);
    }

    /**
     * Builds the index. Admin cells go to their level; park and key cells become overlays.
     *
     * @param bucketsPerCell grid buckets per cell of the most numerous level (memory: 16 bytes per
     *     bucket); more buckets, fewer point-in-polygon tests
     * @throws IllegalArgumentException when a cell has no code, level or kind, a geometry that is not
     *     a (Multi)Polygon, or two admin cells of a level share a code
     */
    public static GridIndex of(Collection<GridCell> cells, int bucketsPerCell) {
        if (bucketsPerCell < 1) {
            throw new IllegalArgumentException("bucketsPerCell must be at least 1, but was: " + bucketsPerCell);
        }
        return new GridIndex(cells, bucketsPerCell);
    }

    private LevelTableBuilder.Result buildLevel(GridCell[] levelCells) {
        CellShape[] shapes = new CellShape[levelCells.length];
        for (int i = 0; i < levelCells.length; i++) {
            shapes[i] = new CellShape(levelCells[i].geometry());
        }
        return new LevelTableBuilder(grid, shapes).build();
    }

    private static void checkCell(GridCell cell) {
        if (cell.code() == null || cell.kind() == null || cell.geometry() == null) {
            throw new IllegalArgumentException("grid cell " + cell.id() + " must have a code, a kind and a geometry");
        }
        if (cell.kind() == GridKind.ADMIN && cell.level() == null) {
            throw new IllegalArgumentException("admin grid cell " + cell.code() + " has no level");
        }
        if (!PolygonalShape.isPolygonal(cell.geometry())) {
            throw new IllegalArgumentException("grid cell " + cell.code() + " must be a Polygon or MultiPolygon, but was: "
                    + cell.geometry().getGeometryType());
        }
    }

    private static GridCell[] sortedUnique(List<GridCell> list, GridLevel level) {
        GridCell[] sorted = list.toArray(new GridCell[0]);
        Arrays.sort(sorted, Comparator.comparing(GridCell::code));
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i].code().equals(sorted[i - 1].code())) {
                throw new IllegalArgumentException("two " + level.id() + " cells have the code " + sorted[i].code()
                        + "; an index holds one version per cell (filter by validity date first)");
            }
        }
        return sorted;
    }

    /** The cell at each level and the overlays covering (lon, lat). */
    public GridLocation locate(double lon, double lat) {
        GridCell[] found = new GridCell[LEVELS];
        if (grid.contains(lon, lat)) {
            int base = grid.bucket(lon, lat) * LEVELS;
            for (int l = 0; l < LEVELS; l++) {
                int c = tables[l].resolve(states[base + l], lon, lat);
                found[l] = c < 0 ? null : cells[l][c];
            }
        }
        return new GridLocation(found[0], found[1], found[2], found[3], overlays.covering(lon, lat));
    }

    /** Index (into {@link #cell}) of the cell of {@code level} covering (lon, lat), or -1. */
    public int locateIndex(GridLevel level, double lon, double lat) {
        if (!grid.contains(lon, lat)) {
            return -1;
        }
        int l = level.rank() - 1;
        return tables[l].resolve(states[grid.bucket(lon, lat) * LEVELS + l], lon, lat);
    }

    /**
     * Locates points {@code from..to-1} at all four levels: {@code out[i * 4 + rank - 1]} receives the
     * cell index at that level, or -1. Threads may call this at once on disjoint ranges.
     */
    public void locateAll(double[] lon, double[] lat, int from, int to, int[] out) {
        checkBulk(lon, lat, from, to, out);
        for (int start = from; start < to; start += BATCH) {
            int end = Math.min(to, start + BATCH);
            readStates(lon, lat, start, end, out);
            resolveMixed(lon, lat, start, end, out);
        }
    }

    /**
     * First pass over a batch: the four bucket states of each point (-1 outside the extent). The loads
     * are independent of one another, so the CPU keeps many cache misses in flight at once; mixing
     * them with the point-in-polygon work of the second pass would serialise them.
     */
    private void readStates(double[] lon, double[] lat, int from, int to, int[] out) {
        for (int i = from; i < to; i++) {
            double x = lon[i];
            double y = lat[i];
            int o = i * LEVELS;
            if (!grid.contains(x, y)) {
                out[o] = -1;
                out[o + 1] = -1;
                out[o + 2] = -1;
                out[o + 3] = -1;
                continue;
            }
            int base = grid.bucket(x, y) * LEVELS;
            out[o] = states[base];
            out[o + 1] = states[base + 1];
            out[o + 2] = states[base + 2];
            out[o + 3] = states[base + 3];
        }
    }

    /** Second pass: replaces the states of mixed buckets (below -1) by the exact answer. */
    private void resolveMixed(double[] lon, double[] lat, int from, int to, int[] out) {
        for (int o = from * LEVELS, end = to * LEVELS; o < end; o++) {
            int state = out[o];
            if (state < -1) {
                int i = o / LEVELS;
                out[o] = tables[o % LEVELS].resolve(state, lon[i], lat[i]);
            }
        }
    }

    /** {@link #locateAll(double[], double[], int, int, int[])} for all points, in chunks on the common fork-join pool. */
    public void locateAllParallel(double[] lon, double[] lat, int[] out) {
        checkBulk(lon, lat, 0, lon.length, out);
        int n = lon.length;
        IntStream.range(0, (n + CHUNK - 1) / CHUNK).parallel()
                .forEach(k -> locateAll(lon, lat, k * CHUNK, Math.min(n, (k + 1) * CHUNK), out));
    }

    private static void checkBulk(double[] lon, double[] lat, int from, int to, int[] out) {
        if (lon.length != lat.length) {
            throw new IllegalArgumentException("lon and lat must have the same length, but were " + lon.length
                    + " and " + lat.length);
        }
        if (from < 0 || to > lon.length || from > to) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") is not within 0.." + lon.length);
        }
        if (out.length < (long) to * LEVELS) {
            throw new IllegalArgumentException("out must hold 4 entries per point: need " + (long) to * LEVELS
                    + ", but has " + out.length);
        }
    }

    /** The cell with index {@code index} at {@code level} (indices follow ascending code). */
    public GridCell cell(GridLevel level, int index) {
        return cells[level.rank() - 1][index];
    }

    public int cellCount(GridLevel level) {
        return cells[level.rank() - 1].length;
    }

    /** The bucket grid; for tests that probe bucket edges. */
    BucketGrid grid() {
        return grid;
    }

    /** A one-line summary of the bucket grid and how many buckets are mixed per level, for logs and benchmarks. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("buckets ").append(grid.nx()).append('x').append(grid.ny());
        for (int l = 0; l < LEVELS; l++) {
            sb.append(String.format(Locale.ROOT, "; %s: %d cells, %.1f%% mixed (%.2f candidates each)",
                    GridLevel.ofRank(l + 1).id(), cells[l].length, 100.0 * tables[l].mixedCount() / grid.size(),
                    tables[l].candidateCount() / Math.max(1.0, tables[l].mixedCount())));
        }
        return sb.toString();
    }
}
