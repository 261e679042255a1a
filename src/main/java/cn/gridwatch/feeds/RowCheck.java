package cn.gridwatch.feeds;

import java.time.Instant;
import java.util.List;

/**
 * Reads typed values from one {@link FeedRow}, adding a {@link RowError} naming the row, column and
 * value for each bad one instead of stopping, so a report lists every problem of a file at once.
 * Not thread-safe; one per row.
 */
public final class RowCheck {
    private final FeedRow row;
    private final List<RowError> errors;
    private boolean ok = true;

    public RowCheck(FeedRow row, List<RowError> errors) {
        this.row = row;
        this.errors = errors;
        String shape = row.shapeProblem();
        if (shape != null) {
            fail(null, null, shape);
        }
    }

    /** True when no value of this row was refused so far. */
    public boolean ok() {
        return ok;
    }

    public int row() {
        return row.row();
    }

    /** Records an error for this row. */
    public void fail(String column, String value, String message) {
        ok = false;
        errors.add(new RowError(row.row(), column, value, message));
    }

    public String text(String column) {
        String v = row.get(column);
        if (v == null) {
            fail(column, null, "is required");
        }
        return v;
    }

    public Instant time(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        try {
            return ChinaTime.parse(column, v);
        } catch (IllegalArgumentException e) {
            fail(column, v, e.getMessage());
            return null;
        }
    }

    /** A finite number {@code >= min} and, when {@code maxExclusive} is not null, below it; null when absent and optional. */
    public Double number(String column, boolean required, double min, Double maxExclusive) {
        String v = required ? text(column) : row.get(column);
        if (v == null) {
            return null;
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            fail(column, v, "must be a number");
            return null;
        }
        if (!Double.isFinite(d) || d < min || (maxExclusive != null && d >= maxExclusive)) {
            fail(column, v, "must be a number in [" + fmt(min) + ", " + (maxExclusive == null ? "∞" : fmt(maxExclusive))
                    + ")");
            return null;
        }
        return d;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
