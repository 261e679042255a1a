package cn.gridwatch.register;

import java.util.List;

/**
 * One page of a register list, as every list endpoint answers it:
 * {@code {"total": N, "limit": L, "offset": O, "items": [...]}}; {@code total} counts every match,
 * not just this page. Immutable.
 */
public record ListPage<T>(long total, int limit, int offset, List<T> items) {
    public ListPage {
        items = List.copyOf(items);
    }
}
