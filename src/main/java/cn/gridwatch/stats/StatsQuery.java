package cn.gridwatch.stats;

import cn.gridwatch.grid.AdminCode;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.security.Scope;

/**
 * What a report covers: the cells of {@code level} under {@code root} for {@code period}. Immutable.
 *
 * @param level  the level of the rows
 * @param root   12-digit code of an admin cell at or above {@code level}, or null for the whole grid
 * @param period the days counted
 */
public record StatsQuery(GridLevel level, String root, StatsPeriod period) {

    /** @throws IllegalArgumentException naming the level and root when the level lies above the root */
    public StatsQuery {
        if (level == null || period == null) {
            throw new IllegalArgumentException("a statistics query needs a level and a period");
        }
        if (root != null) {
            root = AdminCode.normalize(root);
            GridLevel rootLevel = AdminCode.levelOf(root);
            if (rootLevel.rank() > level.rank()) {
                throw new IllegalArgumentException("level '" + level.id() + "' lies above the root "
                        + AdminCode.shortForm(root) + " (a " + rootLevel.id() + "); ask for " + rootLevel.id()
                        + " or a finer level");
            }
        }
    }

    /** The level just below {@code root} (the root's own level for a village; county for the whole grid). */
    public static GridLevel defaultLevel(String root) {
        if (root == null) {
            return GridLevel.COUNTY;
        }
        GridLevel l = AdminCode.levelOf(AdminCode.normalize(root));
        return l == GridLevel.VILLAGE ? l : GridLevel.ofRank(l.rank() + 1);
    }

    /** The same cells for another period. */
    public StatsQuery withPeriod(StatsPeriod other) {
        return new StatsQuery(level, root, other);
    }

    /** A LIKE pattern matching the codes under the root, in 12-digit or short form. */
    String prefixPattern() {
        return (root == null ? "" : Scope.under(root).prefix()) + "%";
    }

    @Override
    public String toString() {
        return level.id() + " cells under " + (root == null ? "the whole grid" : AdminCode.shortForm(root)) + " from "
                + period.from() + " to " + period.to();
    }
}
