package cn.gridwatch.routing.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.routing.GreatCircleMatrix;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Date-specific time windows and a team's lunch break, on the great-circle provider, checkable by
 * hand: one team, three days (2026-12-01..03), targets 0.01° apart near its office.
 */
class PlanWindowsBreakTest {
    static final LocalDate D1 = LocalDate.of(2026, 12, 1);
    static final LocalDate D2 = D1.plusDays(1);
    static final LocalDate D3 = D1.plusDays(2);
    private final RoutePlanner planner = new RoutePlanner();

    static PlanTarget target(String code, double lon, long serviceMinutes, List<DailyWindow> windows) {
        return new PlanTarget(code, "企业" + code, null, lon, 27.6, "432021", serviceMinutes * 60, 3, windows);
    }

    static Team team(TeamBreak lunch) {
        List<Team.Member> m = List.of(new Team.Member(null, "I1", "检查员", "432022", "enforcement", null));
        return new Team(0, "第0组", m, Team.homeCountiesOf(m), 113.0, 27.6, 113.0, 27.6, lunch);
    }

    static DailyWindow on(LocalDate d, String from, String to) {
        return new DailyWindow(LocalTime.parse(from), LocalTime.parse(to), d);
    }

    static PlanResult plan(RoutePlanner p, Team team, List<LocalDate> days, List<PlanTarget> targets) {
        PlanInput in = new PlanInput("joint", "窗口", CrossRule.COUNTY, List.of(team), days, RoutePlannerTest.HOURS,
                targets, 0, 1, RoutePlannerTest.SOLVER, null, null);
        return p.plan(in, new GreatCircleMatrix());
    }

    static Map<String, PlanResult.Stop> stops(PlanResult r) {
        return r.routes().stream().flatMap(d -> d.stops().stream())
                .collect(Collectors.toMap(s -> s.target().code(), s -> s));
    }

    @Test
    void a_target_whose_only_window_is_on_day_two_is_inspected_on_day_two_inside_it() {
        List<PlanTarget> targets = List.of(
                target("ONLY2", 113.01, 30, List.of(on(D2, "09:00", "11:30"))),
                target("ANY", 113.02, 30, List.of()),
                // different windows on day 1 and day 3: served on one of them, inside that day's window
                target("D1D3", 113.03, 30, List.of(on(D1, "15:00", "16:00"), on(D3, "09:00", "09:30"))),
                // daily afternoon, but on day 2 only early morning
                target("MIX", 113.04, 30, List.of(new DailyWindow(LocalTime.of(14, 0), LocalTime.of(16, 0)),
                        on(D2, "08:45", "09:15"))),
                // a dated window on no day of the plan
                target("NEVER", 113.05, 30, List.of(on(LocalDate.of(2026, 12, 24), "09:00", "10:00"))));
        PlanResult r = plan(planner, team(null), List.of(D1, D2, D3), targets);
        Map<String, PlanResult.Stop> s = stops(r);
        assertThat(s).containsOnlyKeys("ONLY2", "ANY", "D1D3", "MIX");
        assertThat(s.get("ONLY2").start().toLocalDate()).isEqualTo(D2);
        assertThat(s.get("ONLY2").start().toLocalTime()).isBetween(LocalTime.of(9, 0), LocalTime.of(11, 30));
        OffsetDateTime d1d3 = s.get("D1D3").start();
        if (d1d3.toLocalDate().equals(D1)) {
            assertThat(d1d3.toLocalTime()).isBetween(LocalTime.of(15, 0), LocalTime.of(16, 0));
        } else {
            assertThat(d1d3.toLocalDate()).isEqualTo(D3);
            assertThat(d1d3.toLocalTime()).isBetween(LocalTime.of(9, 0), LocalTime.of(9, 30));
        }
        OffsetDateTime mix = s.get("MIX").start();
        if (mix.toLocalDate().equals(D2)) {
            assertThat(mix.toLocalTime()).isBetween(LocalTime.of(8, 45), LocalTime.of(9, 15));
        } else {
            assertThat(mix.toLocalTime()).isBetween(LocalTime.of(14, 0), LocalTime.of(16, 0));
        }
        assertThat(r.unserved()).singleElement().satisfies(u -> {
            assertThat(u.target().code()).isEqualTo("NEVER");
            assertThat(u.reason()).isEqualTo("outside_time_windows");
            assertThat(u.detail()).contains("2026-12-24 09:00-10:00");
        });
    }

    @Test
    void a_two_day_plan_of_a_one_date_target_fails_over_to_that_date_even_when_the_first_day_is_free() {
        // without the date the solver would put it on day 1 (empty); with it, day 3 or nothing
        PlanResult r = plan(planner, team(null), List.of(D1, D3),
                List.of(target("T3", 113.01, 60, List.of(on(D3, "13:00", "14:00")))));
        assertThat(stops(r).get("T3").start().toLocalDate()).isEqualTo(D3);
        assertThat(stops(r).get("T3").start().toLocalTime()).isBetween(LocalTime.of(13, 0), LocalTime.of(14, 0));
    }

