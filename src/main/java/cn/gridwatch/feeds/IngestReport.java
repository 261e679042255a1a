package cn.gridwatch.feeds;

import java.util.List;

/**
 * The outcome of ingesting a feed. {@code committed} is true when every row was good and all of
 * them were written; otherwise nothing was written and {@code errors} lists every bad row. Counts
 * split the written rows into new, changed and identical to what was stored. Immutable.
 */
public record IngestReport(boolean committed, int rows, int inserted, int updated, int unchanged,
        List<RowError> errors) {

    public static IngestReport rejected(int rows, List<RowError> errors) {
        return new IngestReport(false, rows, 0, 0, 0, List.copyOf(errors));
    }

    public static IngestReport committed(int rows, int inserted, int updated, int unchanged) {
        return new IngestReport(true, rows, inserted, updated, unchanged, List.of());
    }
}
