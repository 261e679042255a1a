package cn.gridwatch.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.TestHttp;
import cn.gridwatch.TestHttp.Reply;
import cn.gridwatch.routing.plan.RegisterRows;
import cn.gridwatch.security.AuditEntry;
import cn.gridwatch.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Random draws over HTTP on the real PostGIS, with register rows written in plain SQL. */
class DrawApiTest {
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.server();
    private static TestHttp planner;
    private static TestHttp inspector;
    private static RegisterRows rows;
    private static final String BODY = """
            {"name": "2025年第二季度双随机", "rates": {"special": 1, "key": 0.25, "general": 0.05},
             "grid": "430102", "inspectorCount": 3, "seed": %s}""";

    @BeforeAll
    static void start() {
        planner = server.userWithToken("planner1", Role.PLANNER, null);
        inspector = server.userWithToken("inspector1", Role.INSPECTOR, null);
        rows = new RegisterRows(server.db());
        // in 430102: 4 special, 40 key, 41 general (and 2 closed); in 430103 the same again
        for (String county : new String[] {"430102", "430103"}) {
            for (int i = 0; i < 4; i++) {
                rows.source(county + "S" + i, "特殊监管" + i, "special", 112.9, 27.5, county, null);
            }
            for (int i = 0; i < 40; i++) {
                rows.source(county + "K" + i, "重点排污" + i, "key", 112.9, 27.5, county, null);
            }
            for (int i = 0; i < 43; i++) {
                rows.source(county + "G" + i, "一般企业" + i, "general", 112.9, 27.5, county, null);
            }
            rows.closeSource(county + "G41");
            rows.closeSource(county + "G42");
            for (int i = 0; i < 5; i++) {
                rows.inspector(county + "I" + i, "执法" + county + i, county, "enforcement", null);
            }
            rows.inspector(county + "GD", "向导" + county, county, "guide", null);
        }
    }

