package cn.gridwatch.feeds;

/**
 * Why one row of a feed was refused. Immutable.
 *
 * @param row     the CSV line the row starts on, or the 1-based position in a JSON array
 * @param field   the column at fault, or null when the row as a whole is
 * @param value   the offending value as given, or null
 * @param message what is wrong, e.g. "must be on a 15-minute boundary"
 */
public record RowError(int row, String field, String value, String message) {
}
