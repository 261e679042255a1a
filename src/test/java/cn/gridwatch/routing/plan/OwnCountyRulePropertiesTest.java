package cn.gridwatch.routing.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.routing.GreatCircleMatrix;
import cn.gridwatch.routing.solver.SolverOptions;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * The hard rule of cross-jurisdiction enforcement over random plans: no stop of any output goes to
 * a team with a non-guide member from the target's county (or city), every target is either served
 * once or reported once with a reason, and "no eligible team" is said exactly when it is true. The
 * home counties are recomputed here from the members, independently of {@link Team#homeCountiesOf}.
 */
class OwnCountyRulePropertiesTest {
    private static final String[] COUNTIES = {"432002", "432021", "432022", "432023", "430102", "430103"};
    private static final String[] KINDS = {"enforcement", "enforcement", "monitoring", "guide"};
    private final RoutePlanner planner = new RoutePlanner();

    @Property(tries = 40)
    void no_output_ever_sends_a_team_into_its_own_county(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        Random rnd = new Random(seed);
        CrossRule rule = rnd.nextBoolean() ? CrossRule.COUNTY : CrossRule.CITY;
        List<Team> teams = new ArrayList<>();
        Map<Integer, Set<String>> home = new HashMap<>();
        int teamCount = 1 + rnd.nextInt(4);
        for (int t = 0; t < teamCount; t++) {
            List<Team.Member> members = new ArrayList<>();
            Set<String> h = new HashSet<>();
            int size = 1 + rnd.nextInt(4);
            for (int k = 0; k < size; k++) {
                String county = COUNTIES[rnd.nextInt(COUNTIES.length)];
                String kind = KINDS[rnd.nextInt(KINDS.length)];
                members.add(new Team.Member((long) (t * 10 + k), "I" + t + k, "人员" + t + k, county, kind, null));
                if (!kind.equals("guide")) {
                    h.add(county);
                }
            }
            home.put(t, h);
            teams.add(new Team(t, "组" + t, members, Team.homeCountiesOf(members), 113.0 + rnd.nextDouble() * 0.2,
                    27.5 + rnd.nextDouble() * 0.2, 113.0 + rnd.nextDouble() * 0.2, 27.5 + rnd.nextDouble() * 0.2));
        }
        List<PlanTarget> targets = new ArrayList<>();
        int targetCount = 1 + rnd.nextInt(14);
        for (int k = 0; k < targetCount; k++) {
            String county = rnd.nextInt(8) == 0 ? null : COUNTIES[rnd.nextInt(COUNTIES.length)];
            List<DailyWindow> windows = rnd.nextInt(3) == 0
                    ? List.of(new DailyWindow(LocalTime.of(8 + rnd.nextInt(10), 0), LocalTime.of(19, 0)))
                    : List.of();
            targets.add(new PlanTarget("T" + k, "目标" + k, null, 113.0 + rnd.nextDouble() * 0.3,
                    27.5 + rnd.nextDouble() * 0.3, county, (10 + rnd.nextInt(110)) * 60L, 1 + rnd.nextInt(5), windows));
        }
        List<LocalDate> days = new ArrayList<>();
        for (int d = 0; d <= rnd.nextInt(2); d++) {
            days.add(LocalDate.of(2025, 5, 12).plusDays(d));
        }
        PlanInput in = new PlanInput("joint", "p", rule, teams, days,
                new DailyWindow(LocalTime.of(8, 30), LocalTime.of(17, 30)), targets, rnd.nextInt(4), rnd.nextInt(3),
                SolverOptions.deterministic(100, Duration.ofSeconds(20)), null, null);

        PlanResult r = planner.plan(in, new GreatCircleMatrix());

        Map<String, Integer> seen = new HashMap<>();
        for (PlanResult.TeamDay d : r.routes()) {
            for (PlanResult.Stop s : d.stops()) {
                assertThat(allowed(rule, home.get(d.teamNo()), s.target().county()))
                        .as("team %s %s got %s in %s", d.teamNo(), home.get(d.teamNo()), s.target().code(),
                                s.target().county())
                        .isTrue();
                seen.merge(s.target().code(), 1, Integer::sum);
            }
        }
        for (PlanResult.Unserved u : r.unserved()) {
            seen.merge(u.target().code(), 1, Integer::sum);
            boolean anyTeam = home.values().stream().anyMatch(h -> allowed(rule, h, u.target().county()));
            assertThat(u.reason().equals("no_eligible_team")).as(u.target().code() + ": " + u.reason())
                    .isEqualTo(!anyTeam);
        }
        assertThat(seen).hasSize(targets.size()).allSatisfy((code, n) -> assertThat(n).as(code).isEqualTo(1));
    }

    private static boolean allowed(CrossRule rule, Set<String> home, String county) {
        if (county == null) {
            return false;
        }
        if (rule == CrossRule.COUNTY) {
            return !home.contains(county);
        }
        return home.stream().noneMatch(h -> h.substring(0, 4).equals(county.substring(0, 4)));
    }
}
