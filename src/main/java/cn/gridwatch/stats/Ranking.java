package cn.gridwatch.stats;

import cn.gridwatch.grid.GridLevel;
import java.time.LocalDate;
import java.util.List;

/**
 * A ranked table of the cells of one level (within a parent) for a period, compared with the period of
 * the same length just before it. Immutable.
 *
 * @param level        level of the ranked cells
 * @param parent       the cell they lie in (whole grid: code null)
 * @param metric       what {@code value} is
 * @param rankedBy     {@code value}, or {@code improvement} (the change in the better direction)
 * @param better       {@code higher} or {@code lower}: which values of {@code metric} are better
 * @param previousFrom first day of the previous period
 * @param previousTo   its end (exclusive): {@code from}
 * @param items        ranked rows first (rank 1 is best), then the cells without a value (rank null), by code
 */
public record Ranking(
        GridLevel level,
        StatsReport.Root parent,
        RankingMetric metric,
        String rankedBy,
        String better,
        LocalDate from,
        LocalDate to,
        LocalDate previousFrom,
        LocalDate previousTo,
        List<Row> items) {

    /**
     * One ranked cell. {@code rank}: standard competition ranking (1, 2, 2, 4) on the rounded ranking
     * key; null when the cell has no value to rank by. {@code change = value - previous};
     * {@code improvement} is the change in the better direction (positive means better).
     */
    public record Row(Integer rank, String code, String shortCode, String name, Double value, Double previous,
            Double change, Double improvement) {
    }
}
