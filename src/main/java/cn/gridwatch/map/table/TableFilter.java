package cn.gridwatch.map.table;

import cn.gridwatch.map.TableLayer;
import cn.gridwatch.map.TimeRange;
import cn.gridwatch.security.AccessPolicy;
import cn.gridwatch.security.Principal;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a viewer asks of a register layer beyond the area: a time range (null: the layer's default
 * window; {@link TimeRange#isAll()}: no time filter), the jurisdiction, as the code prefix of
 * the viewer's scope ("" for everything), vendor parameters by lower-case name (e.g. {@code plan},
 * {@code level}; a layer uses those it declares and ignores the rest) and who the viewer is, for
 * layers whose rows only some users may see (plans). Immutable.
 */
public record TableFilter(TimeRange time, String scopePrefix, Map<String, String> params, Viewer viewer) {
    public static final TableFilter ALL = new TableFilter(new TimeRange(null, null), "", Map.of(), Viewer.PRIVILEGED);

    /**
     * Who looks: user name and id, and whether they see every row of restricted layers (planners and
     * administrators see every plan, as {@link AccessPolicy#canSeePlan}).
     */
    public record Viewer(String username, Long userId, boolean privileged) {
        /** Sees everything (internal reads: extents for capabilities, tests). */
        public static final Viewer PRIVILEGED = new Viewer(null, null, true);
        /** Nobody known: restricted rows are hidden. */
        public static final Viewer NOBODY = new Viewer(null, null, false);

        public static Viewer of(Principal p) {
            return new Viewer(p.username(), p.user().id(), AccessPolicy.mayPlan(p.role()));
        }

        /** What tells one viewer's view of restricted rows from another's (for cache keys). */
        public String key() {
            return privileged ? "*" : "u" + userId;
        }
    }

    public TableFilter {
        if (scopePrefix == null || !scopePrefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("a scope prefix is digits only, but was: '" + scopePrefix + "'");
        }
        TreeMap<String, String> p = new TreeMap<>();
        params.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                p.put(k.toLowerCase(Locale.ROOT), v.trim());
            }
        });
        params = java.util.Collections.unmodifiableMap(p);
        viewer = viewer == null ? Viewer.NOBODY : viewer;
    }

    /** No vendor parameters, a viewer who sees no restricted rows. */
    public TableFilter(TimeRange time, String scopePrefix) {
        this(time, scopePrefix, Map.of(), Viewer.NOBODY);
    }

    /** The time range to apply to {@code table}: none for untimed tables, the default window when none was asked. */
    TimeRange effectiveTime(TableLayer table, Clock clock) {
        if (!table.timed()) {
            return null;
        }
        if (time == null) {
            return table.allTimesByDefault() ? null : TimeRange.lastDays(table.defaultDays(), clock);
        }
        return time.isAll() ? null : time;
    }

    /** The parsed value of each vendor parameter {@code table} declares that applies (given, or its default). */
    public Map<String, Object> paramValues(TableLayer table) {
        Map<String, Object> out = new TreeMap<>();
        table.params().forEach((name, p) -> {
            String given = params.get(name);
            Object v = given != null ? p.value(given) : p.defaultValue();
            if (v != null) {
                out.put(name, v);
            }
        });
        return out;
    }
}
