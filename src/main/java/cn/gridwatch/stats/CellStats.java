package cn.gridwatch.stats;

import cn.gridwatch.grid.GridLevel;
import java.util.Map;

/**
 * The statistics of one cell (or of a whole report's rows, as its total) for a period; see
 * {@link StatsService} for the definitions. Ratios are fractions in 0..1 (null when the denominator
 * is 0), times are hours. Immutable.
 *
 * @param code                12-digit code (null for a total over the whole grid)
 * @param shortCode           6/9/12-digit conventional form
 * @param name                the cell's current name (null when no current cell has the code)
 * @param complaints          complaints received in the period
 * @param patrols             patrol records started in the period
 * @param complaintsPerSource complaints ÷ active sources
 */
public record CellStats(
        String code,
        String shortCode,
        String name,
        GridLevel level,
        Sources sources,
        Stations stations,
        int complaints,
        int patrols,
        Coverage coverage,
        Problems problems,
        Double complaintsPerSource) {

    /** Active pollution sources (current register), by category and inspection class. */
    public record Sources(int total, Map<String, Integer> byCategory, Map<String, Integer> byClass) {
    }

    /** Active monitoring points valid on the period's last day, by type. */
    public record Stations(int total, Map<String, Integer> byType) {
    }

    /**
     * Patrol coverage under the level's rule: {@code targets} active sources with a requirement,
     * {@code met} of them patrolled at least the required number of times; {@code rate = met ÷ targets}.
     */
    public record Coverage(int targets, int met, Double rate, Map<TargetClass, TargetCoverage> byTarget) {
    }

    /** Coverage of one target class: patrols required per source, targets, and how many met it. */
    public record TargetCoverage(int required, int targets, int met) {
    }

    /**
     * Problems: {@code open} and {@code overdue} as of the period's end, {@code found} and
     * {@code closed} (of which {@code closedUnfixed}) within it, and the median hours from found to
     * closed of those closed within it.
     */
    public record Problems(int open, int overdue, Double overdueRate, int found, int closed, int closedUnfixed,
            Double medianCloseHours) {
    }
}
