package cn.gridwatch.grid.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Told about a committed import inside the import's transaction, so what it records (the audit log)
 * commits or rolls back with the grid change itself.
 */
@FunctionalInterface
public interface ImportAudit {
    ImportAudit NONE = (c, report, changes) -> { };

    /** {@code changes}: one entry per replaced cell, with name, parent and geometry hash before and after. */
    void committed(Connection c, ImportReport report, List<CellChange> changes) throws SQLException;
}
