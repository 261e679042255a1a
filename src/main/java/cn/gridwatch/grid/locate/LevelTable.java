package cn.gridwatch.grid.locate;

/**
 * The answer table of one grid level over a {@link BucketGrid}. Each bucket has a state:
 * {@code >= 0} the index of the one cell that answers for every point of the bucket ("full"),
 * {@code -1} no cell ("empty"), {@code <= -2} a "mixed" bucket {@code m = -state - 2} whose
 * candidates {@code mixCells[mixStart[m] .. mixStart[m + 1])} are tried in order. Candidates are in
 * ascending cell index (= ascending code), so the first one that covers the point is the answer; a
 * candidate stored as {@code ~c} (negative) is a cell proved at build time to cover the whole
 * bucket, so it answers without a test.
 *
 * <p>The bucket states themselves are kept by {@link GridIndex}, interleaved for the four levels so
 * that one cache line serves all of them. Immutable; {@link #resolve} allocates nothing and is
 * thread-safe.
 */
final class LevelTable {
    private final LevelShapes shapes;
    private final int[] mixStart;
    private final int[] mixCells;

    LevelTable(LevelShapes shapes, int[] mixStart, int[] mixCells) {
        this.shapes = shapes;
        this.mixStart = mixStart;
        this.mixCells = mixCells;
    }

    /** Cell index answering for (x, y) given its bucket's state, or -1 when no cell covers it. */
    int resolve(int state, double x, double y) {
        if (state >= -1) {
            return state;
        }
        int m = -state - 2;
        for (int k = mixStart[m], end = mixStart[m + 1]; k < end; k++) {
            int c = mixCells[k];
            if (c < 0) {
                return ~c;
            }
            if (shapes.covers(c, x, y)) {
                return c;
            }
        }
        return -1;
    }

    /** Number of mixed buckets. */
    int mixedCount() {
        return mixStart.length - 1;
    }

    /** Number of candidate entries over all mixed buckets. */
    int candidateCount() {
        return mixCells.length;
    }
}
