package cn.gridwatch.register;

/**
 * Why one row of a register file was refused: the row number (as the format counts rows), the
 * column (null when it is about the whole row), the value as read and the reason. Immutable.
 */
public record Rejection(int row, String column, String value, String reason) {
}
