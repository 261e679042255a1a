package cn.gridwatch.routing.plan;

import cn.gridwatch.grid.GridLevel;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How often a source must be patrolled, by the level of the patrolling grid and the source's
 * inspection class (DOMAIN.md section 1): city and county grids patrol special and key sources
 * weekly (general sources are not theirs); township grids key and special sources twice a week
 * (at most 3 days apart) and the others every half month (15 days); village grids everything every
 * 2 days. A source is due on a day when it has never been patrolled or when at least that many
 * days have passed since the day of its last patrol. Stateless and thread-safe.
 */
public final class PatrolFrequency {
    private PatrolFrequency() {
    }

    /** Days between patrols, or -1 when sources of this class are not patrolled at this level. */
    public static int intervalDays(GridLevel level, String inspectionClass) {
        boolean important = "special".equals(inspectionClass) || "key".equals(inspectionClass);
        switch (level) {
            case CITY:
            case COUNTY:
                return important ? 7 : -1;
            case TOWNSHIP:
                return important ? 3 : 15;
            default:
                return 2;
        }
    }

    /** True when a source last patrolled on {@code last} (null: never) is due on {@code day}. */
    public static boolean due(GridLevel level, String inspectionClass, LocalDate last, LocalDate day) {
        int interval = intervalDays(level, inspectionClass);
        if (interval < 0) {
            return false;
        }
        return last == null || ChronoUnit.DAYS.between(last, day) >= interval;
    }
}
