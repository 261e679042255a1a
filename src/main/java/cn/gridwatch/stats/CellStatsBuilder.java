package cn.gridwatch.stats;

import cn.gridwatch.grid.AdminCode;
import cn.gridwatch.grid.GridLevel;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the figures of one row of a report as the set-based queries deliver them, then builds
 * the immutable {@link CellStats}. Counts add up ({@link #add}); the median close time cannot, so
 * the total's comes from its own SQL grouping set. Not thread-safe.
 */
final class CellStatsBuilder {
    private final String code;
    private final GridLevel level;
    private String name;
    private final Map<String, Integer> categories = zeros(Vocabulary.SOURCE_CATEGORIES);
    private final Map<String, Integer> classes = zeros(Vocabulary.SOURCE_CLASSES);
    private final Map<String, Integer> stationTypes = zeros(Vocabulary.STATION_TYPES);
    private final Map<TargetClass, int[]> coverage = new EnumMap<>(TargetClass.class);
    private int sources;
    private int stations;
    private int complaints;
    private int patrols;
    private int open;
    private int overdue;
    private int found;
    private int closed;
    private int closedUnfixed;
    private Double medianCloseHours;

    CellStatsBuilder(String code, GridLevel level, String name) {
        this.code = code;
        this.level = level;
        this.name = name;
    }

    void name(String n) {
        this.name = n;
    }

    void sources(String category, String inspectionClass, int n) {
        sources += n;
        categories.merge(category, n, Integer::sum);
        classes.merge(inspectionClass, n, Integer::sum);
    }

    void stations(String type, int n) {
        stations += n;
        stationTypes.merge(type, n, Integer::sum);
    }

    void complaints(int n) {
        complaints += n;
    }

    void patrols(int n) {
        patrols += n;
    }

    /** {@code targets} sources of class {@code target}, {@code met} of them patrolled often enough. */
    void coverage(TargetClass target, int targets, int met) {
        int[] tm = coverage.computeIfAbsent(target, t -> new int[2]);
        tm[0] += targets;
        tm[1] += met;
    }

    void problems(int openAtEnd, int overdueAtEnd, int foundIn, int closedIn, int closedUnfixedIn, Double median) {
        open += openAtEnd;
        overdue += overdueAtEnd;
        found += foundIn;
        closed += closedIn;
        closedUnfixed += closedUnfixedIn;
        medianCloseHours = median;
    }

    void medianCloseHours(Double median) {
        medianCloseHours = median;
    }

    /** Adds the counts of {@code o} (not its median). */
    void add(CellStatsBuilder o) {
        o.categories.forEach((k, v) -> categories.merge(k, v, Integer::sum));
        o.classes.forEach((k, v) -> classes.merge(k, v, Integer::sum));
        o.stationTypes.forEach((k, v) -> stationTypes.merge(k, v, Integer::sum));
        o.coverage.forEach((t, tm) -> coverage(t, tm[0], tm[1]));
        sources += o.sources;
        stations += o.stations;
        complaints += o.complaints;
        patrols += o.patrols;
        open += o.open;
        overdue += o.overdue;
        found += o.found;
        closed += o.closed;
        closedUnfixed += o.closedUnfixed;
    }

    /** @param required patrols required per target class; classes absent here are not targets */
    CellStats build(Map<TargetClass, Integer> required) {
        Map<TargetClass, CellStats.TargetCoverage> byTarget = new EnumMap<>(TargetClass.class);
        int targets = 0;
        int met = 0;
        for (Map.Entry<TargetClass, Integer> r : required.entrySet()) {
            int[] tm = coverage.getOrDefault(r.getKey(), new int[2]);
            byTarget.put(r.getKey(), new CellStats.TargetCoverage(r.getValue(), tm[0], tm[1]));
            targets += tm[0];
            met += tm[1];
        }
        CellStats.Coverage cov = new CellStats.Coverage(targets, met, ratio(met, targets),
                Collections.unmodifiableMap(byTarget));
        CellStats.Problems pr = new CellStats.Problems(open, overdue, ratio(overdue, open), found, closed,
                closedUnfixed, medianCloseHours);
        return new CellStats(code, code == null ? null : AdminCode.shortForm(code), name, level,
                new CellStats.Sources(sources, frozen(categories), frozen(classes)),
                new CellStats.Stations(stations, frozen(stationTypes)), complaints, patrols, cov, pr,
                ratio(complaints, sources));
    }

    private static Double ratio(int numerator, int denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }

    private static Map<String, Integer> frozen(Map<String, Integer> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    private static Map<String, Integer> zeros(List<String> keys) {
        Map<String, Integer> m = new LinkedHashMap<>();
        keys.forEach(k -> m.put(k, 0));
        return m;
    }
}
