package cn.gridwatch.routing.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.Json;
import cn.gridwatch.TestHttp;
import cn.gridwatch.TestHttp.Reply;
import cn.gridwatch.security.AuditEntry;
import cn.gridwatch.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Joint enforcement plans over HTTP on the real PostGIS and the small test city (two counties split
 * at 113°E): teams from each county, sources on both sides of the border, the own-county rule,
 * seals, exports and access.
 */
class PlanApiTest {
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.withSmallCity();
    private static TestHttp planner;
    private static TestHttp onTeam;
    private static TestHttp notOnTeam;
    private static TestHttp gis;
    private static final String QUICK = "\"solver\": {\"solutionLimit\": 300, \"timeLimitSeconds\": 60}";

    @BeforeAll
    static void start() {
        planner = server.userWithToken("planner1", Role.PLANNER, null);
        onTeam = server.userWithToken("insp1", Role.INSPECTOR, null);
        notOnTeam = server.userWithToken("insp2", Role.INSPECTOR, null);
        gis = server.userWithToken("gis1", Role.GIS_CLIENT, null);
        RegisterRows rows = new RegisterRows(server.db());
        long insp1 = server.services().users().get("insp1").id();
        rows.inspector("A1", "芙蓉执法一", "430102", "enforcement", insp1);
        rows.inspector("A2", "芙蓉执法二", "430102", "enforcement", null);
        rows.inspector("AG", "芙蓉向导", "430102", "guide", null);
        rows.inspector("B1", "天心执法一", "430103", "enforcement", null);
        rows.inspector("B2", "天心监测", "430103", "monitoring", null);
        rows.inspector("BG", "天心向导", "430103", "guide", null);
        for (int i = 0; i < 6; i++) {
            rows.source("W" + i, "芙蓉企业" + i, i < 2 ? "special" : "key", 112.96 + i * 0.005, 27.5 + i * 0.004,
                    "430102", "430102001");
            rows.source("E" + i, "天心企业" + i, i < 2 ? "special" : "key", 113.01 + i * 0.005, 27.5 + i * 0.004,
                    "430103", "430103001");
        }
    }

