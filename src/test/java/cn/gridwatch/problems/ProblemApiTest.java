package cn.gridwatch.problems;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.TestHttp;
import cn.gridwatch.TestHttp.Reply;
import cn.gridwatch.WorkFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Problems over real HTTP on the small city: creation, assignment to cells, the lifecycle and its refusals. */
class ProblemApiTest {
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.withSmallCity();
    private static TestHttp http;
    private static WorkFixtures fx;

    @BeforeAll
    static void start() {
        http = server.http();
        fx = new WorkFixtures(server.testServer());
        fx.source("91430100MA4L000001", "湘江化工有限公司", 112.75, 27.5);
    }

    private static JsonNode create(String body) {
        Reply r = http.postJson("/api/problems", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static Reply move(long id, String body) {
        return http.postJson("/api/problems/" + id + "/transitions", body);
    }

    private static JsonNode moveOk(long id, String body) {
        Reply r = move(id, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void creating_a_problem_at_a_point_assigns_it_to_all_four_cells_with_history_and_audit() {
        JsonNode p = create("{\"title\":\"河道旁露天焚烧\",\"origin\":\"patrol\",\"lon\":112.25,\"lat\":27.5}");
        assertThat(p.get("status").asText()).isEqualTo("found");
        assertThat(p.get("code").asText()).matches("P\\d{4}-\\d{6}");
        assertThat(p.get("cityCode").asText()).isEqualTo("430100000000");
        assertThat(p.get("countyCode").asText()).isEqualTo("430102000000");
        assertThat(p.get("townshipCode").asText()).isEqualTo("430102001000");
        assertThat(p.get("villageCode").asText()).isEqualTo("430102001001");
        assertThat(p.get("overdue").asBoolean()).isFalse();
        long id = p.get("id").asLong();
        assertThat(fx.scalar("select count(*) from grid_assignment where entity_type = 'problem' and entity_id = ?"
                + " and village_code = '430102001001' and valid_to is null", id)).isEqualTo(1);
        assertThat(fx.scalar("select count(*) from audit_log where action = 'problem.create' and entity_key = ?",
                p.get("code").asText())).isEqualTo(1);
        JsonNode detail = http.get("/api/problems/" + id).json();
        assertThat(detail.get("transitions")).hasSize(1);
        assertThat(detail.get("transitions").get(0).get("to").asText()).isEqualTo("found");
        assertThat(detail.get("transitions").get(0).get("from").isNull()).isTrue();
        assertThat(detail.get("transitions").get(0).get("actor").asText()).isEqualTo("admin");
    }

    @Test
    void a_problem_from_a_source_takes_the_source_location_and_cells() {
        JsonNode p = create("{\"title\":\"废气直排\",\"sourceCode\":\"91430100MA4L000001\"}");
        assertThat(p.get("lon").asDouble()).isEqualTo(112.75);
        assertThat(p.get("lat").asDouble()).isEqualTo(27.5);
        assertThat(p.get("villageCode").asText()).isEqualTo("430102001002");
        assertThat(p.get("sourceCode").asText()).isEqualTo("91430100MA4L000001");
        assertThat(p.get("sourceId").isNumber()).isTrue();
    }

    @Test
    void a_problem_from_a_complaint_takes_the_complaint_point_and_its_source() {
        long sourceId = fx.scalar("select id from pollution_source where code = '91430100MA4L000001'");
        fx.exec("insert into complaint (code, received_at, content, source_id, geom) values ('XF-2025-001', now(),"
                + " '夜间异味扰民', ?, ST_SetSRID(ST_MakePoint(112.6, 27.4), 4490))", sourceId);
        long complaintId = fx.scalar("select id from complaint where code = 'XF-2025-001'");
        JsonNode p = create("{\"title\":\"夜间异味\",\"origin\":\"complaint\",\"originId\":" + complaintId + "}");
        assertThat(p.get("origin").asText()).isEqualTo("complaint");
        assertThat(p.get("originId").asLong()).isEqualTo(complaintId);
        assertThat(p.get("lon").asDouble()).isEqualTo(112.6);
        assertThat(p.get("sourceId").asLong()).isEqualTo(sourceId);

        Reply unknown = http.postJson("/api/problems", "{\"title\":\"x\",\"origin\":\"complaint\",\"originId\":999999}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asText()).contains("originId").contains("999999");
    }

    @Test
    void a_problem_from_a_patrol_track_lies_on_the_track_and_one_from_a_dispatch_task_at_its_source() {
        fx.exec("insert into patrol_record (code, officer, started_at, geom) values ('XC-001', '张三', now(),"
                + " ST_GeomFromText('LINESTRING(112.1 27.2, 112.2 27.2, 112.3 27.2)', 4490))");
        long patrolId = fx.scalar("select id from patrol_record where code = 'XC-001'");
        JsonNode p = create("{\"title\":\"巡查发现渗坑\",\"origin\":\"patrol\",\"originId\":" + patrolId + "}");
        assertThat(p.get("lat").asDouble()).isEqualTo(27.2);
        assertThat(p.get("lon").asDouble()).isBetween(112.1, 112.3);
        assertThat(p.get("villageCode").asText()).isEqualTo("430102001001");

        long sourceId = fx.scalar("select id from pollution_source where code = '91430100MA4L000001'");
        fx.exec("insert into patrol_task (reason, station_code, reading_at, source_id, grid_code, created_by)"
                + " values ('pm25 120 > 75', '1001A', now(), ?, '430102001002', 'admin')", sourceId);
        long taskId = fx.scalar("select id from patrol_task where source_id = ?", sourceId);
        JsonNode d = create("{\"title\":\"点位长调度核查发现\",\"origin\":\"station_dispatch\",\"originId\":"
                + taskId + "}");
        assertThat(d.get("sourceId").asLong()).isEqualTo(sourceId);
        assertThat(d.get("lon").asDouble()).isEqualTo(112.75);
    }

    @Test
    void coordinates_in_gcj02_are_converted_before_the_problem_is_placed() {
        JsonNode p = create("{\"title\":\"扬尘\",\"lon\":112.25,\"lat\":27.5,\"crs\":\"GCJ-02\"}");
        assertThat(p.get("lon").asDouble()).isNotEqualTo(112.25).isCloseTo(112.25, org.assertj.core.data.Offset.offset(0.01));
        assertThat(p.get("villageCode").asText()).isEqualTo("430102001001");
    }

    @Test
    void bad_requests_are_refused_with_the_field_named_and_nothing_written() {
        long before = fx.scalar("select count(*) from problem");
        assertThat(detail(http.postJson("/api/problems", "{\"lon\":112.25,\"lat\":27.5}"), 400)).contains("title");
        assertThat(detail(http.postJson("/api/problems", "{\"title\":\"x\",\"lon\":112.25}"), 400)).contains("lat");
        assertThat(detail(http.postJson("/api/problems", "{\"title\":\"x\",\"colour\":1}"), 400)).contains("colour");
        assertThat(detail(http.postJson("/api/problems", "{\"title\":\"x\",\"lon\":112.2,\"lat\":27.5,"
                + "\"deadline\":\"next week\"}"), 400)).contains("deadline").contains("next week");
        assertThat(detail(http.postJson("/api/problems", "{\"title\":\"x\",\"lon\":100.0,\"lat\":27.5}"), 400))
                .contains("outside every grid cell");
        assertThat(detail(http.postJson("/api/problems", "{\"title\":\"x\"}"), 400)).contains("location");
        assertThat(detail(http.postJson("/api/problems", "{\"title\":\"x\",\"origin\":\"rumour\",\"lon\":112.2,"
                + "\"lat\":27.5}"), 400)).contains("origin").contains("rumour");
        assertThat(fx.scalar("select count(*) from problem")).isEqualTo(before);
    }

    @Test
    void a_taken_code_is_a_conflict() {
        create("{\"code\":\"WT-001\",\"title\":\"a\",\"lon\":112.2,\"lat\":27.5}");
        assertThat(detail(http.postJson("/api/problems", "{\"code\":\"WT-001\",\"title\":\"b\",\"lon\":112.2,"
                + "\"lat\":27.5}"), 409)).contains("WT-001");
    }

    @Test
    void the_whole_lifecycle_records_every_transition_with_who_when_and_note() {
        long id = create("{\"title\":\"堆场未覆盖\",\"lon\":112.3,\"lat\":27.3}").get("id").asLong();
        JsonNode a = moveOk(id, "{\"to\":\"assigned\",\"assignee\":\"张三\",\"deadline\":\"2099-12-31\","
                + "\"note\":\"请三日内整改\"}");
        assertThat(a.get("assignee").asText()).isEqualTo("张三");
        assertThat(a.get("deadline").asText()).isEqualTo("2099-12-31T16:00:00Z"); // end of the day in +08:00
        moveOk(id, "{\"to\":\"rectifying\"}");
        moveOk(id, "{\"to\":\"verified\",\"note\":\"现场复核已覆盖\"}");
        JsonNode closed = moveOk(id, "{\"to\":\"closed\"}");
        assertThat(closed.get("status").asText()).isEqualTo("closed");
        assertThat(closed.get("closedAt").isNull()).isFalse();
        JsonNode t = closed.get("transitions");
        assertThat(t).hasSize(5);
        List<String> path = new ArrayList<>();
        t.forEach(x -> path.add(x.get("to").asText()));
        assertThat(path).containsExactly("found", "assigned", "rectifying", "verified", "closed");
        assertThat(t.get(1).get("from").asText()).isEqualTo("found");
        assertThat(t.get(1).get("note").asText()).isEqualTo("请三日内整改");
        assertThat(t.get(3).get("actor").asText()).isEqualTo("admin");
        assertThat(Instant.parse(t.get(4).get("at").asText())).isAfterOrEqualTo(Instant.parse(t.get(0).get("at").asText()));
        String code = closed.get("code").asText();
        assertThat(fx.scalar("select count(*) from audit_log where action = 'problem.transition' and entity_key = ?",
                code)).isEqualTo(4);
    }

    @Test
    void illegal_transitions_are_409_naming_from_to_and_the_allowed_statuses_and_change_nothing() {
        long id = create("{\"title\":\"噪声\",\"lon\":112.3,\"lat\":27.3}").get("id").asLong();
        Reply r = move(id, "{\"to\":\"verified\"}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("detail").asText()).contains("'found'").contains("'verified'")
                .contains("assigned, closed_unfixed");
        Reply closing = move(id, "{\"to\":\"closed\"}");
        assertThat(closing.status()).isEqualTo(409);
        JsonNode d = http.get("/api/problems/" + id).json();
        assertThat(d.get("status").asText()).isEqualTo("found");
        assertThat(d.get("transitions")).hasSize(1);
        assertThat(detail(move(id, "{\"to\":\"solved\"}"), 400)).contains("'to'").contains("solved");
        assertThat(detail(move(id, "{}"), 400)).contains("'to'");
        assertThat(detail(move(424242, "{\"to\":\"assigned\",\"assignee\":\"x\"}"), 404)).contains("424242");
        assertThat(detail(http.postJson("/api/problems/abc/transitions", "{\"to\":\"assigned\"}"), 400)).contains("abc");
    }

    @Test
    void closing_without_fix_needs_a_reason_and_a_closed_problem_can_only_be_reopened() {
        long id = create("{\"title\":\"油烟\",\"lon\":112.3,\"lat\":27.3}").get("id").asLong();
        assertThat(detail(move(id, "{\"to\":\"closed_unfixed\"}"), 400)).contains("reason").contains("closed_unfixed");
        JsonNode closed = moveOk(id, "{\"to\":\"closed_unfixed\",\"reason\":\"企业已注销，无整改主体\"}");
        assertThat(closed.get("closeReason").asText()).isEqualTo("企业已注销，无整改主体");
        assertThat(closed.get("closedAt").isNull()).isFalse();

        Reply again = move(id, "{\"to\":\"rectifying\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("'closed_unfixed'").contains("'rectifying'")
                .contains("reopened").contains("assigned");
        assertThat(detail(move(id, "{\"to\":\"assigned\"}"), 400)).contains("assignee");

        JsonNode reopened = moveOk(id, "{\"to\":\"assigned\",\"assignee\":\"李四\",\"note\":\"群众再次投诉\"}");
        assertThat(reopened.get("status").asText()).isEqualTo("assigned");
        assertThat(reopened.get("closedAt").isNull()).isTrue();
        assertThat(reopened.get("closeReason").isNull()).isTrue();
        assertThat(fx.scalar("select count(*) from audit_log where action = 'problem.reopen' and entity_key = ?",
                reopened.get("code").asText())).isEqualTo(1);
        assertThat(reopened.get("transitions").get(1).get("note").asText()).isEqualTo("企业已注销，无整改主体");
        assertThat(reopened.get("transitions").get(2).get("from").asText()).isEqualTo("closed_unfixed");
    }

    @Test
    void a_move_that_expects_a_status_the_problem_no_longer_has_is_a_conflict() {
        long id = create("{\"title\":\"渗漏\",\"lon\":112.3,\"lat\":27.3}").get("id").asLong();
        moveOk(id, "{\"to\":\"assigned\",\"assignee\":\"张三\",\"expected\":\"found\"}");
        Reply stale = move(id, "{\"to\":\"closed_unfixed\",\"reason\":\"r\",\"expected\":\"found\"}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("detail").asText()).contains("'assigned'").contains("not 'found'");
    }

    @Test
    void two_officers_moving_the_same_problem_at_once_cannot_both_succeed() throws Exception {
        long id = create("{\"title\":\"并发\",\"lon\":112.3,\"lat\":27.3}").get("id").asLong();
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> replies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String who = "officer" + i;
            replies.add(pool.submit(() -> {
                go.await();
                return move(id, "{\"to\":\"assigned\",\"assignee\":\"" + who + "\"}").status();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : replies) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(n - 1);
        assertThat(fx.scalar("select count(*) from problem_transition where problem_id = ?", id)).isEqualTo(2);
    }

    @Test
    void overdue_is_computed_when_read_never_stored() throws Exception {
        Instant soon = Instant.now().plusMillis(1500);
        long id = create("{\"title\":\"限期整改\",\"lon\":112.3,\"lat\":27.3,\"deadline\":\"" + soon + "\"}")
                .get("id").asLong();
        assertThat(http.get("/api/problems/" + id).json().get("overdue").asBoolean()).isFalse();
        Thread.sleep(2000);
        assertThat(http.get("/api/problems/" + id).json().get("overdue").asBoolean()).isTrue(); // nothing was written
        moveOk(id, "{\"to\":\"closed_unfixed\",\"reason\":\"并入其他问题\"}");
        assertThat(http.get("/api/problems/" + id).json().get("overdue").asBoolean()).isFalse();
    }

    private static String detail(Reply r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json().get("detail").asText();
    }
}
