package cn.gridwatch.security;

import cn.gridwatch.grid.AdminCode;

/**
 * The part of the grid a request may see and edit: everything, or the subtree under one cell by
 * code prefix (4 digits for a city, 6 for a county, 9 for a township, 12 for a village, as
 * {@link cn.gridwatch.grid.qa.QaRequest#codePrefix()}). The ancestors of the root cell are not in the
 * scope, but their names may be shown as context ({@link #isAncestor}). Park and key-grid codes are
 * in a scope when they begin with its prefix. Immutable and thread-safe.
 *
 * @param rootCode the 12-digit code of the root cell, or null for everything
 * @param prefix   the code prefix of the subtree ("" for everything)
 */
public record Scope(String rootCode, String prefix) {
    private static final Scope ALL = new Scope(null, "");

    public static Scope all() {
        return ALL;
    }

    /** The subtree under {@code code} (6, 9 or 12 digits). */
    public static Scope under(String code) {
        String root = AdminCode.normalize(code);
        switch (AdminCode.levelOf(root)) {
            case CITY:
                return new Scope(root, root.substring(0, 4));
            case COUNTY:
                return new Scope(root, root.substring(0, 6));
            case TOWNSHIP:
                return new Scope(root, root.substring(0, 9));
            default:
                return new Scope(root, root);
        }
    }

    public boolean isAll() {
        return rootCode == null;
    }

    /** True when the cell {@code code} (12-digit admin code, or a park/key code) lies in this scope. */
    public boolean contains(String code) {
        return code != null && code.startsWith(prefix);
    }

    /** True when {@code code} is an admin cell above the root (its name may be shown as context). */
    public boolean isAncestor(String code) {
        if (rootCode == null || code == null || !code.matches("\\d{12}")) {
            return false;
        }
        for (String p = AdminCode.parentOf(rootCode); p != null; p = AdminCode.parentOf(p)) {
            if (p.equals(code)) {
                return true;
            }
        }
        return false;
    }

    /** True when the whole subtree of {@code other} lies inside this scope. */
    public boolean covers(Scope other) {
        return other.prefix.startsWith(prefix);
    }

    @Override
    public String toString() {
        return rootCode == null ? "the whole grid" : "the subtree of " + AdminCode.shortForm(rootCode);
    }
}
