package cn.gridwatch.register;

import java.util.Map;

/**
 * One row of a register file as text: its number (CSV line, GeoJSON feature number or sheet row,
 * as {@link RegisterFormat#rowWord()} says) and its values by column name, null for empty cells.
 * Immutable.
 */
public record SourceRow(int number, Map<String, String> values) {
    public String get(String column) {
        return values.get(column);
    }
}
