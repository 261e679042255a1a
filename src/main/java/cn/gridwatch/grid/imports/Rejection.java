package cn.gridwatch.grid.imports;

/**
 * Why a feature was refused. {@code feature} is the 1-based feature number, or the CSV line
 * number; {@code code} is the code as read (may be null). Immutable.
 */
public record Rejection(int feature, String code, String reason) {
}
