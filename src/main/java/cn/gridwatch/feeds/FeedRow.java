package cn.gridwatch.feeds;

import java.util.Map;

/**
 * One row of a feed: its position (CSV line or JSON array position, 1-based) and its values by
 * lower-case column name (null where empty or absent). Immutable.
 */
public record FeedRow(int row, Map<String, String> values) {

    /** The trimmed value of {@code column}, or null when absent or blank. */
    public String get(String column) {
        String v = values.get(column);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** What is wrong with the row's shape (not a JSON object, more CSV fields than the header), or null. */
    public String shapeProblem() {
        if (values.containsKey("#notobject")) {
            return "must be a JSON object, but was: " + values.get("#notobject");
        }
        if (values.containsKey("#extra")) {
            return "has " + values.get("#extra") + " more field(s) than the header";
        }
        return null;
    }
}
