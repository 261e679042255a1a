package cn.gridwatch.dispatch;

/**
 * A person on duty for a grid cell: name, phone, duty ({@code grid_officer} or {@code grid_chief})
 * and the cell's 12-digit code. Immutable.
 */
public record Officer(String name, String phone, String duty, String gridCode) {
}
