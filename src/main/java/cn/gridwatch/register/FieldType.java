package cn.gridwatch.register;

/**
 * How a register column's text is read, stored and written back. Values in a {@link RegisterRecord}
 * are {@code String} for {@link #TEXT}, {@link #CODE} and {@link #GRID_CODE}, {@code LocalDate} for
 * {@link #DATE}, {@code Instant} for {@link #TIMESTAMP} and {@code BigDecimal} for {@link #DECIMAL}.
 */
public enum FieldType {
    /** Free text (names, addresses, notes), at most {@link RowParser#MAX_TEXT} characters. */
    TEXT,
    /** An identifier: no spaces, at most 64 characters. */
    CODE,
    /** A grid cell code of 6, 9 or 12 digits, stored in its 12-digit form. */
    GRID_CODE,
    /** An ISO date, {@code 2024-05-01}. */
    DATE,
    /**
     * A moment: ISO with an offset ({@code 2024-05-01T09:30:00+08:00}), or a local date-time
     * ({@code 2024-05-01 09:30}, {@code 2024-05-01T09:30:00}) taken as China Standard Time (UTC+8).
     * Written back with {@code +08:00}.
     */
    TIMESTAMP,
    /** A decimal number. */
    DECIMAL
}
