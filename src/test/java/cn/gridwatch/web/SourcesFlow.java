package cn.gridwatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The register parts of the web map, on a server that has the sources register
 * ({@code POST /api/sources/import}, {@code GET /api/sources}): a CSV imported through the page's
 * dialog (a bad file refused with its row, then a good one), the sources drawn by inspection class
 * with the switcher turning a class on, a marker's details, and the village panel's source list.
 */
final class SourcesFlow {
    private static final String HEADER = "code,name,category,industry,address,permit_no,inspection_class,class_reason,"
            + "status,lon,lat\n";
    private final TestServer server;
    private final MapPage map;

    SourcesFlow(TestServer server, MapPage map) {
        this.server = server;
        this.map = map;
    }

    void run() throws Exception {
        Path dir = Files.createTempDirectory("gw-web-sources");
        Path bad = dir.resolve("sources-bad.csv");
        Files.writeString(bad, HEADER + "WEB-SRC-001,湘江化工有限公司,factory,化工,,,key,,active,112.26,27.52\n",
                StandardCharsets.UTF_8);
        Path good = dir.resolve("sources.csv");
        Files.writeString(good, HEADER
                + "WEB-SRC-001,湘江化工有限公司,key_discharger,化工,解放东路1号,,key,重点排污单位,active,112.26,27.52\n"
                + "WEB-SRC-002,马王堆餐馆,restaurant,餐饮,,,general,,active,112.7,27.5\n", StandardCharsets.UTF_8);

        map.open();
        map.page().waitForFunction("() => window.gwTimings.probed");
        map.$("#btn-import").click();
        map.$("#import-target").selectOption("sources");
        map.$("#import-crs").selectOption("EPSG:4490");
        map.$("#import-file").setInputFiles(bad);
        map.$("#import-submit").click();
        map.page().waitForFunction("() => document.querySelector('#import-report .report-status')");
        assertThat(map.$("#import-phase").textContent()).contains("422");
        assertThat(map.$("#import-report table.rejections").textContent()).contains("factory");
        map.$("#import-file").setInputFiles(good);
        map.$("#import-submit").click();
        map.page().waitForFunction("() => document.querySelector('#import-report .report-status')");
        assertThat(map.$("#import-report .report-status").getAttribute("class"))
                .as(map.$("#import-report").textContent()).contains("status-committed");
        assertThat(map.$("#import-report").textContent()).contains("已导入").contains("新增");
        assertThat(server.http().get("/api/sources?limit=10").json().get("total").asInt()).isEqualTo(2);
        map.$("#import-dialog button:text('关闭')").click();

        map.view(27.5, 112.5, 11);
        map.page().waitForFunction("() => document.querySelectorAll('.reg-sources_key').length === 1");
        assertThat(map.$(".reg-sources_general").count()).as("general sources are off by default").isZero();
        map.$("input[data-layer='sources_general']").check();
        map.page().waitForFunction("() => document.querySelectorAll('.reg-sources_general').length === 1");
        map.shot("14-sources-by-class");

        map.$(".reg-sources_key").click();
        map.page().waitForFunction("() => document.querySelector('section.feature[data-register=sources] h3')"
                + "?.textContent === '湘江化工有限公司'");
        assertThat(map.$("section.feature").textContent()).contains("重点排污单位");

        map.clickAt(27.45, 112.2);
        map.page().waitForFunction("() => document.getElementById('cell-name')?.textContent === '解放东村社区'");
        map.page().waitForFunction("() => document.querySelector('[data-section=sources] ul.sources')");
        assertThat(map.$("[data-section=sources]").textContent()).contains("湘江化工有限公司").contains("重点")
                .doesNotContain("马王堆餐馆");
        map.shot("15-village-sources");
    }
}
