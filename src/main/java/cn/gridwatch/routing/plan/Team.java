package cn.gridwatch.routing.plan;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A team that goes out together: its members, where it starts and ends each day (EPSG:4490,
 * x = lon) and its home counties (6-digit codes) for the own-county rule.
 *
 * <p>Home counties come from the members ({@link #homeCountiesOf}): every member who is not a local
 * guide makes their county a home county, so a mixed "2+3" team with enforcement officers from
 * counties B and C and a guide from A is barred from B and C, not from A. A guide ({@code kind}
 * {@code guide}) is there to show the way and is allowed to be local. Immutable.
 */
public record Team(int no, String name, List<Member> members, Set<String> homeCounties, double startLon,
                   double startLat, double endLon, double endLat, TeamBreak lunch) {
    public Team {
        members = List.copyOf(members);
        homeCounties = Set.copyOf(homeCounties);
    }

    /** A team without a break. */
    public Team(int no, String name, List<Member> members, Set<String> homeCounties, double startLon, double startLat,
            double endLon, double endLat) {
        this(no, name, members, homeCounties, startLon, startLat, endLon, endLat, null);
    }

    /** One person on a team: an inspector from the register, or the officer of a patrol route. */
    public record Member(Long inspectorId, String code, String name, String county, String kind, Long userId) {
    }

    /** The counties of the members who are not guides, 6-digit, sorted. */
    public static Set<String> homeCountiesOf(List<Member> members) {
        Set<String> out = new TreeSet<>();
        for (Member m : members) {
            if (!"guide".equals(m.kind()) && m.county() != null) {
                out.add(m.county());
            }
        }
        return out;
    }
}
