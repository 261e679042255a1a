package cn.gridwatch.routing.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.TestHttp;
import cn.gridwatch.TestHttp.Reply;
import cn.gridwatch.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Patrol routes over HTTP: an officer's sources due for patrol in their cell, explicit targets,
 * jurisdiction and role checks. Township 430102001 of the small test city.
 */
class PatrolApiTest {
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.withSmallCity();
    private static TestHttp officer;
    private static TestHttp planner;
    private static final LocalDate DAY = LocalDate.of(2025, 5, 12);
    private static final String START = "\"start\": {\"lon\": 112.95, \"lat\": 27.45}";

    @BeforeAll
    static void start() {
        officer = server.userWithToken("town1", Role.TOWNSHIP_OFFICER, "430102001");
        planner = server.userWithToken("planner1", Role.PLANNER, null);
        RegisterRows rows = new RegisterRows(server.db());
        // township 430102001: three key sources (one patrolled yesterday), two general (one 20 days ago, one 10)
        long k0 = rows.source("K0", "重点甲", "key", 112.96, 27.46, "430102", "430102001");
        rows.source("K1", "重点乙", "key", 112.97, 27.47, "430102", "430102001");
        rows.source("K2", "重点丙", "key", 112.98, 27.46, "430102", "430102001");
        long g0 = rows.source("G0", "一般甲", "general", 112.96, 27.48, "430102", "430102001");
        long g1 = rows.source("G1", "一般乙", "general", 112.99, 27.48, "430102", "430102001");
        rows.source("OTHER", "别处企业", "key", 113.5, 27.5, "430103", "430103001");
        rows.patrol(k0, DAY.minusDays(1).atTime(10, 0).atZone(PlanInput.ZONE).toInstant());
        rows.patrol(g0, DAY.minusDays(20).atTime(10, 0).atZone(PlanInput.ZONE).toInstant());
        rows.patrol(g1, DAY.minusDays(10).atTime(10, 0).atZone(PlanInput.ZONE).toInstant());
    }

    @Test
    void an_officer_gets_the_sources_of_their_cell_that_are_due_in_a_route_with_times() {
        Reply r = officer.postJson("/api/plans/patrol", "{\"date\": \"" + DAY + "\", " + START + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode p = r.json();
        assertThat(p.get("kind").asText()).isEqualTo("patrol");
        JsonNode route = p.get("routes").get(0);
        List<String> codes = new ArrayList<>();
        route.get("stops").forEach(s -> codes.add(s.get("code").asText()));
        // K0 was patrolled yesterday (key: every 3 days), G1 ten days ago (general: every 15): not due
        assertThat(codes).containsExactlyInAnyOrder("K1", "K2", "G0");
        assertThat(route.get("departure").asText()).isEqualTo("2025-05-12T08:30:00+08:00");
        assertThat(route.get("stops").get(0).get("arrival").asText()).startsWith("2025-05-12T08:");
        assertThat(route.get("distanceMetres").asLong()).isPositive();
        assertThat(p.get("createdBy").asText()).isEqualTo("town1");
        // the officer sees their own route, with the targets
        assertThat(officer.get("/api/plans/" + p.get("id").asLong()).json().get("targetsVisible").asBoolean()).isTrue();
        List<Long> listed = new ArrayList<>();
        officer.get("/api/plans").json().get("items").forEach(i -> listed.add(i.get("id").asLong()));
        assertThat(listed).contains(p.get("id").asLong());
    }

    @Test
    void a_planner_plans_a_route_through_listed_targets_for_an_officer() {
        Reply r = planner.postJson("/api/plans/patrol", "{\"date\": \"" + DAY + "\", " + START + ", \"officer\": "
                + "\"town1\", \"serviceMinutes\": 15, \"targets\": [{\"sourceCode\": \"K0\"}, {\"code\": \"P1\", "
                + "\"name\": \"河道排口\", \"lon\": 112.97, \"lat\": 27.44, \"serviceMinutes\": 5}]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode stops = r.json().get("routes").get(0).get("stops");
        assertThat(stops).hasSize(2);
        JsonNode seen = officer.get("/api/plans/" + r.json().get("id").asLong()).json();
        assertThat(seen.get("targetsVisible").asBoolean()).as("the officer the route was made for sees its stops")
                .isTrue();
        assertThat(seen.get("routes").get(0).get("stops")).hasSize(2);
    }

    @Test
    void officers_stay_inside_their_jurisdiction_and_plan_only_for_themselves() {
        Reply outside = officer.postJson("/api/plans/patrol", "{\"date\": \"" + DAY + "\", " + START
                + ", \"targets\": [{\"sourceCode\": \"OTHER\"}]}");
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.json().get("detail").asText()).contains("OTHER").contains("outside your jurisdiction");
        assertThat(officer.postJson("/api/plans/patrol", "{\"date\": \"" + DAY + "\", " + START
                + ", \"cell\": \"430103\"}").status()).isEqualTo(403);
        assertThat(officer.postJson("/api/plans/patrol", "{\"date\": \"" + DAY + "\", " + START
                + ", \"officer\": \"planner1\", \"cell\": \"430102001\"}").status()).isEqualTo(403);
        TestHttp gis = server.userWithToken("gis1", Role.GIS_CLIENT, null);
        assertThat(gis.postJson("/api/plans/patrol", "{\"date\": \"" + DAY + "\", " + START + "}").status())
                .isEqualTo(403);
    }

    @Test
    void bad_patrol_requests_name_what_is_wrong() {
        assertThat(officer.postJson("/api/plans/patrol", "{\"date\": \"2025-13-01\", " + START + "}").json()
                .get("detail").asText()).contains("'date'").contains("2025-13-01");
        assertThat(officer.postJson("/api/plans/patrol", "{\"date\": \"" + DAY + "\"}").json().get("detail").asText())
                .contains("'start'");
        assertThat(officer.postJson("/api/plans/patrol", "{\"date\": \"" + DAY + "\", \"start\": {\"lon\": 200, "
                + "\"lat\": 27}}").status()).isEqualTo(400);
        assertThat(officer.postJson("/api/plans/patrol", "{\"date\": \"" + DAY + "\", " + START
                + ", \"workStart\": \"18:00\", \"workEnd\": \"08:00\"}").json().get("detail").asText())
                .contains("'workStart' must be before 'workEnd'");
        Reply nothing = officer.postJson("/api/plans/patrol", "{\"date\": \"2025-05-09\", " + START
                + ", \"cell\": \"430102001001\"}");
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.json().get("detail").asText()).contains("no source under 430102001001 is due");
    }
}