    static String joint(String sealedUntil) {
        StringBuilder targets = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            targets.append("{\"sourceCode\": \"W").append(i).append("\"}, {\"sourceCode\": \"E").append(i)
                    .append("\", \"priority\": 1, \"windows\": [\"08:30-12:00\", \"14:00-17:00\"]}, ");
        }
        targets.append("{\"code\": \"OUT1\", \"name\": \"城外企业\", \"lon\": 115.2, \"lat\": 27.5}");
        return """
                {"name": "2025年5月交叉执法", "rule": "county", "firstDay": "2025-05-12", "dayCount": 2,
                 "workStart": "08:30", "workEnd": "17:30", "serviceMinutes": 60, "sealedUntil": %s,
                 "teams": [
                   {"name": "芙蓉组", "members": ["A1", "A2", "BG"], "start": {"lon": 112.98, "lat": 27.52}},
                   {"name": "天心组", "members": ["B1", "B2", "AG"], "start": {"lon": 113.02, "lat": 27.52}}],
                 "targets": [%s], %s}""".formatted(sealedUntil, targets, QUICK);
    }

    private static JsonNode create(String body) {
        Reply r = planner.postJson("/api/plans/joint", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void a_joint_plan_never_sends_a_team_into_its_home_county_and_says_why_a_target_is_left_out() {
        JsonNode p = create(joint("null"));
        Map<Integer, String> teamHome = new HashMap<>();
        p.get("teams").forEach(t -> teamHome.put(t.get("no").asInt(), t.get("homeCounties").get(0).asText()));
        assertThat(teamHome).containsEntry(0, "430102").containsEntry(1, "430103"); // guides do not count
        int stops = 0;
        for (JsonNode r : p.get("routes")) {
            for (JsonNode s : r.get("stops")) {
                assertThat(s.get("county").asText()).isNotEqualTo(teamHome.get(r.get("teamNo").asInt()));
                stops++;
            }
            assertThat(r.get("geometry").size()).isGreaterThanOrEqualTo(2);
        }
        assertThat(stops).isEqualTo(12);
        assertThat(p.get("unserved")).singleElement().satisfies(u -> {
            assertThat(u.get("code").asText()).isEqualTo("OUT1");
            assertThat(u.get("reason").asText()).isEqualTo("no_eligible_team");
        });
        assertThat(p.get("matrixMethod").asText()).isEqualTo("great_circle");
        assertThat(p.get("summary").get("served").asInt()).isEqualTo(12);
        assertThat(p.get("solver").get("result").get("reproducible").asBoolean()).isTrue();
        List<AuditEntry> audit = server.services().audit().find("inspection_plan", p.get("id").asText(), 5);
        assertThat(audit).singleElement().satisfies(e -> assertThat(e.action()).isEqualTo("plan"));
        // the stored plan reads back the same
        JsonNode again = planner.get("/api/plans/" + p.get("id").asLong()).json();
        assertThat(again.get("routes")).isEqualTo(p.get("routes"));
    }

    @Test
    void a_sealed_plan_shows_its_team_only_the_days_until_departure_and_others_nothing() {
        long sealed = create(joint("\"2099-05-12T08:00:00+08:00\"")).get("id").asLong();
        long open = create(joint("\"" + Instant.now().minus(1, ChronoUnit.HOURS) + "\"")).get("id").asLong();

        JsonNode seen = onTeam.get("/api/plans/" + sealed).json();
        assertThat(seen.get("targetsVisible").asBoolean()).isFalse();
        assertThat(seen.get("routes")).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("stops")).isEmpty();
            assertThat(r.get("geometry").isNull()).isTrue();
        });
        assertThat(seen.get("unserved")).isEmpty();
        assertThat(onTeam.get("/api/plans/" + sealed + "/export?format=geojson").status()).isEqualTo(403);

        JsonNode opened = onTeam.get("/api/plans/" + open).json();
        assertThat(opened.get("targetsVisible").asBoolean()).isTrue();
        assertThat(opened.get("routes").get(0).get("stops")).isNotEmpty();

        assertThat(notOnTeam.get("/api/plans/" + open).status()).isEqualTo(404);
        assertThat(gis.get("/api/plans/" + open).status()).isEqualTo(404);
        assertThat(planner.get("/api/plans/" + sealed).json().get("targetsVisible").asBoolean()).isTrue();

        List<Long> mine = ids(onTeam.get("/api/plans").json());
        assertThat(mine).contains(sealed, open);
        assertThat(notOnTeam.get("/api/plans").json().get("total").asInt()).isZero();
        assertThat(ids(planner.get("/api/plans?limit=1000").json())).contains(sealed, open);
    }

    private static List<Long> ids(JsonNode page) {
        java.util.ArrayList<Long> out = new java.util.ArrayList<>();
        page.get("items").forEach(i -> out.add(i.get("id").asLong()));
        return out;
    }

    @Test
    void a_plan_exports_as_geojson_gpx_and_a_printable_chinese_sheet() throws Exception {
        long id = create(joint("null")).get("id").asLong();
        Reply geo = planner.get("/api/plans/" + id + "/export?format=geojson");
        assertThat(geo.contentType()).startsWith("application/geo+json");
        JsonNode fc = Json.MAPPER.readTree(geo.body());
        assertThat(fc.get("features")).anySatisfy(f -> assertThat(f.get("geometry").get("type").asText())
                .isEqualTo("LineString"));
        assertThat(fc.get("features")).filteredOn(f -> f.get("properties").get("feature").asText().equals("stop"))
                .hasSize(12);
        assertThat(fc.get("features")).filteredOn(f -> f.get("properties").get("feature").asText().equals("unserved"))
                .hasSize(1);

        Reply gpx = planner.get("/api/plans/" + id + "/export?format=gpx");
        assertThat(gpx.contentType()).startsWith("application/gpx+xml");
        org.w3c.dom.Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(gpx.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("wpt").getLength()).isEqualTo(12);
        assertThat(doc.getElementsByTagName("trk").getLength()).isGreaterThanOrEqualTo(1);

        Reply html = planner.get("/api/plans/" + id + "/export?format=html");
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("交叉执法检查计划", "检查组不得检查本县（区）的检查对象", "芙蓉企业0", "天心组",
                "到达时间", "未安排的检查对象", "无可派出的异地检查组");
        assertThat(planner.get("/api/plans/" + id + "/export?format=kml").status()).isEqualTo(400);
    }

    @Test
    void a_plan_from_a_draw_inspects_the_drawn_sources() {
        Reply d = planner.postJson("/api/draws", "{\"name\":\"天心抽查\",\"rates\":{\"special\":1,\"key\":0.5},"
                + "\"grid\":\"430103\",\"seed\":9}");
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        String body = """
                {"name": "按抽查结果", "days": ["2025-05-20"], "drawId": %d, %s,
                 "teams": [{"name": "芙蓉组", "members": ["A1"], "start": {"lon": 112.98, "lat": 27.52}}]}"""
                .formatted(d.json().get("id").asLong(), QUICK);
        JsonNode p = create(body);
        assertThat(p.get("drawId").asLong()).isEqualTo(d.json().get("id").asLong());
        assertThat(p.get("summary").get("targets").asInt()).isEqualTo(d.json().get("sources").size()).isEqualTo(4);
    }

    @Test
    void bad_plans_are_refused_with_the_field_and_value_and_only_planners_plan() {
        String unknown = joint("null").replace("\"A2\"", "\"NOPE\"");
        assertThat(planner.postJson("/api/plans/joint", unknown).json().get("detail").asText())
                .contains("'teams[0].members[1]'").contains("NOPE");
        String guides = joint("null").replace("[\"A1\", \"A2\", \"BG\"]", "[\"BG\"]");
        assertThat(planner.postJson("/api/plans/joint", guides).json().get("detail").asText())
                .contains("'teams[0]'").contains("only local guides");
        String twice = joint("null").replace("[\"B1\", \"B2\", \"AG\"]", "[\"B1\", \"A1\"]");
        assertThat(planner.postJson("/api/plans/joint", twice).json().get("detail").asText())
                .contains("'A1' is already on team '芙蓉组'");
        assertThat(planner.postJson("/api/plans/joint", joint("null").replace("\"dayCount\": 2", "\"dayCount\": 40"))
                .json().get("detail").asText()).contains("'dayCount'").contains("40");
        assertThat(planner.postJson("/api/plans/joint", joint("null").replace("08:30-12:00", "8h-noon"))
                .json().get("detail").asText()).contains("targets[1].windows[0]").contains("8h-noon");
        assertThat(planner.postJson("/api/plans/joint", joint("null").replace("\"rule\": \"county\"",
                "\"rule\": \"province\"")).json().get("detail").asText()).contains("'rule'").contains("province");
        assertThat(planner.postJson("/api/plans/joint", joint("null").replace("\"sourceCode\": \"W3\"",
                "\"sourceCode\": \"W99\"")).json().get("detail").asText()).contains("'targets[6].sourceCode'")
                .contains("W99");
        assertThat(planner.postJson("/api/plans/joint", "{\"name\": \"x\", \"teemz\": []}").json().get("detail")
                .asText()).contains("unknown field 'teemz'");
        assertThat(planner.get("/api/plans/abc").status()).isEqualTo(400);
        assertThat(planner.get("/api/plans/987654").status()).isEqualTo(404);
        assertThat(onTeam.postJson("/api/plans/joint", joint("null")).status()).isEqualTo(403);
        assertThat(gis.postJson("/api/plans/joint", joint("null")).status()).isEqualTo(403);
    }
}
