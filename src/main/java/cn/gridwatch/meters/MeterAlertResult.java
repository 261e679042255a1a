package cn.gridwatch.meters;

import java.time.Instant;
import java.util.List;

/**
 * What a meter-alert run found: how many pairs it checked, the pairs it could not check and why,
 * and every flagged period with the problem it is tracked as ({@code status}: {@code created} by
 * this run, {@code existing} from an earlier run, or {@code widened}: an earlier alert that grew).
 * Immutable.
 */
public record MeterAlertResult(AlertSettings settings, int pairsChecked, List<Skipped> skipped, List<Alert> alerts) {

    public record Skipped(String sourceCode, String productionMeter, String controlMeter, String reason) {
    }

    public record Alert(long alertId, String status, Long problemId, String problemCode, String sourceCode,
            String sourceName, String productionMeter, String controlMeter, Instant start, Instant end, int intervals,
            double minRatio, double normalRatio, double runThresholdKw) {
    }
}
