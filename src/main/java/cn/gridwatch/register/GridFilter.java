package cn.gridwatch.register;

import cn.gridwatch.grid.AdminCode;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.security.Scope;
import java.util.Locale;

/**
 * How a register's rows belong to a grid subtree, for the {@code grid} filter and officers' scope:
 * through the four cell-code columns of a table alias ({@code t} for located rows, {@code s} for a
 * meter's source, {@code m} for a station chief's station), or through one code column compared by
 * prefix (a duty's cell, an inspector's county). Both aliases and columns come from code. Immutable.
 */
public record GridFilter(String alias, String column) {
    /** The four cell columns of {@code alias}. */
    public static GridFilter cells(String alias) {
        return new GridFilter(alias, null);
    }

    /** A 12-digit code column compared by the subtree's prefix. */
    public static GridFilter codeColumn(String qualifiedColumn) {
        return new GridFilter(null, qualifiedColumn);
    }

    /** SQL with one parameter, true for rows in the subtree of {@code code12} (12 digits). */
    public String condition(String code12) {
        if (column != null) {
            return column + " like ?";
        }
        GridLevel level = AdminCode.levelOf(code12);
        return alias + "." + level.id().toLowerCase(Locale.ROOT) + "_code = ?";
    }

    /** The parameter of {@link #condition}. */
    public String bind(String code12) {
        return column != null ? Scope.under(code12).prefix() + "%" : code12;
    }
}
