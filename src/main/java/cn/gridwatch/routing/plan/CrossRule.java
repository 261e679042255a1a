package cn.gridwatch.routing.plan;

import java.util.Locale;
import java.util.Set;

/**
 * Who may not inspect a target (交叉执法): {@code COUNTY}, no team whose home counties include the
 * target's county; {@code CITY}, no team with a home county in the target's city (first four digits
 * of the county code); {@code NONE} for an officer's own patrol route. A target whose county is
 * unknown is eligible for nobody under COUNTY and CITY: the rule could not be checked. Immutable.
 */
public enum CrossRule {
    NONE("none"), COUNTY("county"), CITY("city");

    private final String id;

    CrossRule(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static CrossRule parse(String text) {
        String t = text == null ? "county" : text.trim().toLowerCase(Locale.ROOT);
        for (CrossRule r : values()) {
            if (r.id.equals(t)) {
                return r;
            }
        }
        throw new IllegalArgumentException("'rule' must be county or city, but was: '" + text + "'");
    }

    /** True when a team with these home counties may inspect a target in {@code targetCounty}. */
    public boolean eligible(Set<String> homeCounties, String targetCounty) {
        switch (this) {
            case NONE:
                return true;
            case COUNTY:
                return targetCounty != null && !homeCounties.contains(targetCounty);
            default:
                return targetCounty != null
                        && homeCounties.stream().noneMatch(h -> h.regionMatches(0, targetCounty, 0, 4));
        }
    }

    /** Why no team may inspect a target in {@code targetCounty}. */
    public String noTeamReason(String targetCounty) {
        if (targetCounty == null) {
            return "the target lies outside every county of the grid, so the own-" + id + " rule cannot be checked";
        }
        return this == CITY ? "every team has a member from the target's city " + targetCounty.substring(0, 4) + "00"
                : "every team has a member from the target's county " + targetCounty;
    }
}
