package cn.gridwatch.dispatch;

import java.time.Instant;
import java.util.List;

/**
 * A patrol task as listed: why, for which station reading and source, the responsible cell and
 * people, the dispatch weight, status. Point and codes are the source's (EPSG:4490; null for a task
 * without a source). Immutable.
 */
public record PatrolTask(long id, Instant createdAt, String reason, String stationCode, Instant readingAt,
        Long sourceId, String sourceCode, String sourceName, String gridCode, Double weight, String status,
        String createdBy, List<Officer> assignees, Double lon, Double lat, String cityCode, String countyCode,
        String townshipCode, String villageCode) {
}
