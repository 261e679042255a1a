package cn.gridwatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Route;
import java.time.LocalDate;

/**
 * New plans from the planner tab as background jobs ({@code POST /api/plans/joint?async=true},
 * {@code /api/plan-jobs/{id}}), after {@link JointPlanFlow} has imported the inspectors and sources:
 * a quick plan is typed in, runs, shows its elapsed time against its limit and opens when done; an
 * endless one shows its progress while it runs and is cancelled from the page (the server's job says
 * cancelled and no plan is stored); and when the server answers the submission synchronously (the
 * request re-routed to the URL without {@code async}), the plan opens at once. The simple fields above
 * the JSON (name, first day, day count, minutes per stop) change the request that is stored, and a
 * language change relabels the form without losing what was typed.
 */
final class PlanJobFlow {
    private final TestServer server;
    private final MapPage map;

    PlanJobFlow(TestServer server, MapPage map) {
        this.server = server;
        this.map = map;
    }

    static String request(String name, String targets, String solver) {
        return """
                {"name": "%s", "rule": "county", "firstDay": "%s", "dayCount": 1,
                 "teams": [{"name": "芙蓉组", "members": ["A1"], "start": {"lon": 112.98, "lat": 27.52}},
                           {"name": "天心组", "members": ["B1"], "start": {"lon": 113.02, "lat": 27.52}}],
                 "targets": [%s], "solver": %s}""".formatted(name, LocalDate.now().plusDays(2), targets, solver);
    }

    void run() {
        String quick = request("后台计算测试", "{\"sourceCode\": \"JW1\"}, {\"sourceCode\": \"JE1\"}",
                "{\"solutionLimit\": 300, \"timeLimitSeconds\": 60}");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            many.append(i == 0 ? "" : ", ").append("{\"code\": \"T").append(i).append("\", \"lon\": ")
                    .append(112.95 + (i % 10) * 0.011).append(", \"lat\": ").append(27.45 + (i / 10) * 0.01)
                    .append(", \"serviceMinutes\": 10}");
        }
        String endless = request("取消测试", many.toString(),
                "{\"solutionLimit\": 100000000, \"improvementRate\": 0, \"timeLimitSeconds\": 600}");

        map.open();
        map.page().waitForFunction("() => window.gwTimings.probed");
        map.$("#btn-plan").click();
        map.$("details.plan-new summary").click();
        map.$("#plan-request").fill("{not json");
        map.$("#plan-submit").click();
        assertThat(map.$("#plan-job .error").textContent()).contains("JSON");

        assertThat(map.$("#plan-kind").inputValue()).as("administrators default to joint plans").isEqualTo("joint");
        assertThat(map.$("#plan-kind option").count()).isEqualTo(2);
        map.$("#plan-kind").selectOption("patrol");
        assertThat(map.$("#plan-request").inputValue()).contains("\"date\"");
        assertThat(map.$("#plan-f-date").isVisible()).isTrue();
        assertThat(map.$("#plan-f-firstDay").isVisible()).isFalse();
        map.$("#plan-kind").selectOption("joint");
        map.$("#plan-request").fill(quick);
        assertThat(map.$("#plan-f-name").inputValue()).as("the fields read the JSON").isEqualTo("后台计算测试");
        assertThat(map.$("#plan-f-date").isVisible()).isFalse();
        LocalDate first = LocalDate.now().plusDays(3);
        map.$("#plan-f-name").fill("字段填写的方案");
        map.$("#plan-f-firstDay").fill(first.toString());
        map.$("#plan-f-dayCount").fill("2");
        map.$("#plan-f-serviceMinutes").fill("45");
        assertThat(map.$("#plan-request").inputValue()).contains("\"name\": \"字段填写的方案\"")
                .contains("\"dayCount\": 2").contains("\"serviceMinutes\": 45").contains("\"teams\"");

        map.$("#btn-lang").click();
        assertThat(map.$("label:has(#plan-f-name)").textContent()).isEqualTo("Plan name");
        assertThat(map.$("label:has(#plan-f-firstDay)").textContent()).isEqualTo("First day");
        assertThat(map.$("label:has(#plan-kind)").textContent()).startsWith("Kind").contains("joint enforcement");
        assertThat(map.$("#plan-submit").textContent()).isEqualTo("Compute");
        assertThat(map.$("details.plan-new summary").textContent()).isEqualTo("New plan");
        assertThat(map.$("#plan-body h3").textContent()).isEqualTo("Patrol and joint-enforcement plans");
        assertThat(map.$("#plan-f-name").inputValue()).as("the form keeps what was typed").isEqualTo("字段填写的方案");
        map.shot("37-plan-fields-english");
        map.$("#btn-lang").click();
        assertThat(map.$("label:has(#plan-f-name)").textContent()).isEqualTo("方案名称");
        assertThat(map.$("#plan-submit").textContent()).isEqualTo("提交计算");

        map.$("#plan-submit").click();
        map.page().waitForFunction("() => document.getElementById('plan-job')?.dataset.status === 'done'");
        map.page().waitForFunction("() => document.querySelector('#plan-body .plan-out h4')?.textContent === '字段填写的方案'");
        assertThat(map.$("#plan-job-time").textContent()).contains("上限 60");
        assertThat(map.$("#plan-body ul.plans").textContent()).as("the list shows the new plan").contains("字段填写的方案");
        JsonNode stored = null;
        for (JsonNode p : server.http().get("/api/plans?limit=100").json().get("items")) {
            if (p.get("name").asText().equals("字段填写的方案")) {
                stored = p;
            }
        }
        assertThat(stored).as("the plan named in the field is stored").isNotNull();
        assertThat(stored.get("firstDay").asText()).isEqualTo(first.toString());
        assertThat(stored.get("lastDay").asText()).as("two days").isEqualTo(first.plusDays(1).toString());
        assertThat(map.$(".stop-icon").count()).isEqualTo(2);

        int plansBefore = server.http().get("/api/plans?limit=1").json().get("total").asInt();
        map.$("#plan-request").fill(endless);
        map.$("#plan-submit").click();
        map.page().waitForFunction("() => document.getElementById('plan-job')?.dataset.status === 'running'"
                + " && document.getElementById('plan-job-progress')?.value >= 0.002"); // 1.2 s of 600
        assertThat(map.$("#plan-job-time").textContent()).contains("上限 600");
        map.shot("38-plan-job-running");
        map.$("#plan-job-cancel").click();
        map.page().waitForFunction("() => document.getElementById('plan-job')?.dataset.status === 'cancelled'");
        assertThat(map.$("#plan-job").textContent()).contains("已取消");
        assertThat(map.$("#plan-job-cancel").count()).isZero();
        var jobs = server.http().get("/api/plan-jobs").json();
        assertThat(jobs.toString()).contains("cancelled");
        assertThat(server.http().get("/api/plans?limit=1").json().get("total").asInt()).isEqualTo(plansBefore);

        // a server that plans synchronously: the same submission answered 201 with the plan
        map.page().route("**/api/plans/joint?async=true", route -> route.resume(new Route.ResumeOptions()
                .setUrl(route.request().url().replace("?async=true", ""))));
        map.$("#plan-request").fill(quick.replace("后台计算测试", "同步计算测试"));
        map.$("#plan-submit").click();
        map.page().waitForFunction("() => document.querySelector('#plan-body .plan-out h4')?.textContent === '同步计算测试'");
        assertThat(map.$("#plan-job").getAttribute("data-status")).isEqualTo("done");
        map.page().unrouteAll();
        map.shot("39-plan-sync-fallback");
    }
}
