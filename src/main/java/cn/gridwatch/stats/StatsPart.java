package cn.gridwatch.stats;

/**
 * The groups of figures of a report, one set-based query each; a ranking computes only the ones its
 * metric needs ({@link RankingMetric#parts()}). Immutable.
 */
enum StatsPart {
    SOURCES, STATIONS, COMPLAINTS, PATROLS, COVERAGE, PROBLEMS
}
