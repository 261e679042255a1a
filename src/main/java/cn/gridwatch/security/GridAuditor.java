package cn.gridwatch.security;

import cn.gridwatch.grid.imports.CellChange;
import cn.gridwatch.grid.imports.ImportAudit;
import cn.gridwatch.grid.imports.ImportReport;
import cn.gridwatch.grid.qa.QaRepair;
import cn.gridwatch.grid.qa.RepairAudit;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes grid changes to the audit log inside the grid's own transaction: one {@code grid.import}
 * entry per committed import (file, counts, import id), one {@code grid.cell.replace} per replaced
 * cell (name, parent, valid-from and geometry hash before and after; never the geometry) and one
 * {@code grid.cell.repair} per QA repair. Immutable and thread-safe.
 */
public final class GridAuditor implements ImportAudit, RepairAudit {
    private final AuditLog log;
    private final Actor actor;

    public GridAuditor(AuditLog log, Actor actor) {
        this.log = log;
        this.actor = actor;
    }

    @Override
    public void committed(Connection c, ImportReport r, List<CellChange> changes) throws SQLException {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("file", r.file());
        after.put("format", r.format());
        after.put("level", r.level().id());
        after.put("kind", r.kind().id());
        after.put("sourceCrs", r.sourceCrs());
        after.put("validFrom", r.validFrom());
        after.put("features", r.features());
        after.put("inserted", r.inserted());
        after.put("replaced", r.replaced());
        after.put("unchanged", r.unchanged());
        after.put("repaired", r.repaired());
        after.put("gridVersion", r.gridVersion());
        String importId = String.valueOf(r.importId());
        log.append(c, actor, "grid.import", "grid_import", importId, null, after, null);
        for (CellChange ch : changes) {
            log.append(c, actor, "grid.cell.replace", "grid_cell", ch.code(), ch.before(), ch.after(),
                    "kind " + ch.kind() + ", import " + importId);
        }
    }

    @Override
    public void repaired(Connection c, List<QaRepair> repairs) throws SQLException {
        for (QaRepair r : repairs) {
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("name", r.name());
            before.put("invalidReason", r.invalidReason());
            before.put("areaM2", r.areaBeforeM2());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("name", r.name());
            after.put("areaM2", r.areaAfterM2());
            after.put("validFrom", r.validFrom());
            after.put("action", r.action());
            log.append(c, actor, "grid.cell.repair", "grid_cell", r.code(), before, after, null);
        }
    }
}
