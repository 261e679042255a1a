package cn.gridwatch.problems;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.TestHttp;
import cn.gridwatch.TestHttp.Reply;
import cn.gridwatch.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The problem list's filters and the access rules, on five hand-placed problems in the small city:
 * <pre>
 * A  village 430102001001  patrol      found 2025-01-10  found
 * B  village 430102001002  complaint   found 2025-02-10  assigned, deadline 2025-02-20 (overdue)
 * C  township 430102002    meter_alert found 2025-03-01  closed_unfixed, deadline 2025-03-05 (not overdue: closed)
 * D  township 430103001    other       found 2025-03-15  found, deadline 2099 (not overdue)
 * E  township 430103002    patrol      found 2025-01-20  found, deadline 2025-01-25 (overdue)
 * </pre>
 * Tests that write run last (ordered) so the counts above hold for the reading tests.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProblemListApiTest {
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.withSmallCity();
    private static TestHttp http;
    private static TestHttp township;
    private static TestHttp village;
    private static TestHttp gis;
    private static TestHttp inspector;
    private static long idA;
    private static long idD;

    @BeforeAll
    static void start() {
        http = server.http();
        idA = create("A", "patrol", 112.25, 27.5, "2025-01-10T09:00", null);
        long b = create("B", "complaint", 112.75, 27.5, "2025-02-10T09:00", "2025-02-20");
        long c = create("C", "meter_alert", 112.5, 28.5, "2025-03-01T10:00", "2025-03-05");
        idD = create("D", "other", 113.5, 27.5, "2025-03-15T09:00", "2099-01-01");
        create("E", "patrol", 113.5, 28.5, "2025-01-20T09:00", "2025-01-25");
        assertThat(http.postJson("/api/problems/" + b + "/transitions", "{\"to\":\"assigned\",\"assignee\":\"张三\"}")
                .status()).isEqualTo(200);
        assertThat(http.postJson("/api/problems/" + c + "/transitions", "{\"to\":\"closed_unfixed\",\"reason\":\"停产\"}")
                .status()).isEqualTo(200);
        township = server.userWithToken("dingwangtai", Role.TOWNSHIP_OFFICER, "430102001");
        village = server.userWithToken("jiefang", Role.VILLAGE_OFFICER, "430102001001");
        gis = server.userWithToken("qgis", Role.GIS_CLIENT, null);
        inspector = server.userWithToken("insp", Role.INSPECTOR, null);
    }

    private static long create(String title, String origin, double lon, double lat, String foundAt, String deadline) {
        Reply r = http.postJson("/api/problems", "{\"title\":\"" + title + "\",\"origin\":\"" + origin + "\",\"lon\":"
                + lon + ",\"lat\":" + lat + ",\"foundAt\":\"" + foundAt + "\""
                + (deadline == null ? "" : ",\"deadline\":\"" + deadline + "\"") + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private static List<String> titles(TestHttp client, String query) {
        Reply r = client.get("/api/problems" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().get("items").forEach(i -> out.add(i.get("title").asText()));
        return out;
    }

    @Test
    @Order(1)
    void the_list_is_a_page_newest_found_first_with_location_and_cells() {
        JsonNode page = http.get("/api/problems?limit=2").json();
        assertThat(page.get("total").asLong()).isEqualTo(5);
        assertThat(page.get("limit").asInt()).isEqualTo(2);
        assertThat(page.get("offset").asInt()).isZero();
        JsonNode first = page.get("items").get(0);
        assertThat(first.get("title").asText()).isEqualTo("D");
        assertThat(first.get("lon").asDouble()).isEqualTo(113.5);
        assertThat(first.get("countyCode").asText()).isEqualTo("430103000000");
        assertThat(first.get("townshipCode").asText()).isEqualTo("430103001000");
        assertThat(first.has("villageCode")).isTrue();
        assertThat(titles(http, "?limit=2&offset=2")).containsExactly("B", "E");
        assertThat(titles(http, "")).containsExactly("D", "C", "B", "E", "A");
    }

    @Test
    @Order(1)
    void grid_filters_take_the_whole_subtree_in_any_code_form() {
        assertThat(titles(http, "?grid=430100")).hasSize(5);
        assertThat(titles(http, "?grid=430102")).containsExactlyInAnyOrder("A", "B", "C");
        assertThat(titles(http, "?grid=430102001")).containsExactlyInAnyOrder("A", "B");
        assertThat(titles(http, "?grid=430102001000")).containsExactlyInAnyOrder("A", "B");
        assertThat(titles(http, "?grid=430102001002")).containsExactly("B");
    }

    @Test
    @Order(1)
    void status_overdue_origin_date_and_bbox_filters_combine() {
        assertThat(titles(http, "?status=found")).containsExactlyInAnyOrder("A", "D", "E");
        assertThat(titles(http, "?status=found,assigned")).containsExactlyInAnyOrder("A", "B", "D", "E");
        assertThat(titles(http, "?overdue=true")).containsExactlyInAnyOrder("B", "E");
        assertThat(titles(http, "?overdue=false")).containsExactlyInAnyOrder("A", "C", "D");
        assertThat(titles(http, "?grid=430102&overdue=true")).containsExactly("B");
        assertThat(titles(http, "?grid=430103&status=found")).containsExactlyInAnyOrder("D", "E");
        assertThat(titles(http, "?origin=patrol")).containsExactlyInAnyOrder("A", "E");
        assertThat(titles(http, "?from=2025-02-01&to=2025-03-01")).containsExactlyInAnyOrder("B", "C");
        assertThat(titles(http, "?bbox=112,27,113,28")).containsExactlyInAnyOrder("A", "B");
        JsonNode overdue = http.get("/api/problems?overdue=true&grid=430102").json().get("items").get(0);
        assertThat(overdue.get("overdue").asBoolean()).isTrue();
    }

    @Test
    @Order(1)
    void bad_filters_are_400_naming_the_parameter() {
        assertThat(detail(http.get("/api/problems?status=open"), 400)).contains("status").contains("open");
        assertThat(detail(http.get("/api/problems?overdue=maybe"), 400)).contains("overdue");
        assertThat(detail(http.get("/api/problems?grid=43x"), 400)).contains("43x");
        assertThat(detail(http.get("/api/problems?limit=0"), 400)).contains("limit");
        assertThat(detail(http.get("/api/problems?bbox=1,2,3"), 400)).contains("bbox");
        assertThat(detail(http.get("/api/problems?from=2025-13-01"), 400)).contains("from");
        assertThat(detail(http.get("/api/problems?origin=x"), 400)).contains("origin");
    }

    @Test
    @Order(1)
    void officers_see_only_their_subtree_and_other_problems_do_not_exist_for_them() {
        assertThat(titles(township, "")).containsExactlyInAnyOrder("A", "B");
        assertThat(titles(township, "?grid=430102001002")).containsExactly("B");
        assertThat(detail(township.get("/api/problems?grid=430103"), 403)).contains("430103")
                .contains("outside your jurisdiction");
        assertThat(township.get("/api/problems?grid=430100").status()).isEqualTo(403);
        assertThat(titles(village, "")).containsExactly("A");
        assertThat(township.get("/api/problems/" + idA).status()).isEqualTo(200);
        assertThat(detail(township.get("/api/problems/" + idD), 404)).contains(String.valueOf(idD));
        assertThat(detail(township.postJson("/api/problems/" + idD + "/transitions",
                "{\"to\":\"closed_unfixed\",\"reason\":\"x\"}"), 404)).contains(String.valueOf(idD));
    }

    @Test
    @Order(1)
    void read_only_roles_read_everything_but_change_nothing() {
        assertThat(titles(gis, "")).hasSize(5);
        assertThat(titles(inspector, "?status=found")).hasSize(3);
        assertThat(detail(gis.postJson("/api/problems", "{\"title\":\"x\",\"lon\":112.25,\"lat\":27.5}"), 403))
                .contains("gis_client");
        assertThat(detail(gis.postJson("/api/problems/" + idA + "/transitions",
                "{\"to\":\"assigned\",\"assignee\":\"x\"}"), 403)).contains("gis_client");
        assertThat(detail(inspector.postJson("/api/problems", "{\"title\":\"x\",\"lon\":112.25,\"lat\":27.5}"), 403))
                .contains("inspector");
        assertThat(http.anonymous().get("/api/problems").status()).isEqualTo(401);
        assertThat(http.get("/api/problems/" + idA).json().get("status").asText()).isEqualTo("found");
    }

    @Test
    @Order(2)
    void an_officer_creates_and_moves_problems_inside_the_subtree_only() {
        assertThat(detail(township.postJson("/api/problems", "{\"title\":\"越界\",\"lon\":113.5,\"lat\":27.5}"), 403))
                .contains("outside your jurisdiction");
        Reply own = township.postJson("/api/problems", "{\"title\":\"辖区内\",\"lon\":112.25,\"lat\":27.6}");
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.json().get("createdBy").asText()).isEqualTo("dingwangtai");
        Reply moved = township.postJson("/api/problems/" + idA + "/transitions", "{\"to\":\"assigned\",\"assignee\":\"王五\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("transitions").get(1).get("actor").asText()).isEqualTo("dingwangtai");
    }

    private static String detail(Reply r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json().get("detail").asText();
    }
}
