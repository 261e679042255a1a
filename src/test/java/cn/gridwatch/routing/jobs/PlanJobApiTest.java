package cn.gridwatch.routing.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.TestHttp;
import cn.gridwatch.TestHttp.Reply;
import cn.gridwatch.TestServer;
import cn.gridwatch.routing.plan.RegisterRows;
import cn.gridwatch.security.AuditEntry;
import cn.gridwatch.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Background plan jobs over real HTTP on the real PostGIS and the small test city (two counties split
 * at 113°E), with one worker and a queue of one so that queueing, a full queue and cancelling can be
 * seen: submit (202 + Location), poll until done, the plan they point to, checks at submit time,
 * ownership, cancel of a queued and of a running search with nothing stored, a second instance on
 * the same database, and a job whose instance stopped.
 */
class PlanJobApiTest {
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.withSmallCity()
            .env("GRIDWATCH_PLAN_WORKERS", "1").env("GRIDWATCH_PLAN_QUEUE", "1");
    private static TestHttp planner;
    private static TestHttp otherPlanner;
    private static TestHttp gis;
    private static final String QUICK = "\"solver\": {\"solutionLimit\": 300, \"timeLimitSeconds\": 60}";
    /** Runs until cancelled: no counting limit, 100 targets (no stall limit above 80 nodes), 10 minutes. */
    private static final String ENDLESS = "\"solver\": {\"solutionLimit\": 100000000, \"improvementRate\": 0, "
            + "\"timeLimitSeconds\": 600}";

    @BeforeAll
    static void start() {
        planner = server.userWithToken("planner1", Role.PLANNER, null);
        otherPlanner = server.userWithToken("planner2", Role.PLANNER, null);
        gis = server.userWithToken("gis1", Role.GIS_CLIENT, null);
        RegisterRows rows = new RegisterRows(server.db());
        rows.inspector("A1", "芙蓉执法一", "430102", "enforcement", null);
        rows.inspector("B1", "天心执法一", "430103", "enforcement", null);
        for (int i = 0; i < 4; i++) {
            rows.source("W" + i, "芙蓉企业" + i, "key", 112.96 + i * 0.005, 27.5 + i * 0.004, "430102", "430102001");
            rows.source("E" + i, "天心企业" + i, "key", 113.01 + i * 0.005, 27.5 + i * 0.004, "430103", "430103001");
        }
    }

    static String joint(String targets, String solver) {
        return """
                {"name": "后台交叉执法", "rule": "county", "firstDay": "2025-05-12", "dayCount": 2,
                 "teams": [{"name": "芙蓉组", "members": ["A1"], "start": {"lon": 112.98, "lat": 27.52}},
                           {"name": "天心组", "members": ["B1"], "start": {"lon": 113.02, "lat": 27.52}}],
                 "targets": [%s], %s}""".formatted(targets, solver);
    }

