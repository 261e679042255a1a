package cn.gridwatch.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The access rules of draws and plans, without a server. */
class PlanAccessPolicyTest {
    private static final Instant NOW = Instant.parse("2025-05-12T00:00:00Z");

    private static Principal as(Role role, String grid) {
        return new Principal(new User(1, "u", "u", role, grid == null ? null : Scope.under(grid).rootCode(), true,
                Instant.EPOCH), "token", 1L);
    }

    @Test
    void planners_and_administrators_draw_and_plan_and_officers_plan_only_patrols() {
        AccessPolicy.checkRoute(as(Role.PLANNER, null), "POST", "/api/draws");
        AccessPolicy.checkRoute(as(Role.ADMIN, null), "POST", "/api/plans/joint");
        AccessPolicy.checkRoute(as(Role.TOWNSHIP_OFFICER, "432002001"), "POST", "/api/plans/patrol");
        for (Role r : new Role[] {Role.INSPECTOR, Role.GIS_CLIENT, Role.COUNTY_OFFICER}) {
            assertThatThrownBy(() -> AccessPolicy.checkRoute(as(r, r.isOfficer() ? "432002" : null), "POST",
                    "/api/plans/joint")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> AccessPolicy.checkRoute(as(r, r.isOfficer() ? "432002" : null), "GET",
                    "/api/draws/3")).isInstanceOf(AccessDeniedException.class);
            AccessPolicy.checkRoute(as(r, r.isOfficer() ? "432002" : null), "GET", "/api/draws/3/export");
        }
        assertThatThrownBy(() -> AccessPolicy.checkRoute(as(Role.INSPECTOR, null), "POST", "/api/plans/patrol"))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("inspector");
    }

    @Test
    void a_plan_is_seen_by_planners_its_author_and_its_people_and_its_targets_once_unsealed() {
        assertThat(AccessPolicy.canSeePlan(as(Role.PLANNER, null), false, false)).isTrue();
        assertThat(AccessPolicy.canSeePlan(as(Role.INSPECTOR, null), true, false)).isTrue();
        assertThat(AccessPolicy.canSeePlan(as(Role.INSPECTOR, null), false, false)).isFalse();
        assertThat(AccessPolicy.canSeePlan(as(Role.GIS_CLIENT, null), false, false)).isFalse();
        Instant later = NOW.plusSeconds(3600);
        assertThat(AccessPolicy.canSeePlanTargets(as(Role.INSPECTOR, null), true, false, later, NOW)).isFalse();
        assertThat(AccessPolicy.canSeePlanTargets(as(Role.INSPECTOR, null), true, false, NOW, NOW)).isTrue();
        assertThat(AccessPolicy.canSeePlanTargets(as(Role.TOWNSHIP_OFFICER, "432002001"), false, true, null, NOW))
                .isTrue();
        assertThat(AccessPolicy.canSeePlanTargets(as(Role.PLANNER, null), false, false, later, NOW)).isTrue();
    }
}
