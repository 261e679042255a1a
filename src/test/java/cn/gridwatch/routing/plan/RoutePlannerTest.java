package cn.gridwatch.routing.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.gridwatch.routing.GreatCircleMatrix;
import cn.gridwatch.routing.solver.SolverOptions;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Plans on the great-circle provider, small enough to check by hand. */
class RoutePlannerTest {
    static final SolverOptions SOLVER = SolverOptions.deterministic(500, Duration.ofSeconds(60));
    static final DailyWindow HOURS = new DailyWindow(LocalTime.of(8, 30), LocalTime.of(17, 30));
    static final LocalDate DAY = LocalDate.of(2025, 5, 12);
    private final RoutePlanner planner = new RoutePlanner();

    static PlanTarget target(String code, double lon, double lat, String county) {
        return new PlanTarget(code, "企业" + code, null, lon, lat, county, 20 * 60, 3, List.of());
    }

    static Team team(int no, String county, double lon, double lat) {
        List<Team.Member> members = List.of(new Team.Member(null, "I" + no, "检查员" + no, county, "enforcement", null));
        return new Team(no, "第" + no + "组", members, Team.homeCountiesOf(members), lon, lat, lon, lat);
    }

    /**
     * Five targets on the parallel 27.6°N, 0.01° of longitude apart (985.4 m on the sphere, 1,281 m
     * with the detour factor 1.3, 154 s at 30 km/h), given out of order; the officer starts 0.01°
     * west of the first and ends 0.01° east of the last. The only good order is west to east:
     * six legs of 154 s and five inspections of 20 minutes, 08:30 to 10:05:24.
     */
    @Test
    void a_five_target_patrol_goes_west_to_east_with_hand_checked_times() {
        List<PlanTarget> targets = List.of(target("C", 113.03, 27.6, null), target("A", 113.01, 27.6, null),
                target("E", 113.05, 27.6, null), target("B", 113.02, 27.6, null), target("D", 113.04, 27.6, null));
        List<Team.Member> officer = List.of(new Team.Member(null, null, "网格员", null, "officer", null));
        Team t = new Team(0, "网格员", officer, Set.of(), 113.00, 27.6, 113.06, 27.6);
        PlanInput in = new PlanInput("patrol", "巡查", CrossRule.NONE, List.of(t), List.of(DAY), HOURS, targets, 0, 0,
                SOLVER, null, null);
        PlanResult r = planner.plan(in, new GreatCircleMatrix());

        assertThat(r.unserved()).isEmpty();
        assertThat(r.routes()).hasSize(1);
        PlanResult.TeamDay day = r.routes().get(0);
        assertThat(day.stops()).extracting(s -> s.target().code()).containsExactly("A", "B", "C", "D", "E");
        assertThat(day.stops()).allSatisfy(s -> assertThat(s.legSeconds()).isBetween(153L, 155L));
        assertThat(day.distanceMetres()).isCloseTo(6 * 1281L, within(6L));
        assertThat(day.departure()).isEqualTo(OffsetDateTime.parse("2025-05-12T08:30:00+08:00"));
        assertThat(day.stops().get(0).arrival()).isEqualTo(OffsetDateTime.parse("2025-05-12T08:32:34+08:00"));
        assertThat(day.stops().get(0).departure()).isEqualTo(OffsetDateTime.parse("2025-05-12T08:52:34+08:00"));
        long back = Duration.between(day.departure(), day.returnAt()).toSeconds();
        assertThat(back).isCloseTo(6 * 154 + 5 * 1200, within(6L)); // 6,924 s: back at 10:25:24
        assertThat(day.geometry().getNumPoints()).isEqualTo(7); // 6 straight legs sharing their joints
        assertThat(day.geometry().getSRID()).isEqualTo(4490);
        assertThat(r.matrixMethod()).isEqualTo("great_circle");
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("no road network"));
        assertThat(r.solver().reproducible()).isTrue();
    }

    @Test
    void no_team_inspects_its_own_county_and_targets_without_an_eligible_team_say_so() {
        // teams from A and B; targets in A, B and C
        Team a = team(1, "432002", 113.0, 27.6);
        Team b = team(2, "432021", 113.1, 27.6);
        List<PlanTarget> targets = List.of(target("inA", 113.01, 27.6, "432002"),
                target("inB", 113.09, 27.6, "432021"), target("inC", 113.05, 27.65, "432022"),
                target("nowhere", 113.05, 27.55, null));
        PlanInput in = new PlanInput("joint", "交叉执法", CrossRule.COUNTY, List.of(a, b), List.of(DAY), HOURS, targets, 0,
                1, SOLVER, null, null);
        PlanResult r = planner.plan(in, new GreatCircleMatrix());
        Map<String, Integer> teamOf = r.routes().stream().flatMap(d -> d.stops().stream()
                .map(s -> Map.entry(s.target().code(), d.teamNo())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(teamOf).containsEntry("inA", 2).containsEntry("inB", 1).containsKey("inC");
        assertThat(r.unserved()).singleElement().satisfies(u -> {
            assertThat(u.target().code()).isEqualTo("nowhere");
            assertThat(u.reason()).isEqualTo("no_eligible_team");
            assertThat(u.detail()).contains("outside every county");
        });
    }

    @Test
    void a_city_rule_keeps_teams_out_of_their_whole_city() {
        Team local = team(1, "432002", 113.0, 27.6);        // city 4320
        Team visitor = team(2, "430102", 113.0, 27.6);      // city 4301
        List<PlanTarget> targets = List.of(target("t1", 113.02, 27.6, "432021"));
        PlanInput in = new PlanInput("joint", "跨市", CrossRule.CITY, List.of(local, visitor), List.of(DAY), HOURS,
                targets, 0, 0, SOLVER, null, null);
        PlanResult r = planner.plan(in, new GreatCircleMatrix());
        assertThat(r.routes()).singleElement().satisfies(d -> assertThat(d.teamNo()).isEqualTo(2));
        PlanInput onlyLocal = new PlanInput("joint", "跨市", CrossRule.CITY, List.of(local), List.of(DAY), HOURS,
                targets, 0, 0, SOLVER, null, null);
        assertThat(planner.plan(onlyLocal, new GreatCircleMatrix()).unserved()).singleElement()
                .satisfies(u -> assertThat(u.detail()).contains("city 432000"));
    }

    @Test
    void infeasible_targets_are_answered_with_reasons() {
        Team a = team(1, "432002", 113.0, 27.6);
        List<PlanTarget> targets = List.of(
                // opens after the teams are home
                new PlanTarget("late", "夜间", null, 113.01, 27.6, "432021", 1200, 3,
                        List.of(new DailyWindow(LocalTime.of(19, 0), LocalTime.of(21, 0)))),
                // 600 km away: cannot be reached and left within 08:30-17:30 at 30 km/h
                target("far", 119.0, 30.0, "432021"),
                // five 4-hour inspections for one team on one day: at most two fit
                new PlanTarget("w1", "w1", null, 113.01, 27.6, "432021", 4 * 3600, 1, List.of()),
                new PlanTarget("w2", "w2", null, 113.011, 27.6, "432021", 4 * 3600, 5, List.of()),
                new PlanTarget("w3", "w3", null, 113.012, 27.6, "432021", 4 * 3600, 1, List.of()));
        PlanInput in = new PlanInput("joint", "x", CrossRule.COUNTY, List.of(a), List.of(DAY), HOURS, targets, 0, 0,
                SOLVER, null, null);
        PlanResult r = planner.plan(in, new GreatCircleMatrix());
        Map<String, String> why = r.unserved().stream()
                .collect(Collectors.toMap(u -> u.target().code(), PlanResult.Unserved::reason));
        assertThat(why).containsEntry("late", "outside_time_windows").containsEntry("far", "outside_time_windows")
                .containsEntry("w2", "dropped_for_capacity"); // the priority-5 one goes
        assertThat(r.servedCount()).isEqualTo(2);
        assertThat(r.unserved()).allSatisfy(u -> assertThat(u.detail()).isNotBlank());
    }

    @Test
    void a_cap_on_inspections_per_day_spreads_the_work_over_the_days() {
        Team a = team(1, "432002", 113.0, 27.6);
        List<PlanTarget> targets = List.of(target("1", 113.01, 27.6, "432021"), target("2", 113.02, 27.6, "432021"),
                target("3", 113.03, 27.6, "432021"), target("4", 113.04, 27.6, "432021"));
        PlanInput in = new PlanInput("joint", "x", CrossRule.COUNTY, List.of(a), List.of(DAY, DAY.plusDays(1)), HOURS,
                targets, 2, 0, SOLVER, null, null);
        PlanResult r = planner.plan(in, new GreatCircleMatrix());
        assertThat(r.routes()).hasSize(2).allSatisfy(d -> assertThat(d.stops()).hasSize(2));
    }

    @Test
    void the_plan_defaults_give_the_same_plan_twice() {
        java.util.Random rnd = new java.util.Random(3);
        List<PlanTarget> targets = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            targets.add(new PlanTarget("T" + i, "t", null, 113 + rnd.nextDouble() * 0.3, 27.5 + rnd.nextDouble() * 0.3,
                    i % 2 == 0 ? "432002" : "432021", 3600, 1 + rnd.nextInt(5), List.of()));
        }
        List<Team> teams = List.of(team(1, "432002", 113.1, 27.6), team(2, "432021", 113.2, 27.7),
                team(3, "432022", 113.15, 27.65));
        PlanInput in = new PlanInput("joint", "x", CrossRule.COUNTY, teams, List.of(DAY, DAY.plusDays(1)), HOURS,
                targets, 0, 1, SolverOptions.forPlans(2000, Duration.ofMinutes(10)), null, null);
        PlanResult a = planner.plan(in, new GreatCircleMatrix());
        PlanResult b = planner.plan(in, new GreatCircleMatrix());
        assertThat(a.solver().reproducible()).isTrue();
        assertThat(a.solver().stopReason()).isIn("no_improvement", "stalled", "solution_limit");
        assertThat(b.routes()).isEqualTo(a.routes());
        assertThat(b.solver().objective()).isEqualTo(a.solver().objective());
        assertThat(b.solver().solutions()).isEqualTo(a.solver().solutions());
    }
}
