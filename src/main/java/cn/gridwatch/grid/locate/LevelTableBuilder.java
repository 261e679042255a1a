package cn.gridwatch.grid.locate;

import java.util.Arrays;

/**
 * Classifies every bucket of a {@link BucketGrid} for one level's cells (given in ascending code
 * order), producing the bucket states and a {@link LevelTable}.
 *
 * <p>Algorithm (a conservative rasterisation, no tolerance in the answers):
 * <ol>
 * <li>Cells are processed in ascending index. Each boundary edge marks every bucket whose widened
 *     rectangle it may meet (per column, the y-range of the edge inside the column, widened by two
 *     slacks): the cell is "touching" those buckets.
 * <li>In each row of the cell's envelope, a run of consecutive unmarked buckets is a connected set
 *     that no boundary meets, so it lies wholly inside or wholly outside the cell: one exact test at
 *     the first bucket's centre decides the run. Buckets wholly inside get the cell as their "first
 *     interior" cell, unless a lower-coded cell already claimed them.
 * <li>A touching cell is recorded as a candidate of a bucket only while the bucket has no first
 *     interior cell yet (a later, higher-coded cell can never win there).
 * </ol>
 * A bucket with a first interior cell and no candidate is "full"; with candidates it is "mixed"
 * (candidates, then the interior cell as the final, untested answer); with neither it is "empty".
 *
 * <p>Not thread-safe; use one builder per level, once.
 */
final class LevelTableBuilder {
    private final BucketGrid grid;
    private final CellShape[] shapes;
    private final int[] stamp;
    private final int[] firstInterior;
    private final int[] head;
    private int[] next = new int[1024];
    private int[] candidate = new int[1024];
    private int entries;
    private int[] touched = new int[256];
    private int touchedCount;
    private int currentStamp;

    LevelTableBuilder(BucketGrid grid, CellShape[] shapes) {
        this.grid = grid;
        this.shapes = shapes;
        int n = grid.size();
        stamp = new int[n];
        firstInterior = new int[n];
        head = new int[n];
        Arrays.fill(firstInterior, -1);
        Arrays.fill(head, -1);
    }

    /** The result: bucket states (see {@link LevelTable}) and the table resolving mixed buckets. */
    record Result(int[] states, LevelTable table) {
    }

    Result build() {
        for (int c = 0; c < shapes.length; c++) {
            addCell(c);
        }
        return flatten();
    }

    private void addCell(int c) {
        currentStamp = c + 1;
        touchedCount = 0;
        CellShape shape = shapes[c];
        for (PolygonalShape part : shape.parts()) {
            part.forEachEdge(this::markEdge);
        }
        for (int t = 0; t < touchedCount; t++) {
            int b = touched[t];
            if (firstInterior[b] < 0) {
                append(b, c);
            }
        }
        for (PolygonalShape part : shape.parts()) {
            fillInterior(c, shape, part);
        }
    }

    private void markEdge(double x1, double y1, double x2, double y2) {
        double mx = 2 * grid.slackX();
        double my = 2 * grid.slackY();
        double lox = Math.min(x1, x2);
        double hix = Math.max(x1, x2);
        int i0 = grid.col(lox - mx);
        int i1 = grid.col(hix + mx);
        if (i0 == i1 || x1 == x2) {
            markColumns(i0, i1, Math.min(y1, y2) - my, Math.max(y1, y2) + my);
            return;
        }
        double slope = (y2 - y1) / (x2 - x1);
        double sx = grid.slackX();
        for (int i = i0; i <= i1; i++) {
            double a = Math.max(lox, grid.colMin(i) - sx);
            double b = Math.min(hix, grid.colMin(i + 1) + sx);
            double ya = y1 + (a - x1) * slope;
            double yb = y1 + (b - x1) * slope;
            markColumns(i, i, Math.min(ya, yb) - my, Math.max(ya, yb) + my);
        }
    }

    private void markColumns(int i0, int i1, double ylo, double yhi) {
        int j0 = grid.row(ylo);
        int j1 = grid.row(yhi);
        int nx = grid.nx();
        for (int j = j0; j <= j1; j++) {
            for (int i = i0; i <= i1; i++) {
                int b = j * nx + i;
                if (stamp[b] != currentStamp) {
                    stamp[b] = currentStamp;
                    if (touchedCount == touched.length) {
                        touched = Arrays.copyOf(touched, touchedCount * 2);
                    }
                    touched[touchedCount++] = b;
                }
            }
        }
    }

    private void fillInterior(int c, CellShape shape, PolygonalShape part) {
        int nx = grid.nx();
        int i0 = grid.col(part.minX());
        int i1 = grid.col(part.maxX());
        for (int j = grid.row(part.minY()), j1 = grid.row(part.maxY()); j <= j1; j++) {
            double cy = grid.rowMin(j) + grid.cellH() / 2;
            int i = i0;
            while (i <= i1) {
                if (stamp[j * nx + i] == currentStamp) {
                    i++;
                    continue;
                }
                int runStart = i;
                boolean unclaimed = false;
                while (i <= i1 && stamp[j * nx + i] != currentStamp) {
                    unclaimed |= firstInterior[j * nx + i] < 0;
                    i++;
                }
                if (unclaimed && shape.covers(grid.colMin(runStart) + grid.cellW() / 2, cy)) {
                    for (int k = runStart; k < i; k++) {
                        if (firstInterior[j * nx + k] < 0) {
                            firstInterior[j * nx + k] = c;
                        }
                    }
                }
            }
        }
    }

    private void append(int bucket, int cell) {
        if (entries == next.length) {
            next = Arrays.copyOf(next, entries * 2);
            candidate = Arrays.copyOf(candidate, entries * 2);
        }
        candidate[entries] = cell;
        next[entries] = head[bucket];
        head[bucket] = entries++;
    }

    private Result flatten() {
        int n = grid.size();
        int[] states = new int[n];
        int mixed = 0;
        int total = 0;
        for (int b = 0; b < n; b++) {
            if (head[b] >= 0) {
                mixed++;
                for (int e = head[b]; e >= 0; e = next[e]) {
                    total++;
                }
                total += firstInterior[b] >= 0 ? 1 : 0;
            }
        }
        int[] mixStart = new int[mixed + 1];
        int[] mixCells = new int[total];
        int m = 0;
        int pos = 0;
        for (int b = 0; b < n; b++) {
            if (head[b] < 0) {
                states[b] = firstInterior[b];
                continue;
            }
            int count = 0;
            for (int e = head[b]; e >= 0; e = next[e]) {
                count++;
            }
            int k = pos + count; // the list was built by prepending: write it back to front
            for (int e = head[b]; e >= 0; e = next[e]) {
                mixCells[--k] = candidate[e];
            }
            pos += count;
            if (firstInterior[b] >= 0) {
                mixCells[pos++] = ~firstInterior[b];
            }
            states[b] = -(m + 2);
            mixStart[++m] = pos;
        }
        return new Result(states, new LevelTable(new LevelShapes(shapes), mixStart, mixCells));
    }
}
