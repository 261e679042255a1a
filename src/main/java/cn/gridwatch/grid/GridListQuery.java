package cn.gridwatch.grid;

import java.time.LocalDate;
import org.locationtech.jts.geom.Envelope;

/**
 * Filters for listing cells; {@code null} means "any" ({@code date} null means current versions).
 * {@code bbox} is in EPSG:4490, x = longitude, y = latitude; cells whose bounding box intersects it
 * are listed. {@code codePrefix} (null or "" for any) keeps only codes that start with it: an
 * officer's jurisdiction. Results are ordered by code. Immutable.
 */
public record GridListQuery(GridLevel level, String parentCode, GridKind kind, LocalDate date,
                            Envelope bbox, int limit, int offset, String codePrefix) {
    public GridListQuery {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be in 1..10000, but was: " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, but was: " + offset);
        }
        if (codePrefix != null && !codePrefix.matches("\\d*")) {
            throw new IllegalArgumentException("code prefix must be digits, but was: '" + codePrefix + "'");
        }
        codePrefix = codePrefix == null || codePrefix.isEmpty() ? null : codePrefix;
    }
}