    @Test
    void no_inspection_overlaps_the_lunch_break_and_the_day_still_fits() {
        // six 60-minute inspections 0.01° apart (legs of 154 s): three fit 08:30-11:40, three 13:00-16:25;
        // without the break the fourth would run across noon. The break 12:00-13:00 (60 minutes:
        // exactly that hour) is kept free
        List<PlanTarget> targets = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            targets.add(target("L" + i, 113.0 + i * 0.01, 60, List.of()));
        }
        TeamBreak lunch = new TeamBreak(LocalTime.NOON, LocalTime.of(13, 0), 60);
        PlanResult withBreak = plan(planner, team(lunch), List.of(D1), targets);
        assertThat(withBreak.unserved()).isEmpty();
        assertThat(withBreak.routes()).hasSize(1);
        List<PlanResult.Stop> st = withBreak.routes().get(0).stops();
        assertThat(st).hasSize(6);
        for (PlanResult.Stop s : st) {
            LocalTime a = s.start().toLocalTime();
            LocalTime b = s.departure().toLocalTime();
            assertThat(!b.isAfter(LocalTime.NOON) || !a.isBefore(LocalTime.of(13, 0)))
                    .as("stop %s %s-%s overlaps the break 12:00-13:00", s.target().code(), a, b).isTrue();
        }
        assertThat(withBreak.routes().get(0).returnAt().toLocalTime()).isBeforeOrEqualTo(LocalTime.of(17, 30));
        // the same day without a break does inspect across noon: the test above is not vacuous
        PlanResult without = plan(planner, team(null), List.of(D1), targets);
        assertThat(without.routes().get(0).stops()).anySatisfy(s -> {
            assertThat(s.start().toLocalTime()).isBefore(LocalTime.of(13, 0));
            assertThat(s.departure().toLocalTime()).isAfter(LocalTime.NOON);
        });
    }

    @Test
    void windows_and_breaks_are_read_from_json_with_clear_errors() {
        PlanTarget t = new PlanTarget("X", "x", null, 113, 27.6, null, 60, 3, List.of(
                DailyWindow.parse("w[0]", "2026-12-01 09:00-11:30"), DailyWindow.parse("w[1]", "09:00-10:00")));
        assertThat(t.windowsOn(D1)).containsExactly(on(D1, "09:00", "11:30"));
        assertThat(t.windowsOn(D2)).containsExactly(new DailyWindow(LocalTime.of(9, 0), LocalTime.of(10, 0)));
        String body = """
                {"name": "n", "days": ["2026-12-01"], "break": {"from": "12:00", "to": "13:30", "minutes": 45},
                 "teams": [{"members": ["A"], "start": {"lon": 113, "lat": 27.6}},
                           {"members": ["B"], "start": {"lon": 113, "lat": 27.6}, "break": {"from": "11:30", "to": "12:30"}}],
                 "targets": [{"code": "T", "lon": 113.01, "lat": 27.6, "windows": ["10:00-11:00",
                   {"date": "2026-12-01", "from": "09:00", "to": "11:30"}, "2026-12-02 14:00-15:00"]}]}""";
        PlanRequests.Joint j = PlanRequests.joint(cn.gridwatch.http.JsonFields.parse(body.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(j.teams().get(0).lunch()).isEqualTo(new TeamBreak(LocalTime.NOON, LocalTime.of(13, 30), 45));
        assertThat(j.teams().get(1).lunch()).isEqualTo(new TeamBreak(LocalTime.of(11, 30), LocalTime.of(12, 30), 60));
        assertThat(j.targets().get(0).windows()).hasSize(3);
        assertThat(j.targets().get(0).windows().stream().map(DailyWindow::date).filter(d -> d != null).toList())
                .containsExactlyInAnyOrder(D1, D2);
        for (String[] bad : new String[][] {
            {"\"break\": {\"from\": \"12:00\", \"to\": \"13:00\", \"minutes\": 90}", "break.minutes"},
            {"\"break\": {\"from\": \"18:00\", \"to\": \"19:00\"}", "working hours"},
            {"\"break\": {\"from\": \"noon\", \"to\": \"13:00\"}", "break.from"},
        }) {
            String b = body.replace("\"break\": {\"from\": \"12:00\", \"to\": \"13:30\", \"minutes\": 45}", bad[0]);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> PlanRequests.joint(
                    cn.gridwatch.http.JsonFields.parse(b.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad[1]);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DailyWindow.parse("windows[2]", "2026-13-01 09:00-10:00"))
                .hasMessageContaining("windows[2]");
    }
}
