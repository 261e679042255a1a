package cn.gridwatch.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The access rules and jurisdiction scopes, without a server. */
class AccessPolicyTest {
    private static Principal as(Role role, String grid) {
        return new Principal(new User(1, "u", "u", role, grid == null ? null : Scope.under(grid).rootCode(), true,
                Instant.EPOCH), "token", 1L);
    }

    @Test
    void a_scope_is_the_code_prefix_of_its_level_and_knows_its_ancestors() {
        assertThat(Scope.under("432000").prefix()).isEqualTo("4320");
        assertThat(Scope.under("432002").prefix()).isEqualTo("432002");
        assertThat(Scope.under("432002001").prefix()).isEqualTo("432002001");
        assertThat(Scope.under("432002001201").prefix()).isEqualTo("432002001201");
        Scope county = Scope.under("432002");
        assertThat(county.contains("432002001000")).isTrue();
        assertThat(county.contains("432002000000")).isTrue();
        assertThat(county.contains("432021000000")).isFalse();
        assertThat(county.isAncestor("432000000000")).isTrue();
        assertThat(county.isAncestor("432021000000")).isFalse();
        assertThat(county.covers(Scope.under("432002001"))).isTrue();
        assertThat(county.covers(Scope.under("432000"))).isFalse();
        assertThat(Scope.all().contains("anything")).isTrue();
    }

    @Test
    void officers_need_a_cell_of_their_own_level_and_other_roles_none() {
        assertThat(User.checkGrid(Role.COUNTY_OFFICER, "432002")).isEqualTo("432002000000");
        assertThatThrownBy(() -> User.checkGrid(Role.COUNTY_OFFICER, "432002001"))
                .hasMessageContaining("county").hasMessageContaining("township");
        assertThatThrownBy(() -> User.checkGrid(Role.CITY_OFFICER, null)).hasMessageContaining("'grid'");
        assertThatThrownBy(() -> User.checkGrid(Role.PLANNER, "432002")).hasMessageContaining("not bound");
        assertThat(User.checkGrid(Role.GIS_CLIENT, null)).isNull();
    }

