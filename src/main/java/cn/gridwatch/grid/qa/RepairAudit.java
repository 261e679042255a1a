package cn.gridwatch.grid.qa;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Told about QA repairs inside their transaction, so the audit entries commit with them. */
@FunctionalInterface
public interface RepairAudit {
    RepairAudit NONE = (c, repairs) -> { };

    void repaired(Connection c, List<QaRepair> repairs) throws SQLException;
}
