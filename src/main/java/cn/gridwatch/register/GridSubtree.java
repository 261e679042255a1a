package cn.gridwatch.register;

import cn.gridwatch.grid.AdminCode;
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

    /** {@code alias.column = ?} (bind {@link #code()}). */
    public String condition(String alias) {
        return alias + "." + column + " = ?";
    }
}
