package cn.gridwatch.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a dispatch run found and did. Per exceeding reading: the pollutants over their threshold,
 * the wind, how many sources lie within the radius and the ranked ones that got a task (weight per
 * {@link UpwindWeight}, the responsible cell and people, the task id and whether this run created
 * it or found it from an earlier run). Immutable.
 */
public record DispatchResult(Map<String, Double> thresholds, double radiusM, int readings, int tasksCreated,
        int tasksExisting, List<Exceedance> exceedances) {

    public record Exceedance(String stationCode, String stationName, Instant at, List<Thresholds.Trigger> triggers,
            Double windFromDeg, Double windSpeed, int sourcesInRadius, List<RankedSource> sources) {
    }

    public record RankedSource(int rank, long sourceId, String code, String name, String category, double distanceM,
            Double bearingDeg, double weight, String gridCode, List<Officer> officers, long taskId, boolean created,
            double lon, double lat) {
    }
}
