package cn.gridwatch.dispatch;

import cn.gridwatch.register.GridSubtree;
import java.time.Instant;
import org.locationtech.jts.geom.Envelope;

/**
 * Filters of the patrol-task list (null: no filter). {@code scope} (the caller's jurisdiction) and
 * {@code grid} apply to the source's cells; {@code from}/{@code to} bound the reading hour
 * ({@code to} exclusive). Immutable.
 */
public record PatrolTaskQuery(GridSubtree scope, GridSubtree grid, String status, String station, Instant from,
        Instant to, Envelope bbox, int limit, int offset) {
    public static final int MAX_LIMIT = 1000;

    public PatrolTaskQuery {
        if (status != null && !status.equals("open") && !status.equals("done") && !status.equals("cancelled")) {
            throw new IllegalArgumentException("query parameter 'status' must be open, done or cancelled, but was: '"
                    + status + "'");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("query parameter 'limit' must be in 1.." + MAX_LIMIT + ", but was: " + limit);
        }
    }
}
