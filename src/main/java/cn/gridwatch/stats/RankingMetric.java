package cn.gridwatch.stats;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What cells can be ranked by, which direction is better, and the decimals values are rounded to
 * before ranking (so cells that show the same value share a rank). Immutable and thread-safe.
 */
public enum RankingMetric {
    /** Patrol coverage (fraction 0..1); higher is better. */
    COVERAGE("coverage", true, 4, s -> s.coverage().rate(), EnumSet.of(StatsPart.COVERAGE)),
    /** Overdue ÷ open problems at the period's end (fraction); lower is better. */
    OVERDUE_RATE("overdue_rate", false, 4, s -> s.problems().overdueRate(), EnumSet.of(StatsPart.PROBLEMS)),
    /** Complaints received ÷ active sources; lower is better. */
    COMPLAINTS_PER_SOURCE("complaints_per_source", false, 4, CellStats::complaintsPerSource,
            EnumSet.of(StatsPart.SOURCES, StatsPart.COMPLAINTS)),
    /** Median hours from found to closed of the problems closed in the period; lower is better. */
    MEDIAN_CLOSE_HOURS("median_close_hours", false, 2, s -> s.problems().medianCloseHours(),
            EnumSet.of(StatsPart.PROBLEMS));

    /** The pseudo-metric that ranks by the change of another metric versus the previous period. */
    public static final String IMPROVEMENT = "improvement";

    private final String id;
    private final boolean higherIsBetter;
    private final int decimals;
    private final Function<CellStats, Double> value;
    private final Set<StatsPart> parts;

    RankingMetric(String id, boolean higherIsBetter, int decimals, Function<CellStats, Double> value,
            Set<StatsPart> parts) {
        this.id = id;
        this.higherIsBetter = higherIsBetter;
        this.decimals = decimals;
        this.value = value;
        this.parts = parts;
    }

    /** The figures this metric is computed from: a ranking runs only their queries. */
    Set<StatsPart> parts() {
        return Collections.unmodifiableSet(parts);
    }

    @JsonValue
    public String id() {
        return id;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The cell's value rounded to this metric's decimals, or null when it has none (e.g. no sources). */
    public Double valueOf(CellStats s) {
        return round(value.apply(s));
    }

    /** {@code v} rounded half up to this metric's decimals; null stays null. */
    public Double round(Double v) {
        if (v == null) {
            return null;
        }
        return java.math.BigDecimal.valueOf(v).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    /** @param name the parameter's name, for the message @throws IllegalArgumentException naming the value */
    public static RankingMetric parse(String name, String text) {
        for (RankingMetric m : values()) {
            if (m.id.equals(text)) {
                return m;
            }
        }
        throw new IllegalArgumentException("query parameter '" + name + "' must be one of "
                + Arrays.stream(values()).map(RankingMetric::id).collect(Collectors.joining(", "))
                + (name.equals("metric") ? ", " + IMPROVEMENT : "") + ", but was: '" + text + "'");
    }
}
