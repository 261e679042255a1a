package cn.gridwatch.problems;

import cn.gridwatch.register.GridSubtree;
import java.time.Instant;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * Filters of the problem list; every field may be null (no filter). {@code scope} is the caller's
 * jurisdiction and {@code grid} the asked-for subtree; both apply. {@code from}/{@code to} bound
 * {@code found_at} ({@code to} exclusive). Immutable.
 */
public record ProblemQuery(
        GridSubtree scope,
        GridSubtree grid,
        List<ProblemStatus> statuses,
        Boolean overdue,
        ProblemOrigin origin,
        Instant from,
        Instant to,
        Envelope bbox,
        int limit,
        int offset) {

    public static final int MAX_LIMIT = 1000;

    public ProblemQuery {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("query parameter 'limit' must be in 1.." + MAX_LIMIT + ", but was: " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("query parameter 'offset' must be >= 0, but was: " + offset);
        }
        if (from != null && to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("query parameter 'to' must be after 'from'");
        }
    }
}