    private static JsonNode draw(String seed) {
        Reply r = planner.postJson("/api/draws", BODY.formatted(seed));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static List<Long> ids(JsonNode draw, String list, String idField) {
        List<Long> out = new ArrayList<>();
        draw.get(list).forEach(n -> out.add(n.get(idField).asLong()));
        return out;
    }

    @Test
    void a_draw_takes_each_class_at_its_rate_rounded_up_inside_the_grid_subtree() {
        JsonNode d = draw("42");
        assertThat(d.get("seed").asText()).isEqualTo("42");
        assertThat(d.get("grid").asText()).isEqualTo("430102");
        JsonNode classes = d.get("classes");
        assertThat(classes.get(0).get("inspectionClass").asText()).isEqualTo("special");
        assertThat(classes.get(0).get("candidates").asInt()).isEqualTo(4);
        assertThat(classes.get(0).get("drawn").asInt()).isEqualTo(4);
        assertThat(classes.get(1).get("drawn").asInt()).isEqualTo(10);      // 25% of 40
        assertThat(classes.get(2).get("candidates").asInt()).isEqualTo(41); // the closed ones are not candidates
        assertThat(classes.get(2).get("drawn").asInt()).isEqualTo(3);       // 5% of 41 = 2.05, rounded up
        assertThat(d.get("sources")).hasSize(17).allSatisfy(s -> assertThat(s.get("county").asText()).isEqualTo("430102"));
        assertThat(d.get("inspectors")).hasSize(3)
                .allSatisfy(i -> assertThat(i.get("kind").asText()).isEqualTo("enforcement"));
        assertThat(d.get("inspectorCandidates").asInt()).isEqualTo(10);
        assertThat(d.get("registerHash").asText()).matches("[0-9a-f]{64}");
        assertThat(d.get("drawnBy").asText()).isEqualTo("planner1");

        List<AuditEntry> audit = server.services().audit().find("inspection_draw", d.get("id").asText(), 10);
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("draw");
            assertThat(e.actor()).isEqualTo("planner1");
            assertThat(e.after().get("seed").asText()).isEqualTo("42");
        });
    }

    @Test
    void the_same_inputs_and_seed_reproduce_the_draw_and_another_seed_does_not() {
        JsonNode a = draw("20250401");
        JsonNode b = draw("20250401");
        JsonNode c = draw("20250402");
        assertThat(b.get("id").asLong()).isNotEqualTo(a.get("id").asLong());
        assertThat(ids(b, "sources", "sourceId")).isEqualTo(ids(a, "sources", "sourceId"));
        assertThat(ids(b, "inspectors", "inspectorId")).isEqualTo(ids(a, "inspectors", "inspectorId"));
        assertThat(b.get("registerHash")).isEqualTo(a.get("registerHash"));
        assertThat(ids(c, "sources", "sourceId")).isNotEqualTo(ids(a, "sources", "sourceId"));

        JsonNode v = planner.get("/api/draws/" + a.get("id").asLong() + "/verify").json();
        assertThat(v.get("reproduced").asBoolean()).isTrue();
        assertThat(v.get("registerUnchanged").asBoolean()).isTrue();
    }

    @Test
    void without_a_seed_one_is_drawn_and_stored_and_a_changed_register_shows_in_the_verification() {
        JsonNode d = draw("null");
        assertThat(d.get("seed").asText()).matches("\\d+");
        rows.source("430102K-new", "新增重点", "key", 112.9, 27.5, "430102", null);
        JsonNode v = planner.get("/api/draws/" + d.get("id").asLong() + "/verify").json();
        assertThat(v.get("reproduced").asBoolean()).isTrue();
        assertThat(v.get("registerUnchanged").asBoolean()).isFalse();
        assertThat(v.get("currentRegisterHash").asText()).isNotEqualTo(v.get("registerHash").asText());
        rows.closeSource("430102K-new");
    }

    @Test
    void bad_requests_are_refused_naming_the_field_and_value() {
        assertThat(planner.postJson("/api/draws", "{\"name\":\"x\",\"rates\":{\"general\":1.5}}").json()
                .get("detail").asText()).contains("'rates.general'").contains("1.5");
        assertThat(planner.postJson("/api/draws", "{\"name\":\"x\",\"rates\":{\"huge\":0.5}}").json()
                .get("detail").asText()).contains("unknown class 'huge'");
        assertThat(planner.postJson("/api/draws", "{\"name\":\"x\",\"rates\":{\"key\":0.5},\"colour\":1}").json()
                .get("detail").asText()).contains("unknown field 'colour'");
        Reply tooMany = planner.postJson("/api/draws", "{\"name\":\"x\",\"rates\":{\"key\":0.5},\"inspectorCount\":11,"
                + "\"excludeCounties\":[\"430103\"]}");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("detail").asText()).contains("asks for 11 inspectors, but only 5")
                .contains("430103");
        assertThat(planner.postJson("/api/draws", "{\"name\":\"x\",\"rates\":{\"key\":0.5},\"grid\":\"43x\"}").json()
                .get("detail").asText()).contains("'grid'");
        assertThat(planner.get("/api/draws/999999").status()).isEqualTo(404);
    }

    @Test
    void only_planners_and_administrators_draw_but_everyone_signed_in_reads_the_public_record() {
        assertThat(inspector.postJson("/api/draws", BODY.formatted("1")).status()).isEqualTo(403);
        assertThat(inspector.get("/api/draws").status()).isEqualTo(403);
        JsonNode d = draw("5");
        long id = d.get("id").asLong();
        assertThat(inspector.get("/api/draws/" + id).status()).isEqualTo(403);
        Reply pub = inspector.get("/api/draws/" + id + "/export?format=json");
        assertThat(pub.status()).isEqualTo(200);
        JsonNode rec = pub.json();
        assertThat(rec.get("title").asText()).isEqualTo("双随机抽查结果公开");
        assertThat(rec.get("sources")).hasSize(17);
        assertThat(rec.get("inspectors")).hasSize(3);
        assertThat(pub.body()).doesNotContain("13800000000").doesNotContain("sourceId").doesNotContain("inspectorId");
        Reply csv = inspector.get("/api/draws/" + id + "/export?format=csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFFdraw_id,draw_name,drawn_at,seed,register_hash,type");
        assertThat(csv.body().lines().filter(l -> l.contains(",source,"))).hasSize(17);
        assertThat(planner.get("/api/draws?limit=2").json().get("total").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(inspector.get("/api/draws/" + id + "/export?format=pdf").status()).isEqualTo(400);
    }

    @Test
    void a_sealed_draw_publishes_the_counts_but_not_the_lists_until_its_time() {
        Reply r = planner.postJson("/api/draws", "{\"name\":\"保密\",\"rates\":{\"special\":1},\"inspectorCount\":1,"
                + "\"sealedUntil\":\"2099-01-01T08:00:00+08:00\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode rec = inspector.get("/api/draws/" + r.json().get("id").asLong() + "/export").json();
        assertThat(rec.get("sealed").asBoolean()).isTrue();
        assertThat(rec.get("sources")).isEmpty();
        assertThat(rec.get("inspectors")).isEmpty();
        assertThat(rec.get("classes").get(0).get("drawn").asInt()).isEqualTo(8);
        String csv = inspector.get("/api/draws/" + r.json().get("id").asLong() + "/export?format=csv").body();
        assertThat(csv).contains(",sealed,").doesNotContain("特殊监管");
        // the planner's own view is not sealed
        assertThat(r.json().get("sources")).hasSize(8);
    }
}
