package cn.gridwatch.stats;

import cn.gridwatch.grid.GridLevel;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Statistics of every cell of one level under a root for a period, plus their total. Immutable.
 *
 * @param level    the level of the rows
 * @param root     the cell the rows lie in ({@code code} null: the whole grid)
 * @param from     first day (inclusive)
 * @param to       first day after the period (exclusive)
 * @param days     length of the period in days
 * @param rule     the level's patrol rule, class → "times/days"
 * @param required patrols required per source over the period, per target class (classes that are
 *                 not targets are absent)
 * @param total    the rows added up (the median close time is over all their problems)
 * @param cells    one row per cell, by code
 */
public record StatsReport(
        GridLevel level,
        Root root,
        LocalDate from,
        LocalDate to,
        int days,
        Map<String, String> rule,
        Map<TargetClass, Integer> required,
        CellStats total,
        List<CellStats> cells) {

    /** The root cell of a report; all fields null except {@code name} for the whole grid. */
    public record Root(String code, String shortCode, String name, GridLevel level) {
        public static final Root WHOLE_GRID = new Root(null, null, "all", null);
    }
}
