package cn.gridwatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.TestHttp.Reply;
import cn.gridwatch.TestServer;
import java.time.LocalDate;

/**
 * The planner view, on a server that has the plans API: a patrol route of three targets made with
 * {@code POST /api/plans/patrol} is listed, drawn (route line and numbered stops) and tabled with its
 * times, and its export links answer. Written against the plans feature's documented paths before
 * it was merged: a failure here after the merge means the page and the API disagree.
 */
final class PlanFlow {
    private final TestServer server;
    private final MapPage map;

    PlanFlow(TestServer server, MapPage map) {
        this.server = server;
        this.map = map;
    }

    void run() {
        String body = "{\"name\":\"网页测试路线一\",\"date\":\"" + LocalDate.now().plusDays(1) + "\","
                + "\"start\":{\"lon\":112.2,\"lat\":27.2},\"targets\":["
                + "{\"code\":\"T1\",\"name\":\"甲化工厂\",\"lon\":112.3,\"lat\":27.3},"
                + "{\"code\":\"T2\",\"name\":\"乙砖厂\",\"lon\":112.6,\"lat\":27.5},"
                + "{\"code\":\"T3\",\"name\":\"丙加油站\",\"lon\":112.4,\"lat\":27.8}]}";
        Reply created = server.http().postJson("/api/plans/patrol", body);
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        long id = created.json().get("id").asLong();

        map.open();
        map.page().waitForFunction("() => window.gwTimings.probed");
        map.$("#btn-plan").click();
        map.$("#plan-body ul.plans a:text('网页测试路线一')").click();
        map.page().waitForFunction("() => document.querySelectorAll('.stop-icon').length === 3");
        assertThat(map.$("#plan-body table.data tbody tr").count()).isEqualTo(3);
        assertThat(map.$("#plan-body").textContent()).contains("甲化工厂").contains("乙砖厂").contains("丙加油站");
        assertThat(map.$("#plan-body ul.plans").textContent()).as("the plan's kind, in Chinese").contains("巡查路线");
        // times in China time, inside the default working day 08:30-17:30
        for (String time : map.$("#plan-body table.data tbody td:nth-child(3)").allTextContents()) {
            assertThat(time.substring(11)).isBetween("08:30", "17:30");
        }
        assertThat(map.$(".leaflet-overlay-pane path").count()).as("the route line").isPositive();
        for (String format : new String[] {"html", "geojson", "gpx"}) {
            String href = map.$("#plan-body a.export[data-format='" + format + "']").getAttribute("href");
            assertThat(href).isEqualTo("/api/plans/" + id + "/export?format=" + format);
            assertThat(server.http().get(href).status()).as(format).isEqualTo(200);
        }
        map.waitForTiles();
        map.shot("20-plan-route");
    }
}
