package cn.gridwatch.stats;

import cn.gridwatch.grid.GridLevel;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of a report being filled in by the queries: one {@link CellStatsBuilder} per 12-digit cell
 * code (kept in code order), and the total. A code that no current cell has still gets a row (name
 * null), so the rows always add up to the total. Not thread-safe.
 */
final class StatsTable {
    private final GridLevel level;
    private final Map<String, CellStatsBuilder> rows = new TreeMap<>();
    private final CellStatsBuilder total;

    StatsTable(GridLevel level, CellStatsBuilder total) {
        this.level = level;
        this.total = total;
    }

    /** The row of {@code code}, created when missing. */
    CellStatsBuilder row(String code) {
        return rows.computeIfAbsent(code, c -> new CellStatsBuilder(c, level, null));
    }

    CellStatsBuilder total() {
        return total;
    }

    Collection<CellStatsBuilder> rows() {
        return rows.values();
    }
}
