package cn.gridwatch.register;

/** A register's own check of one parsed row (a credit code's check digit, an end after a start...). */
@FunctionalInterface
public interface RowRule {
    /** Adds a rejection to {@code out} for each thing wrong with {@code r}. */
    void check(RegisterRecord r, Rejections out);
}
