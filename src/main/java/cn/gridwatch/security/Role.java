package cn.gridwatch.security;

import cn.gridwatch.grid.GridLevel;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a user is. Officers are bound to one grid cell of their level ({@link #officerLevel()}) and
 * see and edit only its subtree; the other roles are not bound to a cell. Inspectors will see the
 * targets of the inspection plans they are on (plans do not exist yet; the role is ready for them).
 * Immutable and thread-safe.
 */
public enum Role {
    ADMIN("admin", null),
    CITY_OFFICER("city_officer", GridLevel.CITY),
    COUNTY_OFFICER("county_officer", GridLevel.COUNTY),
    TOWNSHIP_OFFICER("township_officer", GridLevel.TOWNSHIP),
    VILLAGE_OFFICER("village_officer", GridLevel.VILLAGE),
    INSPECTOR("inspector", null),
    PLANNER("planner", null),
    GIS_CLIENT("gis_client", null);

    private final String id;
    private final GridLevel officerLevel;

    Role(String id, GridLevel officerLevel) {
        this.id = id;
        this.officerLevel = officerLevel;
    }

    /** Lower-case identifier used in the API and the database, e.g. {@code "county_officer"}. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The level of the cell an officer is bound to; null for roles that are not bound to a cell. */
    public GridLevel officerLevel() {
        return officerLevel;
    }

    public boolean isOfficer() {
        return officerLevel != null;
    }

    /** @throws IllegalArgumentException naming the value and the allowed ids */
    public static Role parse(String text) {
        if (text != null) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            for (Role r : values()) {
                if (r.id.equals(t)) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "'; use one of "
                + Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", ")));
    }
}