    @Test
    void only_administrators_reach_admin_routes_and_only_editors_write_grids() {
        AccessPolicy.checkRoute(as(Role.ADMIN, null), "GET", "/api/admin/users");
        assertThatThrownBy(() -> AccessPolicy.checkRoute(as(Role.CITY_OFFICER, "432000"), "GET", "/api/admin/users"))
                .isInstanceOf(AccessDeniedException.class);
        AccessPolicy.checkRoute(as(Role.COUNTY_OFFICER, "432002"), "POST", "/api/grids/import");
        for (Role r : new Role[] {Role.GIS_CLIENT, Role.PLANNER, Role.INSPECTOR}) {
            assertThatThrownBy(() -> AccessPolicy.checkRoute(as(r, null), "POST", "/api/grids/import"))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining(r.id());
            AccessPolicy.checkRoute(as(r, null), "GET", "/api/grids");
        }
        assertThatThrownBy(() -> AccessPolicy.checkRoute(as(Role.VILLAGE_OFFICER, "432002001201"), "POST",
                "/api/grids/qa/repair")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void public_routes_are_health_sign_in_and_web_assets_only() {
        assertThat(AccessPolicy.isPublic("GET", "/health")).isTrue();
        assertThat(AccessPolicy.isPublic("POST", "/api/auth/login")).isTrue();
        assertThat(AccessPolicy.isPublic("GET", "/web/app.js")).isTrue();
        assertThat(AccessPolicy.isPublic("GET", "/api/auth/login")).isFalse();
        assertThat(AccessPolicy.isPublic("GET", "/api/grids")).isFalse();
        assertThat(AccessPolicy.isPublic("POST", "/web/x")).isFalse();
        // the web page: the redirect from / and its files, for GET and HEAD only
        assertThat(AccessPolicy.isPublic("GET", "/")).isTrue();
        assertThat(AccessPolicy.isPublic("HEAD", "/web/index.html")).isTrue();
        assertThat(AccessPolicy.isPublic("POST", "/")).isFalse();
        assertThat(AccessPolicy.isPublic("GET", "/webx")).isFalse();
        assertThat(AccessPolicy.isPublic("GET", "/api/web/config")).isFalse();
    }

    @Test
    void grids_registers_and_feeds_are_edited_by_the_same_roles_within_their_scope_and_refusals_say_what() {
        for (AccessPolicy.Editable what : AccessPolicy.Editable.values()) {
            assertThat(AccessPolicy.editScope(as(Role.ADMIN, null), what).isAll()).isTrue();
            assertThat(AccessPolicy.editScope(as(Role.CITY_OFFICER, "432000"), what).rootCode())
                    .isEqualTo("432000000000");
            assertThat(AccessPolicy.editScope(as(Role.COUNTY_OFFICER, "432002"), what).rootCode())
                    .isEqualTo("432002000000");
            for (Role r : new Role[] {Role.TOWNSHIP_OFFICER, Role.GIS_CLIENT, Role.PLANNER, Role.INSPECTOR}) {
                String grid = r == Role.TOWNSHIP_OFFICER ? "432002001" : null;
                assertThatThrownBy(() -> AccessPolicy.editScope(as(r, grid), what))
                        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("role " + r.id())
                        .hasMessageContaining("administrators and city or county officers may");
            }
        }
        assertThatThrownBy(() -> AccessPolicy.editScope(as(Role.GIS_CLIENT, null), AccessPolicy.Editable.REGISTERS))
                .hasMessageContaining("may read the registers but not import into them");
        assertThatThrownBy(() -> AccessPolicy.editScope(as(Role.GIS_CLIENT, null), AccessPolicy.Editable.FEEDS))
                .hasMessageContaining("may not load readings or run dispatch and meter alerts");
        assertThatThrownBy(() -> AccessPolicy.checkRoute(as(Role.PLANNER, null), "POST", "/api/sources/import"))
                .hasMessageContaining("may read the registers but not import into them");
    }

    @Test
    void an_officer_qa_root_defaults_to_their_cell_and_may_not_leave_it() {
        assertThat(AccessPolicy.qaRoot(as(Role.COUNTY_OFFICER, "432002"), null)).isEqualTo("432002000000");
        assertThat(AccessPolicy.qaRoot(as(Role.COUNTY_OFFICER, "432002"), "432002001000")).isEqualTo("432002001000");
        assertThatThrownBy(() -> AccessPolicy.qaRoot(as(Role.COUNTY_OFFICER, "432002"), "432000000000"))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("432000");
        assertThat(AccessPolicy.qaRoot(as(Role.ADMIN, null), null)).isNull();
    }

    @Test
    void team_members_see_plan_targets_only_after_the_seal_and_gis_clients_never() {
        Instant start = Instant.parse("2026-03-01T00:30:00Z");
        Principal inspector = as(Role.INSPECTOR, null);
        assertThat(AccessPolicy.canSeePlanTargets(inspector, true, start, start.minusSeconds(1))).isFalse();
        assertThat(AccessPolicy.canSeePlanTargets(inspector, true, start, start)).isTrue();
        assertThat(AccessPolicy.canSeePlanTargets(inspector, false, null, start)).isFalse();
        assertThat(AccessPolicy.canSeePlanTargets(as(Role.PLANNER, null), false, start, start.minusSeconds(1))).isTrue();
        assertThat(AccessPolicy.canSeePlanTargets(as(Role.GIS_CLIENT, null), true, null, start)).isFalse();
        Principal officer = as(Role.TOWNSHIP_OFFICER, "432002001");
        assertThat(AccessPolicy.canSeePlanTargets(officer, true, null, start))
                .as("the officer of a patrol route a planner made for them").isTrue();
        assertThat(AccessPolicy.canSeePlanTargets(officer, true, start, start.minusSeconds(1))).isFalse();
        assertThat(AccessPolicy.canSeePlanTargets(officer, false, null, start)).isFalse();
    }
}
