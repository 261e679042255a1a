package cn.gridwatch.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.TestHttp;
import cn.gridwatch.TestHttp.Reply;
import cn.gridwatch.WorkFixtures;
import cn.gridwatch.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Station readings and dispatch over real HTTP. Station 1001A stands at (112.505, 27.5) in village
 * 430102001002 with four active sources about 1 km away, one each to the N, S, E and W (W lies across
 * the village border in 430102001001), one 4.4 km north (outside 3 km) and a closed one next door.
 * Village 430102001002 has two grid officers and a chief; village 430102001001 nobody, so W falls
 * back to the chief of township 430102001 (registered under the short code). Readings on 2025-01-06
 * (+08:00): 08:00 PM2.5 120 and PM10 160 in a north wind, 09:00 clean, 10:00 PM2.5 90 in a south wind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DispatchApiTest {
    private static final String READINGS = """
            station_code,at,pm25,pm10,o3,no2,so2,co,aqi,wind_from_deg,wind_speed
            1001A,2025-01-06T08:00,120,160,30,40,10,0.8,160,0,3.2
            1001A,2025-01-06T09:00,50,80,30,40,10,0.8,70,0,3.0
            1001A,2025-01-06 10:00:00,90,100,30,40,10,0.8,120,180,2.5
            """;
    private static final String RUN = "{\"from\":\"2025-01-06T08:00\",\"to\":\"2025-01-06T11:00\"}";
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.withSmallCity();
    private static TestHttp http;
    private static WorkFixtures fx;

    @BeforeAll
    static void start() {
        http = server.http();
        fx = new WorkFixtures(server.testServer());
        fx.station("1001A", "经开区监测站", 112.505, 27.5);
        fx.station("2001A", "天心区监测站", 113.5, 27.5);
        fx.source("SRC-N", "北侧化工厂", 112.505, 27.509);
        fx.source("SRC-S", "南侧砖厂", 112.505, 27.491);
        fx.source("SRC-E", "东侧搅拌站", 112.515, 27.5);
        fx.source("SRC-W", "西侧铸造厂", 112.495, 27.5);
        fx.source("SRC-FAR", "远处水泥厂", 112.505, 27.54);
        fx.source("SRC-CLOSED", "已关停印染厂", 112.506, 27.501);
        fx.exec("update pollution_source set status = 'closed' where code = 'SRC-CLOSED'");
        fx.duty("430102001002", "grid_officer", "张三", "13800000001");
        fx.duty("430102001002", "grid_officer", "李四", "13800000002");
        fx.duty("430102001002", "grid_chief", "赵六", "13800000003");
        fx.duty("430102001", "grid_chief", "王五", "13800000004");
    }

    private static Reply ingestCsv(TestHttp client, String csv) {
        return client.post("/api/readings/stations", csv.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    private static JsonNode run(TestHttp client, String body) {
        Reply r = client.postJson("/api/dispatch/run", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> codes(JsonNode exceedance) {
        List<String> out = new ArrayList<>();
        exceedance.get("sources").forEach(s -> out.add(s.get("code").asText()));
        return out;
    }

    @Test
    @Order(1)
    void readings_are_ingested_once_and_loading_them_again_changes_nothing() {
        Reply first = ingestCsv(http, READINGS);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("committed").asBoolean()).isTrue();
        assertThat(first.json().get("inserted").asInt()).isEqualTo(3);
        JsonNode again = ingestCsv(http, READINGS).json();
        assertThat(again.get("inserted").asInt()).isZero();
        assertThat(again.get("updated").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(3);
        assertThat(fx.scalar("select count(*) from station_reading")).isEqualTo(3);
        assertThat(fx.scalar("select count(*) from station_reading where wind_from_deg = 180"
                + " and at = timestamptz '2025-01-06 02:00:00+00'")).isEqualTo(1);
    }

    @Test
    @Order(1)
    void json_readings_are_accepted_and_a_corrected_value_replaces_the_old_one() {
        Reply r = http.postJson("/api/readings/stations", "[{\"station_code\":\"2001A\",\"at\":\"2025-01-05T08:00:00+08:00\","
                + "\"pm25\":40,\"wind_from_deg\":360,\"wind_speed\":1.0}]");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("inserted").asInt()).isEqualTo(1);
        Reply fixed = http.postJson("/api/readings/stations", "{\"readings\":[{\"station_code\":\"2001A\","
                + "\"at\":\"2025-01-05T00:00:00Z\",\"pm25\":45,\"wind_from_deg\":0,\"wind_speed\":1.0}]}");
        assertThat(fixed.json().get("updated").asInt()).as(fixed.body()).isEqualTo(1);
        assertThat(fx.scalar("select pm25 from station_reading where station_code = '2001A'")).isEqualTo(45);
    }

    @Test
    @Order(1)
    void a_file_with_bad_rows_is_refused_whole_with_every_row_named() {
        long before = fx.scalar("select count(*) from station_reading");
        Reply r = ingestCsv(http, """
                station_code,at,pm25,pm10,wind_from_deg
                1001A,2025-01-07T08:00,80,90,10
                1001A,2025-01-07T08:30,80,90,10
                1001A,2025-01-07T09:00,-5,90,10
                9999Z,2025-01-07T09:00,80,90,10
                1001A,2025-01-07T10:00,80,90,400
                1001A,2025-01-07T08:00,81,90,10
                1001A,yesterday,80,90,10
                """);
        assertThat(r.status()).isEqualTo(422);
        JsonNode report = r.json();
        assertThat(report.get("committed").asBoolean()).isFalse();
        List<String> errors = new ArrayList<>();
        report.get("errors").forEach(e -> errors.add(e.get("row").asInt() + " " + e.get("field").asText() + " "
                + e.get("message").asText()));
        assertThat(errors).hasSize(6);
        assertThat(errors.get(0)).startsWith("3 at").contains("start of an hour");
        assertThat(errors.get(1)).startsWith("4 pm25");
        assertThat(errors.get(2)).startsWith("5 station_code").contains("no current air station");
        assertThat(errors.get(3)).startsWith("6 wind_from_deg");
        assertThat(errors.get(4)).startsWith("7 null").contains("row 2");
        assertThat(errors.get(5)).startsWith("8 at").contains("yesterday");
        assertThat(fx.scalar("select count(*) from station_reading")).isEqualTo(before);

        Reply noColumn = ingestCsv(http, "station,at\n1001A,2025-01-07T08:00\n");
        assertThat(noColumn.status()).isEqualTo(400);
        assertThat(noColumn.json().get("detail").asText()).contains("station_code");
    }

    @Test
    @Order(2)
    void in_a_north_wind_the_source_north_of_the_station_ranks_first_and_south_last() {
        JsonNode result = run(http, RUN);
        assertThat(result.get("readings").asInt()).isEqualTo(3);
        JsonNode ex = result.get("exceedances");
        assertThat(ex).hasSize(2);
        JsonNode eight = ex.get(0);
        assertThat(eight.get("at").asText()).isEqualTo("2025-01-06T00:00:00Z");
        assertThat(eight.get("triggers")).hasSize(2);
        assertThat(eight.get("triggers").get(0).get("pollutant").asText()).isEqualTo("pm25");
        assertThat(eight.get("triggers").get(0).get("limit").asDouble()).isEqualTo(75);
        assertThat(eight.get("sourcesInRadius").asInt()).isEqualTo(4);
        List<String> order = codes(eight);
        assertThat(order.get(0)).isEqualTo("SRC-N");
        assertThat(order.get(3)).isEqualTo("SRC-S");
        assertThat(order).doesNotContain("SRC-FAR", "SRC-CLOSED");
        JsonNode north = eight.get("sources").get(0);
        assertThat(north.get("bearingDeg").asDouble()).isCloseTo(0, within(0.5));
        assertThat(north.get("distanceM").asDouble()).isCloseTo(997, within(5.0));
        assertThat(north.get("weight").asDouble()).isCloseTo(0.70, within(0.01));
        assertThat(eight.get("sources").get(3).get("weight").asDouble()).isCloseTo(0.14, within(0.01));
        assertThat(eight.get("sources").get(1).get("weight").asDouble()).isCloseTo(0.42, within(0.01));

        JsonNode ten = ex.get(1);
        assertThat(codes(ten).get(0)).isEqualTo("SRC-S");
        assertThat(codes(ten).get(3)).isEqualTo("SRC-N");
        assertThat(result.get("tasksCreated").asInt()).isEqualTo(8);
        assertThat(fx.scalar("select count(*) from patrol_task")).isEqualTo(8);
    }

    @Test
    @Order(3)
    void tasks_go_to_the_village_officers_or_up_the_levels_when_the_village_has_nobody() {
        JsonNode eight = run(http, RUN).get("exceedances").get(0);
        for (JsonNode s : eight.get("sources")) {
            List<String> names = new ArrayList<>();
            s.get("officers").forEach(o -> names.add(o.get("name").asText()));
            if (s.get("code").asText().equals("SRC-W")) {
                assertThat(s.get("gridCode").asText()).isEqualTo("430102001000");
                assertThat(names).containsExactly("王五");
                assertThat(s.get("officers").get(0).get("duty").asText()).isEqualTo("grid_chief");
            } else {
                assertThat(s.get("gridCode").asText()).isEqualTo("430102001002");
                assertThat(names).containsExactly("张三", "李四");
            }
        }
    }

    @Test
    @Order(3)
    void a_second_run_creates_nothing_and_answers_the_same_tasks() {
        JsonNode first = run(http, RUN);
        JsonNode second = run(http, RUN);
        assertThat(second.get("tasksCreated").asInt()).isZero();
        assertThat(second.get("tasksExisting").asInt()).isEqualTo(8);
        assertThat(second.get("exceedances").get(0).get("sources").get(0).get("taskId").asLong())
                .isEqualTo(first.get("exceedances").get(0).get("sources").get(0).get("taskId").asLong());
        assertThat(second.get("exceedances").get(0).get("sources").get(0).get("created").asBoolean()).isFalse();
        assertThat(fx.scalar("select count(*) from patrol_task")).isEqualTo(8);
        assertThat(fx.scalar("select count(*) from audit_log where action = 'dispatch.run'")).isGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(5)
    void thresholds_radius_and_source_count_can_be_set_per_run() {
        JsonNode strict = run(http, "{\"from\":\"2025-01-06T08:00\",\"to\":\"2025-01-06T11:00\",\"pm25\":100,\"pm10\":500}");
        assertThat(strict.get("thresholds").get("pm25").asDouble()).isEqualTo(100);
        assertThat(strict.get("exceedances")).hasSize(1);
        assertThat(strict.get("exceedances").get(0).get("triggers")).hasSize(1);
        // at 5 km the far source (4.4 km straight upwind, weight 0.20) passes the near downwind one (0.16)
        JsonNode wide = run(http, "{\"from\":\"2025-01-06T08:00\",\"radiusM\":5000}");
        assertThat(wide.get("exceedances")).hasSize(1);
        assertThat(wide.get("exceedances").get(0).get("sourcesInRadius").asInt()).isEqualTo(5);
        List<String> order = codes(wide.get("exceedances").get(0));
        assertThat(order).hasSize(5);
        assertThat(order.get(0)).isEqualTo("SRC-N");
        assertThat(order.subList(3, 5)).containsExactly("SRC-FAR", "SRC-S");
        JsonNode two = run(http, "{\"from\":\"2025-01-06T08:00\",\"radiusM\":5000,\"maxSources\":2}");
        assertThat(two.get("exceedances").get(0).get("sources")).hasSize(2);
    }

    @Test
    @Order(3)
    void bad_run_requests_name_the_field() {
        assertThat(detail(http.postJson("/api/dispatch/run", "{\"to\":\"2025-01-06T11:00\"}"), 400)).contains("from");
        assertThat(detail(http.postJson("/api/dispatch/run", "{\"from\":\"2025-01-06T08:00\",\"radiusM\":10}"), 400))
                .contains("radiusM");
        assertThat(detail(http.postJson("/api/dispatch/run", "{\"from\":\"2025-01-06T08:00\",\"pm25\":-1}"), 400))
                .contains("pm25");
        assertThat(detail(http.postJson("/api/dispatch/run", "{\"from\":\"2025-01-01\",\"to\":\"2025-03-01\"}"), 400))
                .contains("31 days");
        assertThat(detail(http.postJson("/api/dispatch/run", "{\"from\":\"2025-01-06T08:00\",\"wind\":1}"), 400))
                .contains("wind");
    }

    @Test
    @Order(4)
    void the_task_list_filters_by_station_grid_and_date_and_shows_the_assignees() {
        JsonNode all = http.get("/api/patrol-tasks?station=1001A").json();
        assertThat(all.get("total").asLong()).isGreaterThanOrEqualTo(8);
        JsonNode west = http.get("/api/patrol-tasks?grid=430102001001").json();
        assertThat(west.get("total").asLong()).isEqualTo(2);
        JsonNode t = west.get("items").get(0);
        assertThat(t.get("sourceCode").asText()).isEqualTo("SRC-W");
        assertThat(t.get("villageCode").asText()).isEqualTo("430102001001");
        assertThat(t.get("lon").asDouble()).isEqualTo(112.495);
        assertThat(t.get("assignees").get(0).get("name").asText()).isEqualTo("王五");
        assertThat(t.get("reason").asText()).contains("1001A").contains("pm25");
        assertThat(t.get("status").asText()).isEqualTo("open");
        assertThat(http.get("/api/patrol-tasks?from=2025-01-07").json().get("total").asLong()).isZero();
        assertThat(detail(http.get("/api/patrol-tasks?status=finished"), 400)).contains("status");
    }

    @Test
    @Order(4)
    void only_administrators_and_city_or_county_officers_feed_readings_and_run_dispatch_inside_their_area() {
        TestHttp gis = server.userWithToken("gis", Role.GIS_CLIENT, null);
        TestHttp township = server.userWithToken("wuyi", Role.TOWNSHIP_OFFICER, "430102001");
        TestHttp furong = server.userWithToken("furong", Role.COUNTY_OFFICER, "430102");
        TestHttp tianxin = server.userWithToken("tianxin", Role.COUNTY_OFFICER, "430103");
        assertThat(ingestCsv(gis, READINGS).status()).isEqualTo(403);
        assertThat(ingestCsv(township, READINGS).status()).isEqualTo(403);
        assertThat(gis.postJson("/api/dispatch/run", RUN).status()).isEqualTo(403);
        Reply foreign = ingestCsv(tianxin, READINGS);
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.json().get("errors").get(0).get("message").asText()).contains("outside your jurisdiction");
        assertThat(ingestCsv(furong, READINGS).status()).isEqualTo(200);
        assertThat(run(furong, RUN).get("exceedances")).hasSize(2);
        assertThat(run(tianxin, RUN).get("exceedances")).isEmpty();
        assertThat(tianxin.get("/api/patrol-tasks").json().get("total").asLong()).isZero();
        assertThat(township.get("/api/patrol-tasks").json().get("total").asLong()).isGreaterThanOrEqualTo(8);
        assertThat(gis.get("/api/patrol-tasks").status()).isEqualTo(200);
    }

    private static String detail(Reply r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json().get("detail").asText();
    }
}