    static String registerTargets() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            b.append(i == 0 ? "" : ", ").append("{\"sourceCode\": \"W").append(i).append("\"}, {\"sourceCode\": \"E")
                    .append(i).append("\"}");
        }
        return b.toString();
    }

    static String manyTargets() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            double lon = 112.95 + (i % 10) * 0.011;
            double lat = 27.45 + (i / 10) * 0.01;
            b.append(i == 0 ? "" : ", ").append("{\"code\": \"T").append(i).append("\", \"lon\": ").append(lon)
                    .append(", \"lat\": ").append(lat).append(", \"serviceMinutes\": 10}");
        }
        return b.toString();
    }

    static JsonNode submitted(Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        JsonNode j = r.json();
        assertThat(j.get("status").asText()).isEqualTo("queued");
        assertThat(j.get("href").asText()).isEqualTo("/api/plan-jobs/" + j.get("id").asLong());
        assertThat(r.header("Location")).isEqualTo(j.get("href").asText());
        assertThat(j.size()).isEqualTo(3); // exactly id, status, href
        return j;
    }

    static JsonNode waitFor(TestHttp who, String href, Set<String> states) throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        JsonNode j;
        do {
            Reply r = who.get(href);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            j = r.json();
            if (states.contains(j.get("status").asText())) {
                return j;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("job " + href + " did not reach " + states + ": " + j);
    }

    @Test
    void an_async_joint_plan_is_answered_202_and_its_job_ends_with_the_stored_plan() throws Exception {
        JsonNode job = submitted(planner.postJson("/api/plans/joint?async=true", joint(registerTargets(), QUICK)));
        JsonNode done = waitFor(planner, job.get("href").asText(), Set.of("done", "failed", "cancelled"));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("done");
        assertThat(done.get("kind").asText()).isEqualTo("joint");
        assertThat(done.get("submittedAt").asText()).isNotBlank();
        assertThat(done.get("startedAt").asText()).isNotBlank();
        assertThat(done.get("finishedAt").asText()).isNotBlank();
        assertThat(done.get("progress").get("phase").asText()).isEqualTo("saving");
        assertThat(done.get("progress").get("solutions").asLong()).isPositive();
        assertThat(done.get("progress").get("limitMs").asLong()).isEqualTo(60_000);
        assertThat(done.has("error")).isFalse();
        long planId = done.get("plan").get("id").asLong();
        assertThat(done.get("plan").get("href").asText()).isEqualTo("/api/plans/" + planId);
        JsonNode plan = planner.get("/api/plans/" + planId).json();
        assertThat(plan.get("summary").get("served").asInt()).isEqualTo(8);
        Map<Integer, String> home = Map.of(0, "430102", 1, "430103");
        for (JsonNode r : plan.get("routes")) {
            for (JsonNode s : r.get("stops")) {
                assertThat(s.get("county").asText()).isNotEqualTo(home.get(r.get("teamNo").asInt()));
            }
        }
        List<AuditEntry> audit = server.services().audit().find("plan_job", job.get("id").asText(), 5);
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("plan_job_submit");
            assertThat(e.actor()).isEqualTo("planner1");
        });
        assertThat(server.services().audit().find("inspection_plan", Long.toString(planId), 5)).hasSize(1);
        // the submitter lists it; another planner neither sees nor cancels it; the administrator sees it
        assertThat(planner.get("/api/plan-jobs").json().get("items").findValuesAsText("href"))
                .contains(job.get("href").asText());
        assertThat(otherPlanner.get(job.get("href").asText()).status()).isEqualTo(404);
        assertThat(otherPlanner.delete(job.get("href").asText()).status()).isEqualTo(404);
        assertThat(otherPlanner.get("/api/plan-jobs").json().get("items").findValuesAsText("href"))
                .doesNotContain(job.get("href").asText());
        assertThat(server.http().get(job.get("href").asText()).status()).isEqualTo(200);
        // a job that has ended cannot be cancelled
        assertThat(planner.delete(job.get("href").asText()).status()).isEqualTo(409);
    }

    @Test
    void prefer_respond_async_queues_a_patrol_route_and_without_it_the_api_stays_synchronous() throws Exception {
        String patrol = """
                {"date": "2025-05-12", "start": {"lon": 112.97, "lat": 27.51}, "officer": "planner1",
                 "targets": [{"sourceCode": "W0"}, {"sourceCode": "W1"}, {"sourceCode": "W2"}], %s}""".formatted(QUICK);
        Reply accepted = planner.with("Prefer", "respond-async, wait=5").postJson("/api/plans/patrol", patrol);
        assertThat(accepted.header("Preference-Applied")).isEqualTo("respond-async");
        JsonNode job = submitted(accepted);
        JsonNode done = waitFor(planner, job.get("href").asText(), Set.of("done", "failed", "cancelled"));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("done");
        assertThat(done.get("kind").asText()).isEqualTo("patrol");
        Reply sync = planner.postJson("/api/plans/patrol", patrol);
        assertThat(sync.status()).as(sync.body()).isEqualTo(201);
        assertThat(sync.json().get("routes").get(0).get("stops")).hasSize(3);
        assertThat(planner.postJson("/api/plans/patrol?async=false", patrol).status()).isEqualTo(201);
    }

    @Test
    void bad_requests_are_refused_at_submit_time_before_anything_is_queued() {
        int before = planner.get("/api/plan-jobs").json().get("total").asInt();
        Reply unknown = planner.postJson("/api/plans/joint?async=true",
                joint("{\"sourceCode\": \"NOPE\"}", QUICK));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400); // as without async
        assertThat(unknown.body()).contains("NOPE");
        Reply noTeams = planner.postJson("/api/plans/joint?async=true", "{\"name\": \"x\", \"days\": [\"2025-05-12\"],"
                + " \"targets\": [{\"sourceCode\": \"W0\"}]}");
        assertThat(noTeams.status()).isEqualTo(400);
        assertThat(noTeams.body()).contains("teams");
        Reply badFlag = planner.postJson("/api/plans/joint?async=maybe", joint(registerTargets(), QUICK));
        assertThat(badFlag.status()).isEqualTo(400);
        assertThat(badFlag.body()).contains("async").contains("maybe");
        assertThat(gis.postJson("/api/plans/joint?async=true", joint(registerTargets(), QUICK)).status())
                .isEqualTo(403);
        assertThat(planner.get("/api/plan-jobs").json().get("total").asInt()).isEqualTo(before);
        assertThat(planner.get("/api/plan-jobs/abc").status()).isEqualTo(400);
        assertThat(planner.get("/api/plan-jobs/999999").status()).isEqualTo(404);
    }

    @Test
    void a_full_queue_answers_503_and_cancelled_jobs_stop_their_search_and_store_nothing() throws Exception {
        int plansBefore = server.http().get("/api/plans").json().get("total").asInt();
        JsonNode running = submitted(planner.postJson("/api/plans/joint?async=true", joint(manyTargets(), ENDLESS)));
        String href = running.get("href").asText();
        try {
            cancelWhileRunning(href, running.get("id").asText(), plansBefore);
        } finally {
            planner.delete(href); // never leave the endless search running for the other tests
        }
        // the worker is free again
        JsonNode next = submitted(planner.postJson("/api/plans/joint?async=true", joint(registerTargets(), QUICK)));
        assertThat(waitFor(planner, next.get("href").asText(), Set.of("done", "failed", "cancelled"))
                .get("status").asText()).isEqualTo("done");
    }

    private static void cancelWhileRunning(String href, String id, int plansBefore) throws Exception {
        // wait until the search is under way and has found solutions
        long deadline = System.nanoTime() + 120_000_000_000L;
        JsonNode now = planner.get(href).json();
        while (!(now.get("status").asText().equals("running") && now.get("progress").get("phase").asText()
                .equals("solving") && now.get("progress").get("solutions").asLong() > 0)
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
            now = planner.get(href).json();
        }
        assertThat(now.get("status").asText()).as(now.toString()).isEqualTo("running");
        assertThat(now.get("progress").get("limitMs").asLong()).isEqualTo(600_000);
        assertThat(now.get("progress").get("elapsedMs").asLong()).isPositive();
        // one worker busy, one place in the queue: the second waits, the third is refused
        JsonNode queued = submitted(otherPlanner.postJson("/api/plans/joint?async=true", joint(registerTargets(), QUICK)));
        Reply full = planner.postJson("/api/plans/joint?async=true", joint(registerTargets(), QUICK));
        assertThat(full.status()).as(full.body()).isEqualTo(503);
        assertThat(full.header("Retry-After")).isEqualTo("60");
        assertThat(full.json().get("detail").asText()).contains("queue is full");
        assertThat(otherPlanner.get(queued.get("href").asText()).json().get("status").asText()).isEqualTo("queued");
        // cancel the queued one: at once, it never runs
        Reply c1 = otherPlanner.delete(queued.get("href").asText());
        assertThat(c1.status()).as(c1.body()).isEqualTo(200);
        assertThat(c1.json().get("status").asText()).isEqualTo("cancelled");
        assertThat(c1.json().get("startedAt").isNull()).isTrue();
        // cancel the running one: the search stops long before its 10 minutes
        Reply c2 = planner.delete(href);
        assertThat(c2.status()).as(c2.body()).isEqualTo(200);
        JsonNode ended = waitFor(planner, href, Set.of("done", "failed", "cancelled"));
        assertThat(ended.get("status").asText()).isEqualTo("cancelled");
        assertThat(ended.get("progress").get("elapsedMs").asLong()).isLessThan(300_000);
        assertThat(ended.has("plan")).isFalse();
        assertThat(server.http().get("/api/plans").json().get("total").asInt()).isEqualTo(plansBefore);
        assertThat(server.services().audit().find("plan_job", id, 5))
                .extracting(AuditEntry::action).containsExactly("plan_job_cancel", "plan_job_submit");
    }

    @Test
    void another_instance_on_the_same_database_sees_and_cancels_a_job_and_a_stopped_instance_s_job_fails()
            throws Exception {
        try (TestServer second = new TestServer(server.fresh(),
                Map.of("GRIDWATCH_PLAN_WORKERS", "1", "GRIDWATCH_PLAN_QUEUE", "1"))) {
            TestHttp viaSecond = new TestHttp(second.port()).bearer(second.tokenFor("planner1"));
            JsonNode job = submitted(planner.postJson("/api/plans/joint?async=true", joint(manyTargets(), ENDLESS)));
            String href = job.get("href").asText();
            try {
                // the first instance computes it; the second reads its progress from plan_job
                long deadline = System.nanoTime() + 120_000_000_000L;
                JsonNode seen = viaSecond.get(href).json();
                while (!(seen.get("status").asText().equals("running")
                        && seen.get("progress").get("solutions").asLong() > 0) && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                    seen = viaSecond.get(href).json();
                }
                assertThat(seen.get("status").asText()).as(seen.toString()).isEqualTo("running");
                assertThat(seen.get("progress").get("phase").asText()).isEqualTo("solving");
                assertThat(viaSecond.get("/api/plan-jobs").json().get("items").findValuesAsText("href")).contains(href);
                // a cancel on the second instance reaches the search on the first
                Reply c = viaSecond.delete(href);
                assertThat(c.status()).as(c.body()).isEqualTo(200);
                assertThat(c.json().get("status").asText()).isEqualTo("cancelled");
                assertThat(planner.get(href).json().get("status").asText()).isEqualTo("cancelled");
            } finally {
                planner.delete(href);
            }
        }
        // a job whose instance stopped beating is failed, with the reason
        long stale = server.db().withConnection("a job of a stopped instance", c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("insert into plan_job (kind, name, owner, status, "
                    + "submitted_at, started_at, phase, limit_ms, heartbeat_at) values ('joint', 'x', 'planner1', "
                    + "'running', now() - interval '1 hour', now() - interval '1 hour', 'solving', 300000, "
                    + "now() - interval '50 minutes') returning id"); java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        JsonNode failed = planner.get("/api/plan-jobs/" + stale).json();
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("error").get("status").asInt()).isEqualTo(500);
        assertThat(failed.get("error").get("message").asText()).contains("stopped");
        assertThat(otherPlanner.get("/api/plan-jobs/" + stale).status()).isEqualTo(404);
    }
}
