package cn.gridwatch.register;

import cn.gridwatch.grid.AdminCode;
import cn.gridwatch.security.AccessDeniedException;
import cn.gridwatch.security.Scope;

/**
 * "Everything under this cell" as a condition on the four code columns of a located register row:
 * a county's subtree is {@code county_code = '432002000000'}. One equality on the level's own
 * column (not a prefix match), so the column's index serves it. Immutable.
 *
 * @param column one of {@code city_code, county_code, township_code, village_code}
 * @param code   the cell's 12-digit code
 */
public record GridSubtree(String column, String code) {

    /** The subtree of a 6-, 9- or 12-digit admin code. @throws IllegalArgumentException naming the code */
    public static GridSubtree of(String code) {
        String c = AdminCode.normalize(code);
        switch (AdminCode.levelOf(c)) {
            case CITY:
                return new GridSubtree("city_code", c);
            case COUNTY:
                return new GridSubtree("county_code", c);
            case TOWNSHIP:
                return new GridSubtree("township_code", c);
            default:
                return new GridSubtree("village_code", c);
        }
    }

    /** The subtree of a jurisdiction, or null when it is the whole grid. */
    public static GridSubtree of(Scope scope) {
        return scope.isAll() ? null : of(scope.rootCode());
    }

    /**
     * The {@code grid} filter a caller asked for (null when none), which must lie inside their
     * jurisdiction, as for the register lists.
     *
     * @throws AccessDeniedException naming the code and the jurisdiction when it does not
     */
    public static GridSubtree requested(Scope scope, String grid) {
        if (grid == null) {
            return null;
        }
        GridSubtree g = of(grid);
        if (!scope.covers(Scope.under(g.code()))) {
            throw new AccessDeniedException("grid " + AdminCode.shortForm(g.code()) + " lies outside your jurisdiction, "
                    + scope);
        }
        return g;
    }

    /** {@code alias.column = ?} (bind {@link #code()}). */
    public String condition(String alias) {
        return alias + "." + column + " = ?";
    }
}
