package cn.gridwatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.TestGrids;
import cn.gridwatch.TestHttp.Reply;
import com.microsoft.playwright.BrowserContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The web map's layer toggles in Chromium against the real server and PostGIS, on the small city of
 * {@link TestGrids} with registers imported through the API: air stations by type, complaints and
 * patrols (markers in the DOM appear and go), the road network imported from the shared OSM extract
 * and the thematic layers (server tiles with drawn pixels, and their legend images), the joint
 * multi-team plan view ({@link JointPlanFlow}), new plans as background jobs ({@link PlanJobFlow}),
 * and the switcher on a phone. Screenshots go to
 * {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebLayersBrowserTest {
    private static final String USER = "layeradmin";
    private static final String PASSWORD = USER + "-password";
    private static final Path OSM = Path.of("../shared/data/osm/changsha_hunan_normal_univ.osm");
    @RegisterExtension
    @Order(1)
    static final GridwatchServerExtension server = GridwatchServerExtension.withSmallCity();
    @RegisterExtension
    @Order(2)
    static final BrowserSession browser = BrowserSession.signedIn(server, USER);
    private final MapPage map = browser.newPage();

    @BeforeAll
    static void registers() {
        String now = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(2).withNano(0).toString();
        importCsv("/api/monitoring-points", "code,name,type,operator,status,valid_from,lon,lat\n"
                + "ST-NAT,长沙国控站,national_air,市站,active,2024-01-01,112.30,27.60\n"
                + "ST-MIC,解放东微站,micro_air,运维公司,active,2024-01-01,112.34,27.62\n");
        importCsv("/api/complaints", "code,received_at,channel,category,content,address,source_code,lon,lat\n"
                + "CP-1," + now + ",12345,smell,夜间异味,解放东路,,112.28,27.57\n");
        importCsv("/api/patrols", "code,officer,started_at,ended_at,checked,findings,source_codes,lon,lat\n"
                + "PT-1,张网格," + now + ",,巡查河道,,,112.26,27.58\n");
    }

    static void importCsv(String register, String csv) {
        Reply r = server.http().post(register + "/import?format=csv&crs=EPSG:4490", csv.getBytes(StandardCharsets.UTF_8),
                "text/csv");
        assertThat(r.status()).as(register + ": " + r.body()).isIn(200, 201);
    }

    @Test
    @Order(1)
    void air_stations_by_type_complaints_and_patrols_appear_and_go_with_their_toggles() {
        map.open();
        map.page().waitForFunction("() => window.gwTimings.probed");
        map.view(27.59, 112.30, 12);
        map.page().waitForFunction("() => document.querySelectorAll('.reg-stations_air_control').length === 1"
                + " && document.querySelectorAll('.reg-stations_air_small').length === 1");
        map.$("input[data-layer='stations_air_small']").uncheck();
        map.page().waitForFunction("() => document.querySelectorAll('.reg-stations_air_small').length === 0");
        assertThat(map.$(".reg-stations_air_control").count()).as("the other type stays").isEqualTo(1);
        map.$("input[data-layer='stations_air_small']").check();
        map.page().waitForFunction("() => document.querySelectorAll('.reg-stations_air_small').length === 1");

        for (String layer : new String[] {"complaints", "patrols"}) {
            assertThat(map.$(".reg-" + layer).count()).as(layer + " are off by default").isZero();
            map.$("input[data-layer='" + layer + "']").check();
            map.page().waitForFunction("l => document.querySelectorAll('.reg-' + l).length === 1", layer);
        }
        map.waitForTiles();
        map.shot("30-stations-complaints-patrols");
        map.$(".reg-patrols").hover();
        assertThat(map.$(".leaflet-tooltip").textContent()).contains("PT-1").contains("张网格");
        for (String layer : new String[] {"complaints", "patrols"}) {
            map.$("input[data-layer='" + layer + "']").uncheck();
            map.page().waitForFunction("l => document.querySelectorAll('.reg-' + l).length === 0", layer);
        }
    }

    @Test
    @Order(2)
    void the_road_network_imported_from_osm_is_drawn_when_its_toggle_is_on_with_its_legend() throws Exception {
        Reply imported = server.http().post("/api/roads/import?name=" + "hunan-normal-univ&filename=hnu.osm",
                Files.readAllBytes(OSM), "application/xml");
        assertThat(imported.status()).as(imported.body()).isIn(200, 201);
        map.open();
        map.page().waitForFunction("() => document.querySelector(\"input[data-layer='roads']\")");
        map.view(28.1851, 112.9455, 16);
        assertThat(map.$(".overlay-roads").count()).as("roads are off by default").isZero();
        map.$("input[data-layer='roads']").check();
        Map<String, Object> on = map.overlayPixels("roads");
        assertThat((Integer) on.get("drawn")).as("road pixels in the tiles: %s", on).isGreaterThan(1000);
        assertThat((String) on.get("src")).startsWith("/tiles/roads/16/").contains("style=by_class");
        map.page().waitForFunction("() => document.querySelector(\"img[data-legend='roads']\")?.naturalWidth > 0");
        assertThat((Integer) map.page().evaluate("() => document.querySelector(\"img[data-legend='roads']\").naturalHeight"))
                .as("one legend row per road class").isGreaterThan(60);
        map.shot("31-roads-on");
        map.$("input[data-layer='roads']").uncheck();
        assertThat(map.$(".overlay-roads").count()).isZero();
        assertThat(map.$("img[data-legend='roads']").count()).isZero();
        map.shot("32-roads-off");
    }

    @Test
    @Order(3)
    void the_thematic_layers_shade_the_cells_and_show_their_legends() {
        Reply problem = server.http().postJson("/api/problems", "{\"title\":\"超期未整改\",\"origin\":\"patrol\","
                + "\"lon\":112.25,\"lat\":27.5,\"deadline\":\"" + LocalDate.now().minusDays(5) + "\"}");
        assertThat(problem.status()).as(problem.body()).isEqualTo(201);
        map.open();
        map.page().waitForFunction("() => document.querySelector(\"input[data-layer='grid_overdue']\")");
        map.view(27.5, 112.5, 12);
        map.$("input[data-layer='grid_overdue']").check();
        Map<String, Object> overdue = map.overlayPixels("grid_overdue");
        assertThat((Integer) overdue.get("drawn")).as("shaded cells: %s", overdue).isGreaterThan(10_000);
        assertThat((String) overdue.get("src")).contains("level=village");
        map.page().waitForFunction("() => document.querySelector(\"img[data-legend='grid_overdue']\")?.naturalWidth > 0");
        map.shot("33-thematic-overdue");
        map.$("input[data-layer='grid_overdue']").uncheck();
        map.$("input[data-layer='grid_patrol_coverage']").check();
        assertThat((Integer) map.overlayPixels("grid_patrol_coverage").get("drawn")).isGreaterThan(10_000);
        assertThat(map.$(".overlay-grid_overdue").count()).isZero();
        map.shot("34-thematic-coverage");
    }

    @Test
    @Order(4)
    void a_joint_plan_of_two_teams_is_drawn_one_colour_per_team_with_its_stops_in_order() throws Exception {
        new JointPlanFlow(server.testServer(), map).run();
    }

    @Test
    @Order(5)
    void a_new_plan_runs_as_a_background_job_with_progress_and_can_be_cancelled() {
        new PlanJobFlow(server.testServer(), map).run();
    }

    @Test
    @Order(6)
    void the_new_toggles_fit_on_a_phone() {
        BrowserContext phone = MapPage.signedIn(browser.chromium(), browser.base(), 390, 844, USER, PASSWORD);
        try {
            MapPage p = new MapPage(phone, browser.base()).open();
            p.page().waitForFunction("() => window.gwTimings.probed && window.gwOverlays.available.length === 5");
            p.$(".switcher-toggle").click();
            p.page().waitForTimeout(500);
            assertThat(p.$("section.located").count()).as("opening the switcher is no click on the map").isZero();
            for (String layer : new String[] {"roads", "plan_routes", "plan_stops", "grid_overdue", "grid_patrol_coverage",
                "patrols", "complaints"}) {
                assertThat(p.$("#layer-switcher input[data-layer='" + layer + "']").count()).as(layer).isEqualTo(1);
            }
            p.$("input[data-layer='grid_overdue']").check();
            p.page().waitForFunction("() => document.querySelector(\"img[data-legend='grid_overdue']\")?.naturalWidth > 0");
            var box = p.$("#layer-switcher").boundingBox();
            assertThat(box.y + box.height).as("the switcher ends above the bottom sheet")
                    .isLessThanOrEqualTo(p.$("#panel").boundingBox().y + 1);
            assertThat(box.x).isGreaterThanOrEqualTo(0);
            assertThat(box.x + box.width).as("switcher inside the screen").isLessThanOrEqualTo(390.5);
            assertThat((Integer) p.page().evaluate("() => document.scrollingElement.scrollWidth")).isLessThanOrEqualTo(390);
            p.shot("35-phone-layers-and-legend");
            assertThat(p.errors()).isEmpty();
        } finally {
            phone.close();
        }
    }
}
