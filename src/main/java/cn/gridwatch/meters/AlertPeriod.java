package cn.gridwatch.meters;

import java.time.Instant;

/**
 * A run of consecutive flagged 15-minute intervals: {@code start} is the first interval's start,
 * {@code end} the last one's end (exclusive); {@code minRatio} the lowest control/production kW
 * ratio in it; {@code meanProductionKw} the production meter's mean kW over it. Immutable.
 */
public record AlertPeriod(Instant start, Instant end, int intervals, double minRatio, double meanProductionKw) {
}
