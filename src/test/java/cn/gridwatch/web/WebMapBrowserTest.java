package cn.gridwatch.web;

import static cn.gridwatch.TestGrids.box;
import static cn.gridwatch.TestGrids.fc;
import static cn.gridwatch.TestGrids.feature;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.TestGrids;
import cn.gridwatch.security.Role;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The web map in Debian's Chromium against the real server and PostGIS, with the small city of
 * {@link TestGrids} (长沙市, two counties, four townships, two villages in 定王台街道). What is
 * checked is what a person sees: pixels of the tiles and of the map, the panel's and breadcrumbs'
 * text, what persists on the server. Screenshots of each view go to {@code target/screenshots/}.
 * The tests run in order; the import test, which adds a village, comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebMapBrowserTest {
    private static final String USER = "webadmin";
    private static final String PASSWORD = USER + "-password";
    /** Leaflet's village outline colour (#27ae60) and the city's (#8b1a1a), see gridlayers.js and Style. */
    private static final int CITY_RED = 0x8b1a1a;
    @RegisterExtension
    @Order(1)
    static final GridwatchServerExtension server = GridwatchServerExtension.withSmallCity();
    @RegisterExtension
    @Order(2)
    static final BrowserSession browser = BrowserSession.signedIn(server, USER);
    private final MapPage map = browser.newPage();

    @Test
    @Order(1)
    void signing_in_through_the_form_shows_the_city_with_its_grid_drawn_from_gridwatch_tiles() {
        BrowserContext fresh = browser.chromium().newContext(MapPage.options(1366, 768));
        try {
            MapPage p = new MapPage(fresh, browser.base());
            p.page().navigate(browser.base() + "/");
            assertThat(p.page().url()).endsWith("/web/");
            p.$("#login-username").fill(USER);
            p.$("#login-password").fill("wrong-password!");
            p.$("#login-submit").click();
            assertThat(p.$("#login-message").textContent()).isEmpty();
            p.page().waitForFunction("() => document.getElementById('login-message').textContent.length > 0");
            assertThat(p.$("#login-message").textContent()).startsWith("登录失败");
            p.shot("01-sign-in");
            p.$("#login-password").fill(PASSWORD);
            p.$("#login-submit").click();
            p.waitForGrid();
            p.waitForTiles();

            Map<String, Object> city = p.tilePixels("city");
            Map<String, Object> county = p.tilePixels("county");
            assertThat((Integer) city.get("tiles")).isPositive();
            assertThat((Integer) city.get("drawn")).as("city outline pixels in its tiles").isGreaterThan(500);
            assertThat((Integer) county.get("drawn")).as("county outline pixels in its tiles").isGreaterThan(500);
            assertThat((String) city.get("src")).startsWith("/tiles/grid_city/").contains("v=");
            assertThat(MapPixels.count(p.mapImage(), CITY_RED, 40)).as("city outline on screen").isGreaterThan(300);
            assertThat(p.$("#layer-switcher").textContent()).contains("区/县").contains("村/社区");
            assertThat(p.page().title()).contains("网格监管地图");
            p.shot("02-city-map");
            assertThat(p.errors()).isEmpty();
        } finally {
            fresh.close();
        }
    }

    @Test
    @Order(2)
    void search_finds_a_village_by_a_chinese_partial_name_and_flies_to_it() {
        map.open();
        map.$("#search").fill("王堆");
        Locator hit = map.$("#search-results li[data-code='430102001002']");
        hit.waitFor();
        assertThat(hit.textContent()).contains("马王堆社区").contains("村/社区");
        map.shot("03-search");
        map.$("#search").press("Enter");
        map.page().waitForFunction("() => document.getElementById('cell-name')?.textContent === '马王堆社区'");
        map.page().waitForFunction("() => { const c = window.gwMap.getCenter();"
                + " return c.lng > 112.5 && c.lng < 113 && c.lat > 27 && c.lat < 28 && !window.gwMap._animatingZoom; }");
        map.page().waitForFunction("() => document.querySelectorAll('#crumbs a.crumb').length === 3");
        assertThat(map.$("#crumbs").textContent()).contains("长沙市").contains("芙蓉区").contains("定王台街道")
                .contains("马王堆社区");
        map.waitForTiles();
        map.shot("04-search-flew-to-village");
    }

    @Test
    @Order(3)
    void a_click_on_the_map_shows_the_cell_at_every_level() {
        map.open();
        map.view(27.5, 112.25, 11);
        map.clickAt(27.5, 112.25);
        map.page().waitForFunction("() => document.getElementById('cell-name')?.textContent === '解放东村社区'");
        Locator located = map.$("section.located");
        assertThat(located.locator("li[data-level='city']").textContent()).contains("长沙市");
        assertThat(located.locator("li[data-level='county']").textContent()).contains("芙蓉区");
        assertThat(located.locator("li[data-level='township']").textContent()).contains("定王台街道");
        assertThat(located.locator("li[data-level='village']").textContent()).contains("解放东村社区");
        assertThat(map.$(".cell-head .meta").textContent()).contains("430102001001");
        // the clicked cell is outlined on the map (its GeoJSON in the overlay pane)
        assertThat(map.$(".leaflet-overlay-pane path").count()).isPositive();

        map.view(27.5, 113.5, 11);
        map.clickAt(27.5, 113.5); // the other county, where there are no villages: its township is the finest cell
        map.page().waitForFunction("() => document.getElementById('cell-name')?.textContent === '坡子街街道'");
        assertThat(map.$("section.located li[data-level='village']").textContent()).contains("—");
        map.shot("05-click-shows-cell");
    }

    @Test
    @Order(4)
    void the_breadcrumbs_and_the_child_list_drill_up_and_down() {
        map.open();
        map.$("#search").fill("430102001002");
        map.$("#search-results li[data-code='430102001002']").waitFor();
        map.$("#search").press("Enter");
        map.page().waitForFunction("() => document.getElementById('cell-name')?.textContent === '马王堆社区'");
        map.page().waitForFunction("() => document.querySelectorAll('#crumbs a.crumb').length === 3");
        map.$("#crumbs a.crumb[data-level='county']").click();
        map.page().waitForFunction("() => document.getElementById('cell-name')?.textContent === '芙蓉区'");
        assertThat(map.$(".children-list").textContent()).contains("定王台街道").contains("文艺路街道");
        map.$(".children-list a[data-code='430102002000']").click();
        map.page().waitForFunction("() => document.getElementById('cell-name')?.textContent === '文艺路街道'");
        assertThat(map.$("#crumbs .crumb.current").textContent()).isEqualTo("文艺路街道");
        map.$("button.drill-up").click();
        map.page().waitForFunction("() => document.getElementById('cell-name')?.textContent === '芙蓉区'");
        map.$("#crumbs a.crumb[data-level='city']").click();
        map.page().waitForFunction("() => document.getElementById('cell-name')?.textContent === '长沙市'");
        assertThat(map.$(".children-list li").count()).isEqualTo(2);
        map.shot("06-drill-up-to-city");
    }

    @Test
    @Order(5)
    void turning_the_village_layer_off_removes_its_outlines_and_on_draws_them_again() {
        map.open();
        map.view(27.5, 112.5, 12); // 解放东村社区 | 马王堆社区: the line between them is a village line only
        assertThat((Integer) map.tilePixels("village").get("drawn")).isGreaterThan(100);
        int before = greenPixels(map.mapImage());
        assertThat(before).as("village outlines and names on screen").isGreaterThan(100);
        map.shot("07-villages-on");

        map.$("input[data-layer='grid_village']").uncheck();
        map.waitForTiles();
        assertThat(map.$(".grid-tiles-village").count()).isZero();
        int off = greenPixels(map.mapImage());
        assertThat(off).as("village outlines left after switching them off (before: %d)", before).isLessThan(before / 10);
        map.shot("08-villages-off");

        map.$("input[data-layer='grid_village']").check();
        map.waitForTiles();
        assertThat(greenPixels(map.mapImage())).isGreaterThan(before / 2);
    }

    @Test
    @Order(6)
    void the_page_switches_to_english_and_remembers_it() {
        map.open();
        assertThat(map.$(".tab[data-tab='cell']").textContent()).isEqualTo("网格");
        map.$("#btn-lang").click();
        assertThat(map.$(".tab[data-tab='cell']").textContent()).isEqualTo("Cell");
        assertThat(map.$("#layer-switcher").textContent()).contains("Village").contains("Township");
        assertThat(map.$("#search").getAttribute("placeholder")).startsWith("Search");
        map.page().reload();
        map.waitForGrid();
        assertThat(map.$("#layer-switcher").textContent()).contains("Village");
        map.shot("09-english");
        map.$("#btn-lang").click();
        assertThat(map.$("#layer-switcher").textContent()).contains("村/社区");
    }

    @Test
    @Order(7)
    void the_panel_sits_beside_the_map_at_1366x768_and_becomes_a_bottom_sheet_on_a_phone() {
        map.open();
        map.clickAt(27.5, 112.25);
        map.page().waitForFunction("() => document.getElementById('cell-name')?.textContent === '解放东村社区'");
        var panel = map.$("#panel").boundingBox();
        var mapBox = map.$("#map").boundingBox();
        assertThat(panel.x).isGreaterThanOrEqualTo(mapBox.x + mapBox.width - 1);
        assertThat(panel.x + panel.width).isLessThanOrEqualTo(1366.5);
        assertThat(mapBox.width).isGreaterThan(900);
        assertThat((Integer) map.page().evaluate("() => document.scrollingElement.scrollWidth")).isLessThanOrEqualTo(1366);

        BrowserContext phone = MapPage.signedIn(browser.chromium(), browser.base(), 390, 844, USER, PASSWORD);
        try {
            MapPage p = new MapPage(phone, browser.base()).open();
            assertThat(p.$("#layer-switcher input").count()).as("switcher collapsed on a phone").isZero();
            p.clickAt(27.5, 112.25);
            p.page().waitForFunction("() => document.getElementById('cell-name')?.textContent === '解放东村社区'");
            var sheet = p.$("#panel").boundingBox();
            var phoneMap = p.$("#map").boundingBox();
            assertThat(phoneMap.width).isEqualTo(390);
            assertThat(sheet.y).as("panel top").isGreaterThan(844 * 0.45);
            assertThat(sheet.y + sheet.height).isLessThanOrEqualTo(844.5);
            assertThat((Integer) p.page().evaluate("() => document.scrollingElement.scrollWidth")).isLessThanOrEqualTo(390);
            p.shot("10-phone-bottom-sheet");
            p.$("#panel-toggle").click();
            p.page().waitForFunction("() => document.getElementById('panel').classList.contains('collapsed')");
            assertThat(p.$("#panel-body").isVisible()).isFalse();
            p.$(".switcher-toggle").click();
            p.$("#layer-switcher input[data-layer='grid_village']").waitFor();
            p.page().waitForTimeout(300);
            assertThat(p.$("#panel").getAttribute("class")).as("opening the switcher is no click on the map (which"
                    + " would open the panel)").contains("collapsed");
            p.shot("11-phone-layers");
            assertThat(p.errors()).isEmpty();
        } finally {
            phone.close();
        }
    }

    /**
     * The register layers, the cell's register sections and the planner come from other features'
     * APIs. Where this server has none of them the page must leave them out (no broken rows, no error
     * text); where it has problems, a status change from the panel must persist and update the map
     * ({@link ProblemFlow}); where it has sources, they are imported, drawn and listed ({@link SourcesFlow});
     * where it has plans, a plan must be listed, drawn and exported ({@link PlanFlow}).
     */
    @Test
    @Order(8)
    void register_parts_appear_only_with_their_api_and_a_problem_status_change_persists() throws Exception {
        boolean problems = has("/api/problems?limit=1");
        boolean plans = has("/api/plans?limit=1");
        boolean anyRegister = problems || has("/api/sources?limit=1") || has("/api/monitoring-points?limit=1")
                || has("/api/complaints?limit=1") || has("/api/patrols?limit=1") || has("/api/stats")
                || has("/api/grids/430100/summary");
        map.open();
        map.page().waitForFunction("() => window.gwTimings.probed");
        map.view(27.5, 112.25, 12);
        map.clickAt(27.45, 112.2);
        map.page().waitForFunction("() => document.getElementById('cell-name')?.textContent === '解放东村社区'");
        assertThat(map.$("#panel-body").textContent()).doesNotContain("not found");
        if (!problems) {
            assertThat(map.$("#layer-switcher input[data-layer^='problems']").count()).isZero();
            assertThat(map.$("[data-section=problems]").count()).isZero();
        }
        if (!anyRegister) {
            assertThat(map.$("#layer-switcher").textContent()).doesNotContain("专题");
            assertThat(map.$("[data-section]").count()).as("register sections without their API").isZero();
        }
        map.$(".tab[data-tab='plan']").click();
        if (!plans) {
            map.page().waitForFunction("() => document.getElementById('plan-body').textContent.includes('/api/plans')");
            assertThat(map.$("#plan-body").textContent()).contains("尚未提供方案接口");
        }
        map.shot("13-register-parts");
        if (has("/api/sources?limit=1")) {
            new SourcesFlow(server.testServer(), map).run();
        }
        if (problems) {
            new ProblemFlow(server.testServer(), map).run();
        }
        if (plans) {
            new PlanFlow(server.testServer(), map).run();
        }
    }

    private static boolean has(String path) {
        int status = server.http().get(path).status();
        String detail = status == 404 ? server.http().get(path).body() : "";
        return status != 404 || !detail.contains("Endpoint GET");
    }

    @Test
    @Order(9)
    void a_county_officer_opens_on_their_county_and_finds_only_its_cells() {
        server.userWithToken("tianxin", Role.COUNTY_OFFICER, "430103");
        BrowserContext officer = MapPage.signedIn(browser.chromium(), browser.base(), 1366, 768, "tianxin",
                "tianxin-password");
        try {
            MapPage p = new MapPage(officer, browser.base()).open();
            p.waitForTiles();
            @SuppressWarnings("unchecked")
            Map<String, Number> c = (Map<String, Number>) p.page().evaluate(
                    "() => { const c = window.gwMap.getCenter(); return {lon: c.lng, lat: c.lat}; }");
            assertThat(c.get("lon").doubleValue()).as("centred on 天心区 (113..114)").isBetween(113.2, 113.8);
            assertThat((Integer) p.tilePixels("county").get("drawn")).isGreaterThan(500);
            assertThat(p.$("#btn-import").isVisible()).as("county officers may import in their county").isTrue();
            p.$("#search").fill("街道");
            p.page().waitForFunction("() => document.querySelectorAll('#search-results li[data-code]').length === 2");
            assertThat(p.$("#search-results").textContent()).contains("坡子街街道").contains("城南路街道")
                    .doesNotContain("定王台街道");
            p.shot("12-county-officer");
            p.page().waitForFunction("() => window.gwTimings.probed");
            p.$("#btn-plan").click();
            p.$("details.plan-new summary").click();
            assertThat(p.$("#plan-kind").inputValue()).as("officers may only plan patrol routes").isEqualTo("patrol");
            assertThat(p.$("#plan-kind option").count()).as("joint plans are not offered").isEqualTo(1);
            assertThat(p.$("#plan-request").inputValue()).contains("\"date\"").doesNotContain("\"teams\"");
            assertThat(p.$("#plan-f-date").isVisible()).isTrue();
            assertThat(p.$("#plan-f-dayCount").isVisible()).isFalse();
            assertThat(p.errors()).isEmpty();
        } finally {
            officer.close();
        }
    }

    @Test
    @Order(20)
    void an_import_shows_progress_and_the_report_and_the_map_draws_the_new_village() throws Exception {
        map.open();
        Path dir = Files.createTempDirectory("gw-web-import");
        Path bad = dir.resolve("bad-villages.geojson");
        Files.writeString(bad, fc(feature("430103001", "坡子街街道", box(113, 27, 113.5, 28))), StandardCharsets.UTF_8);
        Path good = dir.resolve("villages.geojson");
        Files.writeString(good, fc(feature("430103001001", "白沙井社区", box(113, 27, 113.5, 28))), StandardCharsets.UTF_8);

        map.$("#btn-import").click();
        map.$("#import-target").selectOption("grid");
        map.$("#import-level").selectOption("village");
        map.$("#import-crs").selectOption("EPSG:4490");
        map.$("#import-file").setInputFiles(bad);
        map.$("#import-submit").click();
        map.page().waitForFunction("() => document.querySelector('#import-report .report-status')");
        assertThat(map.$("#import-phase").textContent()).contains("422");
        assertThat(map.$("#import-report .report-status").textContent()).contains("文件被拒绝");
        assertThat(map.$("#import-report table.rejections").textContent()).contains("430103001");
        assertThat(((Number) map.page().evaluate("() => document.getElementById('import-progress').value")).doubleValue())
                .isEqualTo(1.0);
        map.shot("21-import-rejected");

        map.$("#import-file").setInputFiles(good);
        map.$("#import-submit").click();
        map.page().waitForFunction("() => document.querySelector('#import-report .report-status')");
        assertThat(map.$("#import-report .report-status").getAttribute("class"))
                .as(map.$("#import-report").textContent()).contains("status-committed");
        assertThat(map.$("#import-phase").textContent()).isEqualTo("完成");
        assertThat(map.$("#import-report").textContent()).contains("已导入").contains("新增");
        map.shot("22-import-done");
        map.$("#import-dialog button:text('关闭')").click();

        map.$("#search").fill("白沙井");
        map.$("#search-results li[data-code='430103001001']").waitFor();
        map.$("#search").press("Enter");
        map.page().waitForFunction("() => document.getElementById('cell-name')?.textContent === '白沙井社区'");
        map.view(27.5, 113.5, 12); // the new village's east edge, drawn by tiles of the new grid version
        Map<String, Object> village = map.tilePixels("village");
        assertThat((Integer) village.get("drawn")).as("the new village's outline: %s", village).isGreaterThan(100);
        String version = server.http().get("/tiles/grid_village.json").json().get("tiles").get(0).asText()
                .replaceAll(".*[?&]v=(\\d+).*", "$1");
        assertThat((String) village.get("src")).contains("v=" + version);
        map.shot("23-imported-village-on-map");
    }

    /**
     * A village valid only from next month (未生效) is in the database's current rows, but the map
     * draws today's grid: search, the cell's children, a click and the tiles must all leave it out.
     */
    @Test
    @Order(21)
    void a_village_valid_only_from_next_month_is_neither_found_nor_drawn_nor_located() {
        String from = java.time.LocalDate.now().plusDays(30).toString();
        var imported = server.http().post("/api/grids/import?level=village&crs=EPSG:4490&validFrom=" + from
                + "&filename=future.geojson", fc(feature("430103002001", "未来新村社区", box(113.2, 28.2, 113.8, 28.8)))
                .getBytes(StandardCharsets.UTF_8), "application/geo+json");
        assertThat(imported.status()).as(imported.body()).isIn(200, 201);
        assertThat(server.http().get("/api/grids?q=%E6%9C%AA%E6%9D%A5%E6%96%B0%E6%9D%91").body())
                .as("the API without a date lists the future cell (the bug's precondition)").contains("430103002001");
        map.open();
        assertThat((String) map.page().evaluate("() => fetch('/api/web/config').then(r => r.json()).then(c => c.gridDate)"))
                .isEqualTo(server.services().locate().snapshot().date().toString());
        map.$("#search").fill("未来新村");
        map.$("#search-results li.empty").waitFor();
        assertThat(map.$("#search-results li[data-code]").count()).isZero();
        map.$("#search").fill("城南路");
        map.$("#search-results li[data-code='430103002000']").waitFor();
        map.$("#search").press("Enter");
        map.page().waitForFunction("() => document.getElementById('cell-name')?.textContent === '城南路街道'");
        assertThat(map.$("#panel-body section.children").textContent()).contains("(0)").doesNotContain("未来新村社区");

        map.view(28.5, 113.5, 12);
        assertThat((Integer) map.tilePixels("village").get("drawn")).as("village outlines where only a future one is")
                .isZero();
        map.clickAt(28.5, 113.5);
        map.page().waitForFunction("() => document.querySelector(\"section.located li[data-level='township']\")"
                + "?.textContent.includes('城南路街道')");
        assertThat(map.$("section.located li[data-level='village']").textContent()).contains("—")
                .doesNotContain("未来新村");
        map.shot("24-future-village-left-out");
    }

    /** Pixels of the village layer's green outline and labels (#27ae60, #145a32), antialiasing allowed. */
    static int greenPixels(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                int r = p >> 16 & 0xff;
                int g = p >> 8 & 0xff;
                int b = p & 0xff;
                if (g > r + 30 && g > b + 15) {
                    n++;
                }
            }
        }
        return n;
    }
}
