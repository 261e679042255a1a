package cn.gridwatch.meters;

import static cn.gridwatch.meters.MeterDay.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.TestHttp;
import cn.gridwatch.TestHttp.Reply;
import cn.gridwatch.WorkFixtures;
import cn.gridwatch.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Power-meter readings and alerts over real HTTP, on the constructed day of {@link MeterDay}: source
 * 湘江化工 in village 430102001002 with production meter P1 and control meter C1 (布袋除尘器,
 * normal ratio 0.5, paired by code); a second source whose pair has no normal ratio (skipped); a third
 * whose control meter has no pair code but one production meter (paired, always normal).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MeterAlertApiTest {
    private static final String DAY_RUN = "{\"from\":\"2025-01-06\",\"to\":\"2025-01-07\"}";
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.withSmallCity();
    private static TestHttp http;
    private static WorkFixtures fx;

    @BeforeAll
    static void start() {
        http = server.http();
        fx = new WorkFixtures(server.testServer());
        long chem = fx.source("91430100MA4L0CHEM", "湘江化工有限公司", 112.75, 27.5);
        fx.meter("P1", chem, "production", "反应釜生产线", null, null);
        fx.meter("C1", chem, "control", "布袋除尘器", 0.5, "P1");
        long brick = fx.source("91430100MA4L0BRIC", "红星砖厂", 112.25, 27.5);
        fx.meter("P2", brick, "production", "隧道窑", null, null);
        fx.meter("C2", brick, "control", "脱硫塔", null, "P2");
        long paint = fx.source("91430100MA4L0PAIN", "东方涂装厂", 112.3, 27.3);
        fx.meter("P3", paint, "production", "喷涂线", 2.0, null);
        fx.meter("C3", paint, "control", "活性炭吸附", null, null);
    }

    private static String csv(Map<String, ? extends Map<Instant, Double>> series) {
        StringBuilder b = new StringBuilder("meter_code,at,kw\n");
        series.forEach((meter, values) -> values.forEach((t, kw) -> b.append(meter).append(',').append(t).append(',')
                .append(kw).append('\n')));
        return b.toString();
    }

    private static Reply ingest(TestHttp client, String csv) {
        return client.post("/api/readings/meters", csv.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    private static JsonNode run(TestHttp client, String body) {
        Reply r = client.postJson("/api/meter-alerts/run", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> statuses(JsonNode result) {
        List<String> out = new ArrayList<>();
        result.get("alerts").forEach(a -> out.add(a.get("start").asText() + " " + a.get("status").asText()));
        return out;
    }

    @Test
    @Order(1)
    void readings_are_ingested_once_and_a_second_load_changes_nothing() {
        String day = csv(Map.of("P1", MeterDay.production(), "C1", MeterDay.control(), "P3", MeterDay.production(),
                "C3", MeterDay.production()));
        Reply first = ingest(http, day);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        int rows = MeterDay.production().size() * 3 + MeterDay.control().size();
        assertThat(first.json().get("inserted").asInt()).isEqualTo(rows);
        JsonNode again = ingest(http, day).json();
        assertThat(again.get("unchanged").asInt()).isEqualTo(rows);
        assertThat(fx.scalar("select count(*) from meter_reading")).isEqualTo(rows);
    }

    @Test
    @Order(1)
    void readings_off_the_quarter_hour_or_otherwise_bad_refuse_the_whole_file() {
        long before = fx.scalar("select count(*) from meter_reading");
        Reply r = ingest(http, """
                meter_code,at,kw
                P2,2025-01-08T08:00,80
                P2,2025-01-08T08:07,80
                P2,2025-01-08T08:15:30,80
                P2,2025-01-08T08:30,-1
                X9,2025-01-08T08:45,80
                P2,2035-01-08T08:45,80
                P2,2025-01-08T08:00,81
                P2,2025-01-08T09:00,
                """);
        assertThat(r.status()).isEqualTo(422);
        List<String> errors = new ArrayList<>();
        r.json().get("errors").forEach(e -> errors.add(e.get("row").asInt() + " " + e.get("field").asText() + " "
                + e.get("message").asText()));
        assertThat(errors).hasSize(7);
        assertThat(errors.get(0)).startsWith("3 at").contains("15-minute");
        assertThat(errors.get(1)).startsWith("4 at").contains("15-minute");
        assertThat(errors.get(2)).startsWith("5 kw");
        assertThat(errors.get(3)).startsWith("6 meter_code").contains("no power meter");
        assertThat(errors.get(4)).startsWith("7 at").contains("future");
        assertThat(errors.get(5)).contains("row 2");
        assertThat(errors.get(6)).startsWith("9 kw").contains("required");
        assertThat(fx.scalar("select count(*) from meter_reading")).isEqualTo(before);
        assertThat(http.postJson("/api/readings/meters", "[{\"meter_code\":\"P2\",\"at\":\"2025-01-08T08:00\",\"kw\":3}]")
                .status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void an_hourly_run_finds_the_start_of_a_period_and_the_day_run_widens_it_without_a_second_problem() {
        JsonNode early = run(http, "{\"from\":\"2025-01-06T00:00\",\"to\":\"2025-01-06T10:30\"}");
        assertThat(statuses(early)).containsExactly(at(10, 0) + " created");
        JsonNode day = run(http, DAY_RUN);
        assertThat(statuses(day)).containsExactly(at(10, 0) + " widened", at(13, 0) + " created",
                at(15, 0) + " created", at(15, 45) + " created");
        JsonNode first = day.get("alerts").get(0);
        assertThat(first.get("end").asText()).isEqualTo(at(11, 0).toString());
        assertThat(first.get("intervals").asInt()).isEqualTo(4);
        assertThat(first.get("problemId").asLong()).isEqualTo(early.get("alerts").get(0).get("problemId").asLong());
        assertThat(first.get("runThresholdKw").asDouble()).isEqualTo(10.0);
        assertThat(day.get("pairsChecked").asInt()).as(day.toString()).isEqualTo(2);
        assertThat(day.get("skipped")).hasSize(1);
        assertThat(day.get("skipped").get(0).get("controlMeter").asText()).isEqualTo("C2");
        assertThat(day.get("skipped").get(0).get("reason").asText()).contains("normal_ratio");
        assertThat(fx.scalar("select count(*) from meter_alert")).isEqualTo(4);
        assertThat(fx.scalar("select count(*) from problem where origin = 'meter_alert'")).isEqualTo(4);
    }

    @Test
    @Order(3)
    void each_period_is_a_problem_for_the_sources_grid() {
        JsonNode page = http.get("/api/problems?origin=meter_alert&grid=430102001002").json();
        assertThat(page.get("total").asLong()).isEqualTo(4);
        JsonNode p = page.get("items").get(3); // oldest found first from the end: 10:00
        assertThat(p.get("foundAt").asText()).isEqualTo(at(10, 0).toString());
        assertThat(p.get("sourceCode").asText()).isEqualTo("91430100MA4L0CHEM");
        assertThat(p.get("status").asText()).isEqualTo("found");
        assertThat(p.get("title").asText()).contains("布袋除尘器").contains("湘江化工有限公司");
        assertThat(p.get("description").asText()).contains("P1").contains("C1");
        assertThat(p.get("lon").asDouble()).isEqualTo(112.75);
        long alertId = fx.scalar("select id from meter_alert where problem_id = ?", p.get("id").asLong());
        assertThat(p.get("originId").asLong()).isEqualTo(alertId);
    }

    @Test
    @Order(4)
    void running_again_duplicates_nothing() {
        JsonNode again = run(http, DAY_RUN);
        assertThat(statuses(again)).containsExactly(at(10, 0) + " existing", at(13, 0) + " existing",
                at(15, 0) + " existing", at(15, 45) + " existing");
        assertThat(fx.scalar("select count(*) from meter_alert")).isEqualTo(4);
        assertThat(fx.scalar("select count(*) from problem")).isEqualTo(4);
    }

    @Test
    @Order(5)
    void a_late_reading_that_closes_the_gap_joins_the_periods_without_a_new_problem() {
        assertThat(ingest(http, "meter_code,at,kw\nC1," + at(15, 30) + ",0\n").status()).isEqualTo(200);
        JsonNode joined = run(http, DAY_RUN);
        assertThat(statuses(joined)).containsExactly(at(10, 0) + " existing", at(13, 0) + " existing",
                at(15, 0) + " widened");
        assertThat(joined.get("alerts").get(2).get("end").asText()).isEqualTo(at(16, 15).toString());
        assertThat(joined.get("alerts").get(2).get("intervals").asInt()).isEqualTo(5);
        assertThat(fx.scalar("select count(*) from problem")).isEqualTo(4);
        assertThat(statuses(run(http, DAY_RUN))).containsExactly(at(10, 0) + " existing", at(13, 0) + " existing",
                at(15, 0) + " existing");
    }

    @Test
    @Order(6)
    void only_administrators_and_city_or_county_officers_run_alerts_and_only_for_their_sources() {
        TestHttp gis = server.userWithToken("gis", Role.GIS_CLIENT, null);
        TestHttp township = server.userWithToken("wuyi", Role.TOWNSHIP_OFFICER, "430102001");
        TestHttp tianxin = server.userWithToken("tianxin", Role.COUNTY_OFFICER, "430103");
        TestHttp furong = server.userWithToken("furong", Role.COUNTY_OFFICER, "430102");
        assertThat(gis.postJson("/api/meter-alerts/run", DAY_RUN).status()).isEqualTo(403);
        assertThat(township.postJson("/api/meter-alerts/run", DAY_RUN).status()).isEqualTo(403);
        assertThat(ingest(gis, "meter_code,at,kw\nP1,2025-01-08T08:00,1\n").status()).isEqualTo(403);
        Reply foreign = ingest(tianxin, "meter_code,at,kw\nP1,2025-01-08T08:00,1\n");
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.json().get("errors").get(0).get("message").asText()).contains("outside your jurisdiction");
        assertThat(run(tianxin, DAY_RUN).get("pairsChecked").asInt()).isZero();
        assertThat(run(furong, DAY_RUN).get("alerts")).hasSize(3);
    }

    @Test
    @Order(6)
    void bad_run_requests_name_the_field() {
        Reply noFrom = http.postJson("/api/meter-alerts/run", "{\"to\":\"2025-01-07\"}");
        assertThat(noFrom.status()).isEqualTo(400);
        assertThat(noFrom.json().get("detail").asText()).contains("from");
        Reply ratio = http.postJson("/api/meter-alerts/run", "{\"from\":\"2025-01-06\",\"to\":\"2025-01-07\","
                + "\"ratioFraction\":5}");
        assertThat(ratio.status()).isEqualTo(400);
        assertThat(ratio.json().get("detail").asText()).contains("ratioFraction");
        Reply backwards = http.postJson("/api/meter-alerts/run", "{\"from\":\"2025-01-07\",\"to\":\"2025-01-06\"}");
        assertThat(backwards.status()).isEqualTo(400);
    }
}
