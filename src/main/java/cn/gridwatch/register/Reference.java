package cn.gridwatch.register;

/**
 * A register column that names a row of another register or the grid, checked on import.
 *
 * @param name the column, e.g. {@code source_code}
 * @param kind what it names and how it is stored
 * @param required whether the column must have a value
 */
public record Reference(String name, Kind kind, boolean required) {
    /** What a reference names. */
    public enum Kind {
        /** A pollution source by code, stored as {@code source_id}. */
        SOURCE,
        /** Pollution sources by code separated by {@code ;}, stored in {@code patrol_source}. */
        SOURCES,
        /** A current monitoring point by code (stored as the code). */
        STATION,
        /** A current admin grid cell of any level (stored as its 12-digit code). */
        GRID_CELL,
        /** A current admin grid cell of the county level (stored as its 12-digit code). */
        COUNTY_CELL
    }
}
