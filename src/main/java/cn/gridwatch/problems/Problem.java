package cn.gridwatch.problems;

import java.time.Instant;

/**
 * A problem as read: {@code overdue} is computed by the reading query (deadline passed and not
 * closed), never stored. Point in EPSG:4490 (x = lon, y = lat); codes are the 12-digit cell codes
 * of its four levels. Immutable.
 */
public record Problem(
        long id,
        String code,
        String title,
        String description,
        ProblemOrigin origin,
        Long originId,
        Long sourceId,
        String sourceCode,
        ProblemStatus status,
        Instant foundAt,
        Instant deadline,
        boolean overdue,
        String assignee,
        Instant closedAt,
        String closeReason,
        String createdBy,
        double lon,
        double lat,
        String cityCode,
        String countyCode,
        String townshipCode,
        String villageCode) {
}
