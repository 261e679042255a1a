package cn.gridwatch.grid.imports;

/** How an import ended. */
public enum ImportStatus {
    /** Written in one transaction (possibly with nothing changed). */
    COMMITTED,
    /** At least one feature was refused; nothing was written. */
    REJECTED,
    /** Validated only, as asked; nothing was written. */
    DRY_RUN
}
