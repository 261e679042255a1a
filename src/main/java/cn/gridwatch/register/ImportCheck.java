package cn.gridwatch.register;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A register's own check across the rows of a file and the database (a control meter's production
 * meter must exist on the same source, ...). Runs inside the import's transaction, after references
 * are resolved and before anything is written.
 */
@FunctionalInterface
public interface ImportCheck {
    /** Adds a rejection to {@code out} for each row that fails. */
    void check(Connection c, List<RegisterRecord> rows, Rejections out) throws SQLException;
}
