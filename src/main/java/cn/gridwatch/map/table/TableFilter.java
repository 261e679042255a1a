package cn.gridwatch.map.table;

import cn.gridwatch.map.TableLayer;
import cn.gridwatch.map.TimeRange;
import java.time.Clock;

/**
 * What a viewer asks of a register layer beyond the area: a time range (null: the layer's default
 * window; {@link TimeRange#isAll()}: no time filter) and the jurisdiction, as the code prefix of
 * the viewer's scope ("" for everything). Immutable.
 */
public record TableFilter(TimeRange time, String scopePrefix) {
    public static final TableFilter ALL = new TableFilter(new TimeRange(null, null), "");

    public TableFilter {
        if (scopePrefix == null || !scopePrefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("a scope prefix is digits only, but was: '" + scopePrefix + "'");
        }
    }

    /** The time range to apply to {@code table}: none for untimed tables, the default window when none was asked. */
    TimeRange effectiveTime(TableLayer table, Clock clock) {
        if (!table.timed()) {
            return null;
        }
        if (time == null) {
            return TimeRange.lastDays(table.defaultDays(), clock);
        }
        return time.isAll() ? null : time;
    }
}
