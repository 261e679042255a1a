package cn.gridwatch.register;

import cn.gridwatch.security.Scope;
import java.time.LocalDate;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * A register list or export request, checked at the HTTP edge: the caller's jurisdiction, an optional
 * grid subtree (12-digit code), bbox (EPSG:4490), date range (inclusive days, China Standard Time),
 * equality filters by query parameter, and paging ({@code limit} null for an export). Immutable.
 */
public record ListQuery(Scope scope, String grid, Envelope bbox, LocalDate from, LocalDate to,
        Map<String, String> filters, Integer limit, int offset) {
}
