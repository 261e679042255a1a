package cn.gridwatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.TestHttp.Reply;
import cn.gridwatch.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The planner view of a joint enforcement plan: inspectors of two counties and sources in both are
 * imported through the register APIs, a two-team, two-day plan is made with
 * {@code POST /api/plans/joint} (each team inspects only the other county), and the page must show
 * one route per team and day in the team's colour (same colour on both days, different colours for
 * the two teams, on the map and in the tables), every stop in visit order with rising times as the
 * API answered, and working print and export links. Then the server-drawn {@code plan_routes}
 * overlay of that plan is switched on and must draw.
 */
final class JointPlanFlow {
    private final TestServer server;
    private final MapPage map;

    JointPlanFlow(TestServer server, MapPage map) {
        this.server = server;
        this.map = map;
    }

    void run() {
        WebLayersBrowserTest.importCsv("/api/inspectors", "code,name,county_code,unit,kind,phone\n"
                + "A1,芙蓉执法一,430102,芙蓉区环境执法大队,enforcement,\nA2,芙蓉执法二,430102,芙蓉区环境执法大队,enforcement,\n"
                + "B1,天心执法一,430103,天心区环境执法大队,enforcement,\nB2,天心监测,430103,天心区监测站,monitoring,\n");
        StringBuilder sources = new StringBuilder("code,name,category,industry,address,permit_no,inspection_class,"
                + "class_reason,status,lon,lat\n");
        StringBuilder targets = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            sources.append("JW").append(i).append(",芙蓉企业").append(i).append(",key_discharger,化工,,,key,,active,")
                    .append(112.90 + i * 0.02).append(',').append(27.50 + i * 0.01).append('\n');
            sources.append("JE").append(i).append(",天心企业").append(i).append(",key_discharger,化工,,,key,,active,")
                    .append(113.05 + i * 0.02).append(',').append(27.50 + i * 0.01).append('\n');
            targets.append(i == 0 ? "" : ",").append("{\"sourceCode\":\"JW").append(i).append("\"},{\"sourceCode\":\"JE")
                    .append(i).append("\"}");
        }
        WebLayersBrowserTest.importCsv("/api/sources", sources.toString());
        String body = """
                {"name": "网页联合执法测试", "rule": "county", "firstDay": "%s", "dayCount": 2,
                 "workStart": "08:30", "workEnd": "17:30", "serviceMinutes": 60, "maxStopsPerDay": 2,
                 "teams": [
                   {"name": "芙蓉组", "members": ["A1", "A2"], "start": {"lon": 112.98, "lat": 27.52}},
                   {"name": "天心组", "members": ["B1", "B2"], "start": {"lon": 113.02, "lat": 27.52}}],
                 "targets": [%s], "solver": {"solutionLimit": 300, "timeLimitSeconds": 60}}"""
                .formatted(LocalDate.now().plusDays(1), targets);
        Reply created = server.http().postJson("/api/plans/joint", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode plan = created.json();
        long id = plan.get("id").asLong();
        Map<String, String> teamName = new HashMap<>();
        plan.get("teams").forEach(t -> teamName.put(t.get("no").asText(), t.get("name").asText()));
        List<JsonNode> routes = new ArrayList<>();
        plan.get("routes").forEach(r -> {
            if (r.get("stops").size() > 0) {
                routes.add(r);
            }
        });
        assertThat(routes).as("routes with stops: both teams work").hasSizeGreaterThanOrEqualTo(2);
        assertThat(routes.stream().map(r -> r.get("teamNo").asText()).distinct()).hasSize(2);

        map.open();
        map.page().waitForFunction("() => window.gwTimings.probed");
        map.$("#btn-plan").click();
        map.$("#plan-body ul.plans a:text('网页联合执法测试')").click();
        int stops = routes.stream().mapToInt(r -> r.get("stops").size()).sum();
        map.page().waitForFunction("n => document.querySelectorAll('.stop-icon').length === n", stops);
        assertThat(map.$("#plan-body ul.plans").textContent()).contains("联合执法");

        Map<String, Set<String>> colours = new HashMap<>();
        for (JsonNode r : routes) {
            String team = teamName.get(r.get("teamNo").asText());
            String day = r.get("day").asText();
            var section = map.$("#plan-body section.route[data-team='" + team + "'][data-day='" + day + "']");
            assertThat(section.count()).as("one table for %s on %s", team, day).isEqualTo(1);
            colours.computeIfAbsent(team, k -> new HashSet<>())
                    .add((String) section.locator("h5 .swatch").evaluate("e => getComputedStyle(e).borderTopColor"));
            List<String> order = section.locator("tbody td:nth-child(1)").allTextContents();
            List<String> names = section.locator("tbody td:nth-child(2)").allTextContents();
            List<String> arrivals = section.locator("tbody td:nth-child(3)").allTextContents();
            assertThat(order).hasSize(r.get("stops").size());
            for (int i = 0; i < order.size(); i++) {
                JsonNode s = r.get("stops").get(i);
                assertThat(order.get(i)).isEqualTo(String.valueOf(i + 1));
                assertThat(names.get(i)).isEqualTo(s.get("name").asText());
                assertThat(arrivals.get(i)).startsWith(day).matches(".* \\d\\d:\\d\\d.*");
                if (i > 0) {
                    assertThat(arrivals.get(i)).as("times rise along the route").isGreaterThan(arrivals.get(i - 1));
                }
            }
        }
        assertThat(colours.values()).as("one colour per team on every day").allSatisfy(c -> assertThat(c).hasSize(1));
        Set<String> all = new HashSet<>();
        colours.values().forEach(all::addAll);
        assertThat(all).as("the teams' colours differ").hasSize(2);
        @SuppressWarnings("unchecked")
        List<String> strokes = (List<String>) map.page().evaluate("() => [...new Set([...document.querySelectorAll("
                + "'.leaflet-overlay-pane path')].map(p => p.getAttribute('stroke')))]");
        assertThat(strokes).as("route lines in two colours on the map").hasSizeGreaterThanOrEqualTo(2);
        for (String format : new String[] {"html", "geojson", "gpx"}) {
            String href = map.$("#plan-body a.export[data-format='" + format + "']").getAttribute("href");
            assertThat(href).isEqualTo("/api/plans/" + id + "/export?format=" + format);
            Reply export = server.http().get(href);
            assertThat(export.status()).as(format).isEqualTo(200);
            assertThat(export.body()).contains(teamName.values().iterator().next());
        }
        assertThat(server.http().get("/api/plans/" + id + "/export?format=html").body())
                .as("the printable sheet names every team").contains(teamName.values());
        // printing: the page's print style keeps the map and the plan's tables, drops the controls
        map.page().emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(map.$(".topbar").isVisible()).isFalse();
        assertThat(map.$(".plan-actions").isVisible()).isFalse();
        assertThat(map.$("details.plan-new").isVisible()).isFalse();
        assertThat(map.$("#plan-body section.route").first().isVisible()).isTrue();
        assertThat(map.$("#map").isVisible()).isTrue();
        map.shot("36a-joint-plan-print-view");
        map.page().emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
        var download = map.page().waitForDownload(() -> map.$("#plan-body .plan-actions button:text('CSV')").click());
        assertThat(download.suggestedFilename()).isEqualTo("plan-" + id + ".csv");
        map.waitForTiles();
        map.shot("36-joint-plan-two-teams");

        map.$(".tab[data-tab='cell']").click();
        map.page().evaluate("() => window.gwMap.fitBounds([[27.45, 112.85], [27.6, 113.15]])");
        map.waitForTiles();
        map.$("input[data-layer='plan_routes']").check();
        Map<String, Object> drawn = map.overlayPixels("plan_routes");
        assertThat((Integer) drawn.get("drawn")).as("plan routes drawn by the server: %s", drawn).isGreaterThan(200);
        map.shot("37-plan-routes-overlay");
    }
}
