package cn.gridwatch.grid.imports;

import java.time.LocalDate;

/**
 * A summary of one replaced cell for the audit log: what identified the version before and after,
 * without the geometry itself (its hash stands for it). Immutable.
 */
public record CellChange(String code, String kind, Version before, Version after) {

    /** The audit-relevant fields of one version. */
    public record Version(String name, String parentCode, LocalDate validFrom, String geomHash) {
    }
}
