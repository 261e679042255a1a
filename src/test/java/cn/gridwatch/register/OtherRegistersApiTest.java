package cn.gridwatch.register;

import static cn.gridwatch.register.Uploads.upload;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.TestHttp;
import cn.gridwatch.TestHttp.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Power meters, duties, station chiefs, inspectors, complaints (.xlsx) and patrols over HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OtherRegistersApiTest {
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.withSmallCity();
    TestHttp admin;

    @BeforeAll
    void start() {
        admin = server.http();
        created(upload(admin, "sources", "s.csv", "code,name,category,lon,lat\nS1,一号厂,enterprise,112.25,27.5\n"
                + "S2,二号厂,enterprise,113.5,27.5\n", null));
        created(upload(admin, "monitoring-points", "m.csv", "code,name,type,valid_from,lon,lat\n"
                + "M1,定王台站,national_air,2020-01-01,112.25,27.6\n", null));
    }

    @Test
    @Order(1)
    void power_meter_pairs_must_name_a_production_meter_of_the_same_source() {
        Reply bad = upload(admin, "power-meters", "pm.csv", "code,source_code,role,equipment,normal_ratio,pair_code\n"
                + "PM-P1,S1,production,1号生产线,,\n"
                + "PM-C1,S1,control,1号除尘器,0.3,PM-X\n"
                + "PM-C2,S2,control,2号除尘器,0.3,PM-P1\n"
                + "PM-P2,S1,production,2号生产线,,PM-P1\n"
                + "PM-C3,S9,control,除尘器,0.3,\n"
                + "PM-C4,S1,control,除尘器,-1,PM-P1\n", null);
        assertThat(bad.status()).as(bad.body()).isEqualTo(422);
        assertThat(reasons(bad)).containsExactly(
                "3 pair_code: unknown pair_code 'PM-X': no meter has this code",
                "4 pair_code: pair_code 'PM-P1' is on another source than S2",
                "5 pair_code: only control meters name a pair_code (the production meter they watch)",
                "6 source_code: unknown source_code 'S9': no pollution source has this code; import the sources first",
                "7 normal_ratio: normal_ratio must be greater than 0");

        created(upload(admin, "power-meters", "pm.csv", "code,source_code,role,equipment,normal_ratio,pair_code\n"
                + "PM-P1,S1,production,1号生产线,,\nPM-C1,S1,control,1号除尘器,0.30,PM-P1\n", null));
        JsonNode list = admin.get("/api/power-meters?grid=430102&role=control").json();
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("source_code").asText()).isEqualTo("S1");
        assertThat(list.get("items").get(0).get("normal_ratio").asText()).isEqualTo("0.30");
        assertThat(admin.get("/api/power-meters?grid=430103").json().get("total").asInt()).isZero();
        Reply same = upload(admin, "power-meters", "pm.csv", "code,source_code,role,equipment,normal_ratio,pair_code\n"
                + "PM-C1,S1,control,1号除尘器,0.3,PM-P1\n", null);
        assertThat(same.json().get("unchanged").asInt()).as("0.3 equals 0.30").isEqualTo(1);
    }

    @Test
    @Order(2)
    void a_new_grid_chief_ends_the_current_chiefs_term_and_officers_stay() {
        created(upload(admin, "duties", "d.csv", "grid_code,duty,person_name,phone,valid_from\n"
                + "430102001,grid_chief,王网格长,13800000001,2024-01-01\n"
                + "430102001,grid_officer,李网格员,,2024-01-01\n"
                + "430102001,grid_officer,赵网格员,,2024-01-01\n", null));
        Reply next = upload(admin, "duties", "d2.csv", "grid_code,duty,person_name,phone,valid_from\n"
                + "430102001000,grid_chief,陈网格长,13800000002,2024-07-01\n", null);
        assertThat(next.status()).as(next.body()).isEqualTo(201);
        assertThat(next.json().get("versions").asInt()).isEqualTo(1);
        JsonNode chiefs = admin.get("/api/duties?duty=grid_chief").json();
        assertThat(chiefs.get("total").asInt()).isEqualTo(1);
        assertThat(chiefs.get("items").get(0).get("person_name").asText()).isEqualTo("陈网格长");
        assertThat(chiefs.get("items").get(0).get("grid_code").asText()).isEqualTo("430102001000");
        assertThat(admin.get("/api/duties?grid=430102").json().get("total").asInt()).isEqualTo(3);
        assertThat(admin.get("/api/duties?grid=430103").json().get("total").asInt()).isZero();

        Reply unknown = upload(admin, "duties", "d3.csv", "grid_code,duty,person_name,valid_from\n"
                + "430199,grid_chief,无名,2024-01-01\n430102001,grid_boss,无名,2024-01-01\n", null);
        assertThat(reasons(unknown)).containsExactly(
                "2 grid_code: unknown grid_code '430199000000': no current grid cell has this code",
                "3 duty: unknown duty 'grid_boss'; use one of grid_chief, grid_officer");
    }

    @Test
    @Order(3)
    void station_chiefs_need_a_current_station_and_inspectors_a_county() {
        created(upload(admin, "station-chiefs", "sc.csv", "station_code,person_name,title,phone,valid_from\n"
                + "M1,刘点位长,街道办主任,,2024-01-01\n", null));
        assertThat(reasons(upload(admin, "station-chiefs", "sc.csv", "station_code,person_name,valid_from\n"
                + "M9,某人,2024-01-01\n", null)))
                .containsExactly("2 station_code: unknown station_code 'M9': no current monitoring point has this code");
        assertThat(admin.get("/api/station-chiefs?grid=430102001").json().get("total").asInt()).isEqualTo(1);

        created(upload(admin, "inspectors", "i.csv", "code,name,county_code,unit,kind,phone\n"
                + "I1,周执法,430103,天心区生态环境局,,\nI2,吴监测,430102,芙蓉区监测站,monitoring,\n", null));
        JsonNode i = admin.get("/api/inspectors?grid=430103").json();
        assertThat(i.get("total").asInt()).isEqualTo(1);
        assertThat(i.get("items").get(0).get("county_code").asText()).isEqualTo("430103000000");
        assertThat(i.get("items").get(0).get("kind").asText()).isEqualTo("enforcement");
        assertThat(reasons(upload(admin, "inspectors", "i.csv", "code,name,county_code\nI3,某,430103001\nI4,某,430199\n",
                null))).containsExactly(
                "2 county_code: county_code '430103001' is not a county code (6 digits, like 430102)",
                "3 county_code: unknown county_code '430199000000': no current county cell has this code");
    }

    @Test
    @Order(4)
    void complaints_from_excel_take_date_cells_and_local_times_as_china_time_and_filter_by_date() throws IOException {
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        Workbook wb = new Workbook(xlsx, "test", "1.0");
        Worksheet ws = wb.newWorksheet("信访");
        String[] header = {"code", "received_at", "channel", "category", "content", "address", "source_code", "lon", "lat"};
        for (int c = 0; c < header.length; c++) {
            ws.value(0, c, header[c]);
        }
        ws.value(1, 0, "C1");
        ws.value(1, 1, LocalDateTime.of(2024, 5, 1, 22, 30));
        ws.style(1, 1).format("yyyy-mm-dd hh:mm").set();
        ws.value(1, 2, "12369");
        ws.value(1, 3, "废气");
        ws.value(1, 4, "夜间异味");
        ws.value(1, 6, "S1");
        ws.value(1, 7, 112.26);
        ws.value(1, 8, 27.51);
        ws.value(2, 0, "C2");
        ws.value(2, 1, "2024-06-02 08:00");
        ws.value(2, 4, "噪声");
        ws.value(2, 7, 113.5);
        ws.value(2, 8, 27.5);
        wb.finish();
        Reply r = upload(admin, "complaints", "c.xlsx", xlsx.toByteArray(), null);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode may = admin.get("/api/complaints?from=2024-05-01&to=2024-05-31").json();
        assertThat(may.get("total").asInt()).isEqualTo(1);
        assertThat(may.get("items").get(0).get("received_at").asText()).isEqualTo("2024-05-01T22:30:00+08:00");
        assertThat(may.get("items").get(0).get("source_code").asText()).isEqualTo("S1");
        assertThat(may.get("items").get(0).get("village_code").asText()).isEqualTo("430102001001");
        assertThat(admin.get("/api/complaints?from=2024-06-02&to=2024-06-02&grid=430103").json().get("total").asInt())
                .isEqualTo(1);
        assertThat(admin.get("/api/complaints?from=2024-06-03").json().get("total").asInt()).isZero();
        assertThat(admin.get("/api/inspectors?from=2024-06-03").status()).isEqualTo(400);
        Reply again = upload(admin, "complaints", "c.xlsx", xlsx.toByteArray(), null);
        assertThat(again.json().get("unchanged").asInt()).as(again.body()).isEqualTo(2);
    }

    @Test
    @Order(5)
    void patrols_take_tracks_and_the_sources_they_checked() {
        Reply r = upload(admin, "patrols", "p.csv", "code,officer,started_at,ended_at,checked,findings,source_codes,lon,lat,wkt\n"
                + "P1,张三,2024-05-02T09:00:00+08:00,2024-05-02T11:00:00+08:00,废气,无,S2;S1,,,"
                + "\"LINESTRING (112.3 27.3, 112.9 27.4)\"\n"
                + "P2,李四,2024-05-03 09:00,,,,,113.5,27.5,\n", null);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode p1 = admin.get("/api/patrols?officer=张三").json().get("items").get(0);
        assertThat(p1.get("source_codes").toString()).isEqualTo("[\"S1\",\"S2\"]");
        assertThat(p1.get("wkt").asText()).startsWith("LINESTRING");
        assertThat(p1.get("lon").asDouble()).as("a track is located by its first point").isEqualTo(112.3);
        assertThat(p1.get("village_code").asText()).isEqualTo("430102001001");
        assertThat(admin.get("/api/patrols?bbox=113.4,27.4,113.6,27.6").json().get("total").asInt()).isEqualTo(1);

        Reply export = admin.get("/api/patrols/export");
        assertThat(export.body()).contains("S1;S2").contains("\"LINESTRING (112.3 27.3, 112.9 27.4)\"");
        Reply again = upload(admin, "patrols", "export.csv", export.body(), null);
        assertThat(again.json().get("unchanged").asInt()).as(again.body()).isEqualTo(2);

        Reply bad = upload(admin, "patrols", "p.csv", "code,officer,started_at,ended_at,source_codes,lon,lat,wkt\n"
                + "P3,王五,2024-05-02 09:00,2024-05-02 08:00,,113.5,27.5,\n"
                + "P4,王五,2024-05-02 09:00,,S1;S7,113.5,27.5,\"POLYGON ((113 27, 113.1 27, 113.1 27.1, 113 27))\"\n", null);
        assertThat(reasons(bad)).containsExactly("2 ended_at: ended_at is before started_at",
                "3 wkt: give either lon/lat or wkt, not both");
    }

    private static List<String> reasons(Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        List<String> out = new ArrayList<>();
        r.json().get("rejections").forEach(j -> out.add(j.get("row").asInt() + " " + j.get("column").asText() + ": "
                + j.get("reason").asText()));
        return out;
    }

    private static void created(Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
}
