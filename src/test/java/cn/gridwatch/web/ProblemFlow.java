package cn.gridwatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.TestHttp.Reply;
import cn.gridwatch.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;

/**
 * The problems part of the web map, on a server that has the problems API (POST /api/problems,
 * GET /api/problems/{id}, POST /api/problems/{id}/transitions): an overdue problem shows on the map
 * and, highlighted, in its village's panel; a status change made in the panel persists on the server
 * and the map follows without a reload.
 */
final class ProblemFlow {
    private final TestServer server;
    private final MapPage map;

    ProblemFlow(TestServer server, MapPage map) {
        this.server = server;
        this.map = map;
    }

    void run() {
        Reply created = server.http().postJson("/api/problems", "{\"title\":\"河道旁露天焚烧\",\"origin\":\"patrol\","
                + "\"lon\":112.25,\"lat\":27.5,\"deadline\":\"" + LocalDate.now().minusDays(3) + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();

        map.open();
        map.page().waitForFunction("() => window.gwTimings.probed");
        map.view(27.5, 112.25, 12);
        map.page().waitForFunction("() => document.querySelectorAll('.reg-problems_overdue').length === 1");
        map.clickAt(27.45, 112.2); // beside the marker: the village's panel
        map.page().waitForFunction("() => document.getElementById('cell-name')?.textContent === '解放东村社区'");
        map.page().waitForFunction("() => document.querySelector('[data-section=problems] li.overdue')");
        assertThat(map.$("[data-section=problems] li.overdue").textContent()).contains("河道旁露天焚烧").contains("超期");
        map.shot("16-problem-overdue-in-panel");

        map.$("[data-section=problems] li.overdue a").click();
        map.$("form.transition-form").waitFor();
        map.$("form.transition-form select[name=to]").selectOption("assigned");
        map.$("form.transition-form input[name=assignee]").fill("张网格员");
        map.$("form.transition-form input[name=note]").fill("请三日内整改");
        map.$("form.transition-form button[type=submit]").click();
        map.page().waitForFunction("() => document.querySelector('.problem-detail .badge')?.textContent.startsWith('已交办')");
        JsonNode after = server.http().get("/api/problems/" + id).json();
        assertThat(after.get("status").asText()).isEqualTo("assigned");
        assertThat(after.get("assignee").asText()).isEqualTo("张网格员");
        assertThat(after.get("transitions")).hasSize(2);
        assertThat(map.$(".problem-detail .history").textContent()).contains("请三日内整改");
        map.shot("17-problem-assigned");

        map.$("form.transition-form select[name=to]").selectOption("closed_unfixed");
        map.$("form.transition-form input[name=reason]").fill("企业已关停");
        map.$("form.transition-form button[type=submit]").click();
        map.page().waitForFunction("() => document.querySelector('.problem-detail .badge')?.textContent.startsWith('未整改办结')");
        assertThat(server.http().get("/api/problems/" + id).json().get("status").asText()).isEqualTo("closed_unfixed");
        // the problem layer shows open problems only: the closed one leaves the map without a reload
        map.page().waitForFunction("() => document.querySelectorAll('.reg-problems_overdue').length === 0");
        map.shot("18-problem-closed-gone-from-map");
        if (server.http().get("/api/stats").status() != 404) {
            statisticsOfTheTownship();
        }
    }

    /** With the statistics API: a township's panel has its villages' figures and the cell summary. */
    private void statisticsOfTheTownship() {
        map.$("#crumbs a.crumb[data-level='township']").click();
        map.page().waitForFunction("() => document.getElementById('cell-name')?.textContent === '定王台街道'");
        map.page().waitForFunction("() => document.querySelector('[data-section=stats] table')");
        String stats = map.$("[data-section=stats]").textContent();
        assertThat(stats).contains("解放东村社区").contains("马王堆社区").contains("巡查覆盖率");
        map.page().waitForFunction("() => document.querySelector('[data-section=summary] dl')");
        assertThat(map.$("[data-section=summary]").textContent()).contains("未办结问题").contains("超期问题");
        map.shot("19-township-statistics");
    }
}
