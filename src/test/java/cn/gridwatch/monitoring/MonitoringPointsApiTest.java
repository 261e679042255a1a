package cn.gridwatch.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.TestHttp;
import cn.gridwatch.TestHttp.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Monitoring points are versioned: moves and status changes open versions; the history shows them all. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringPointsApiTest {
    static final String HEADER = "code,name,type,operator,status,valid_from,lon,lat,zone_wkt\n";
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.withSmallCity();
    TestHttp admin;

    @BeforeAll
    void start() {
        admin = server.http();
    }

    @Test
    @Order(1)
    void points_and_a_protection_zone_are_imported_and_filtered_by_type() {
        Reply r = importCsv(HEADER
                + "M1,定王台站,national_air,市监测站,active,2020-01-01,112.25,27.5,\n"
                + "W1,湘江水源地,drinking_water,水务局,,2021-03-01,112.6,27.2,"
                + "\"POLYGON ((112.55 27.15, 112.65 27.15, 112.65 27.25, 112.55 27.25, 112.55 27.15))\"\n");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode list = admin.get("/api/monitoring-points?type=drinking_water").json();
        assertThat(list.get("total").asInt()).isEqualTo(1);
        JsonNode w1 = list.get("items").get(0);
        assertThat(w1.get("status").asText()).isEqualTo("active");
        assertThat(w1.get("zone_wkt").asText()).startsWith("MULTIPOLYGON");
        assertThat(w1.get("village_code").asText()).isEqualTo("430102001002");
        assertThat(admin.get("/api/monitoring-points?type=lake").status()).isEqualTo(400);
    }

    @Test
    @Order(2)
    void a_move_closes_the_current_version_on_the_new_valid_from_and_opens_another() {
        Reply r = importCsv(HEADER + "M1,定王台站,national_air,市监测站,active,2023-06-01,112.75,27.5,\n");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("updated").asInt()).isEqualTo(1);
        assertThat(r.json().get("versions").asInt()).isEqualTo(1);

        r = importCsv(HEADER + "M1,定王台站,national_air,市监测站,retired,2024-03-01,112.75,27.5,\n");
        assertThat(r.json().get("versions").asInt()).as(r.body()).isEqualTo(1);

        JsonNode history = admin.get("/api/monitoring-points/M1/history").json();
        assertThat(history).hasSize(3);
        assertThat(history.get(0).get("valid_from").asText()).isEqualTo("2020-01-01");
        assertThat(history.get(0).get("valid_to").asText()).isEqualTo("2023-06-01");
        assertThat(history.get(0).get("village_code").asText()).isEqualTo("430102001001");
        assertThat(history.get(0).get("assignments").get(0).get("valid_to").isNull()).as("closed with its version")
                .isFalse();
        assertThat(history.get(1).get("valid_to").asText()).isEqualTo("2024-03-01");
        assertThat(history.get(1).get("village_code").asText()).isEqualTo("430102001002");
        assertThat(history.get(2).get("status").asText()).isEqualTo("retired");
        assertThat(history.get(2).get("valid_to").isNull()).isTrue();

        JsonNode current = admin.get("/api/monitoring-points?status=retired").json();
        assertThat(current.get("total").asInt()).as("lists show current versions only").isEqualTo(1);
    }

    @Test
    @Order(3)
    void a_change_of_name_corrects_the_current_version_and_an_earlier_move_is_refused() {
        Reply r = importCsv(HEADER + "M1,定王台国控站,national_air,市监测站,retired,2024-03-01,112.75,27.5,\n");
        assertThat(r.json().get("updated").asInt()).as(r.body()).isEqualTo(1);
        assertThat(r.json().get("versions").asInt()).isZero();
        assertThat(admin.get("/api/monitoring-points/M1/history").json()).hasSize(3);

        Reply early = importCsv(HEADER + "M1,定王台国控站,national_air,市监测站,moved,2022-01-01,112.8,27.5,\n");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().get("rejections").get(0).get("column").asText()).isEqualTo("valid_from");
        assertThat(early.json().get("rejections").get(0).get("reason").asText()).contains("must be after 2024-03-01");
        assertThat(admin.get("/api/monitoring-points/M1/history").json()).hasSize(3);
    }

    @Test
    @Order(4)
    void history_of_an_unknown_code_and_of_a_point_outside_the_officers_subtree_is_404() {
        assertThat(admin.get("/api/monitoring-points/NOPE/history").status()).isEqualTo(404);
        TestHttp tianxin = server.userWithToken("tianxin", cn.gridwatch.security.Role.COUNTY_OFFICER, "430103");
        assertThat(tianxin.get("/api/monitoring-points/M1/history").status()).isEqualTo(404);
        assertThat(tianxin.get("/api/monitoring-points").json().get("total").asInt()).isZero();
    }

    @Test
    @Order(5)
    void a_zone_that_is_not_a_valid_polygon_is_refused() {
        Reply r = importCsv(HEADER + "W2,坏水源地,drinking_water,,,2021-03-01,112.6,27.2,"
                + "\"POLYGON ((112.5 27.1, 112.7 27.3, 112.7 27.1, 112.5 27.3, 112.5 27.1))\"\n");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("rejections").get(0).get("reason").asText()).contains("not a valid polygon");
    }

    private Reply importCsv(String csv) {
        return admin.post("/api/monitoring-points/import?filename=m.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv");
    }
}
