package cn.gridwatch;

import static cn.gridwatch.TestGrids.box;
import static cn.gridwatch.TestGrids.fc;
import static cn.gridwatch.TestGrids.feature;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.TestHttp.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The grid's HTTP API on the real server and PostGIS: upload imports, locate (single and bulk),
 * detail, lists, QA and the errors for bad input. Fixture: a 2x2 degree city split into two
 * counties, four townships and two villages in one township (so the other townships have no
 * villages: a gap at village level).
 */
class GridApiTest {
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.server();
    private static TestHttp http;

    @BeforeAll
    static void start() {
        http = server.http();
        assertThat(upload("city", "city.geojson", fc(feature("430100", "长沙市", box(112, 27, 114, 29)))).status())
                .isEqualTo(201);
        assertThat(upload("county", "counties.geojson", fc(
                feature("430102", "芙蓉区", box(112, 27, 113, 29)),
                feature("430103", "天心区", box(113, 27, 114, 29)))).status()).isEqualTo(201);
        assertThat(upload("township", "townships.geojson", fc(
                feature("430102001", "定王台街道", box(112, 27, 113, 28)),
                feature("430102002", "文艺路街道", box(112, 28, 113, 29)),
                feature("430103001", "坡子街街道", box(113, 27, 114, 28)),
                feature("430103002", "城南路街道", box(113, 28, 114, 29)))).status()).isEqualTo(201);
        assertThat(upload("village", "villages.geojson", fc(
                feature("430102001001", "解放东村社区", box(112, 27, 112.5, 28)),
                feature("430102001002", "马王堆社区", box(112.5, 27, 113, 28)))).status()).isEqualTo(201);
    }

    @Test
    void health_reports_the_database_and_postgis_versions() {
        Reply r = http.get("/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("database").asText()).startsWith("PostgreSQL");
        assertThat(r.json().get("postgis").asText()).contains("POSTGIS=");
    }

    @Test
    void locate_returns_all_four_levels_for_a_point_inside_a_village() {
        JsonNode j = http.get("/api/grids/locate?lon=112.25&lat=27.5").json();
        assertThat(j.get("inside").asBoolean()).isTrue();
        assertThat(codes(j)).containsExactly("430100000000", "430102000000", "430102001000", "430102001001");
        assertThat(j.get("levels").get(3).get("name").asText()).isEqualTo("解放东村社区");
        assertThat(j.get("levels").get(0).get("level").asText()).isEqualTo("city");
    }

    @Test
    void a_point_on_a_shared_edge_gets_the_lower_code_at_every_level() {
        JsonNode j = http.get("/api/grids/locate?lon=112.5&lat=27.5").json();
        assertThat(codes(j).get(3)).isEqualTo("430102001001");
        JsonNode corner = http.get("/api/grids/locate?lon=113&lat=28").json();
        assertThat(codes(corner)).containsExactly("430100000000", "430102000000", "430102001000", "430102001002");
    }

    @Test
    void a_point_in_a_gap_of_the_village_layer_still_gets_its_township() {
        JsonNode j = http.get("/api/grids/locate?lon=113.5&lat=27.5").json();
        assertThat(codes(j)).containsExactly("430100000000", "430103000000", "430103001000", null);
    }

    @Test
    void a_point_outside_every_cell_says_so() {
        JsonNode j = http.get("/api/grids/locate?lon=100&lat=30").json();
        assertThat(j.get("inside").asBoolean()).isFalse();
        assertThat(j.get("message").asText()).contains("outside every grid cell");
        assertThat(codes(j)).containsOnlyNulls();
    }

    @Test
    void locate_converts_gcj02_and_web_mercator_input() {
        // the GCJ-02 offset near Changsha is several hundred metres: a point 100 m inside the
        // village boundary is found only if the offset is removed
        double lon = 112.501;
        double lat = 27.5;
        double[] gcj = cn.gridwatch.geo.ChinaOffsets.wgs84ToGcj02(lon, lat);
        JsonNode j = http.get("/api/grids/locate?lon=" + gcj[0] + "&lat=" + gcj[1] + "&crs=GCJ-02").json();
        assertThat(codes(j).get(3)).isEqualTo("430102001002");
        assertThat(j.get("lon").asDouble()).isCloseTo(lon, org.assertj.core.data.Offset.offset(1e-7));
        double[] merc = cn.gridwatch.geo.WebMercator.fromLonLat(112.25, 27.5);
        JsonNode m = http.get("/api/grids/locate?lon=" + merc[0] + "&lat=" + merc[1] + "&crs=EPSG:3857").json();
        assertThat(codes(m).get(3)).isEqualTo("430102001001");
    }

    @Test
    void bad_locate_parameters_are_400_naming_the_parameter() {
        Reply noLat = http.get("/api/grids/locate?lon=112");
        assertThat(noLat.status()).isEqualTo(400);
        assertThat(noLat.json().get("detail").asText()).contains("'lat'");
        Reply word = http.get("/api/grids/locate?lon=east&lat=27");
        assertThat(word.status()).isEqualTo(400);
        assertThat(word.json().get("detail").asText()).contains("'lon'").contains("east");
        Reply crs = http.get("/api/grids/locate?lon=112&lat=27&crs=EPSG:1234");
        assertThat(crs.status()).isEqualTo(400);
        assertThat(crs.json().get("detail").asText()).contains("EPSG:1234");
        Reply range = http.get("/api/grids/locate?lon=12958000&lat=4853000");
        assertThat(range.status()).isEqualTo(400);
        assertThat(range.json().get("detail").asText()).contains("EPSG:4490");
        Reply date = http.get("/api/grids/locate?lon=112&lat=27&date=yesterday");
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.json().get("detail").asText()).contains("'date'").contains("yesterday");
    }

    @Test
    void a_cell_comes_with_its_parent_and_children() {
        JsonNode j = http.get("/api/grids/430102001").json();
        assertThat(j.get("code").asText()).isEqualTo("430102001000");
        assertThat(j.get("shortCode").asText()).isEqualTo("430102001");
        assertThat(j.get("level").asText()).isEqualTo("township");
        assertThat(j.get("parent").get("code").asText()).isEqualTo("430102000000");
        assertThat(j.get("children")).hasSize(2);
        assertThat(j.get("children").get(0).get("name").asText()).isEqualTo("解放东村社区");
    }

    @Test
    void lists_filter_by_level_and_parent_and_unknown_codes_are_404() {
        JsonNode j = http.get("/api/grids?level=township&parent=430103").json();
        assertThat(j.get("count").asInt()).isEqualTo(2);
        assertThat(j.get("cells").get(0).get("code").asText()).isEqualTo("430103001000");
        Reply unknown = http.get("/api/grids/430199");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asText()).contains("430199");
        Reply badLevel = http.get("/api/grids?level=province");
        assertThat(badLevel.status()).isEqualTo(400);
        assertThat(badLevel.json().get("detail").asText()).contains("province");
        Reply badCode = http.get("/api/grids/43A102");
        assertThat(badCode.status()).isEqualTo(404);
        assertThat(badCode.json().get("detail").asText()).contains("43A102");
    }

    @Test
    void bulk_csv_assignment_returns_every_row_with_codes_and_flags_bad_rows() {
        String csv = "id,name,lon,lat\n1,甲企业,112.25,27.5\n2,\"乙, 公司\",113.5,28.5\n3,丙,abc,27\n4,丁,100,30\n";
        Reply r = http.post("/api/grids/locate/bulk", csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(r.status()).isEqualTo(200);
        String[] lines = r.body().split("\r\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).isEqualTo("id,name,lon,lat,city_code,city_name,county_code,county_name,"
                + "township_code,township_name,village_code,village_name,grid_error");
        assertThat(lines[1]).startsWith("1,甲企业,112.25,27.5,430100000000,长沙市,430102000000,芙蓉区,430102001000,")
                .contains("430102001001,解放东村社区");
        assertThat(lines[2]).startsWith("2,\"乙, 公司\",113.5,28.5,430100000000").contains("430103002000");
        assertThat(lines[3]).contains("line 4").contains("abc");
        assertThat(lines[4]).isEqualTo("4,丁,100,30,,,,,,,,,");
    }

    @Test
    void bulk_geojson_assignment_adds_grid_properties() {
        String gj = "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"id\":7},\"geometry\":{\"type\":\"Point\",\"coordinates\":[112.75,27.25]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"id\":8},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[1,2],[3,4]]}}]}";
        Reply r = http.post("/api/grids/locate/bulk?format=geojson", gj.getBytes(StandardCharsets.UTF_8),
                "application/geo+json");
        assertThat(r.status()).isEqualTo(200);
        JsonNode f = r.json().get("features");
        assertThat(f.get(0).get("properties").get("id").asInt()).isEqualTo(7);
        assertThat(f.get(0).get("properties").get("grid_village_code").asText()).isEqualTo("430102001002");
        assertThat(f.get(1).get("properties").get("grid_error").asText()).contains("feature 2").contains("Point");
    }

    @Test
    void reimporting_the_same_file_over_http_changes_nothing() {
        Reply r = upload("county", "counties.geojson", fc(
                feature("430102", "芙蓉区", box(112, 27, 113, 29)),
                feature("430103", "天心区", box(113, 27, 114, 29))));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("unchanged").asInt()).isEqualTo(2);
        assertThat(r.json().get("inserted").asInt()).isZero();
    }

    @Test
    void a_half_bad_upload_is_rejected_whole_and_names_the_bad_feature() {
        int before = http.get("/api/grids?level=village").json().get("count").asInt();
        Reply r = upload("village", "villages.geojson", fc(
                feature("430102002001", "好社区", box(112, 28, 112.5, 29)),
                feature("4301020020X2", "坏社区", box(112.5, 28, 113, 29))));
        assertThat(r.status()).isEqualTo(422);
        JsonNode rej = r.json().get("rejections");
        assertThat(rej).hasSize(1);
        assertThat(rej.get(0).get("feature").asInt()).isEqualTo(2);
        assertThat(rej.get(0).get("reason").asText()).contains("4301020020X2");
        assertThat(http.get("/api/grids?level=village").json().get("count").asInt()).isEqualTo(before);
    }

    @Test
    void uploads_without_a_file_name_or_over_the_size_limit_are_refused() {
        Reply noName = http.post("/api/grids/import?level=county", "{}".getBytes(StandardCharsets.UTF_8),
                "application/json");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("detail").asText()).contains("filename");
        // regression: writing a 3 MB body raced the early 413 (broken pipe while the client was still sending)
        Reply tooBig = http.postHeadersOnly("/api/grids/import?level=county&filename=x.geojson", 3L * 1024 * 1024,
                "application/json");
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.json().get("detail").asText()).contains("GRIDWATCH_MAX_UPLOAD_MB");
    }

    @Test
    void a_binary_upload_named_geojson_is_a_400_naming_the_file_not_a_500() {
        Reply r = http.post("/api/grids/import?level=county&filename=x.geojson", new byte[] {'{', 0, 1, 2},
                "application/geo+json");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).contains("x.geojson is not valid GeoJSON")
                .contains("line 1, column 2");
    }

    @Test
    void qa_report_is_available_as_json_and_as_a_table() {
        JsonNode j = http.get("/api/grids/qa").json();
        assertThat(j.toString()).contains("coverage_gap");
        Reply text = http.get("/api/grids/qa?format=text");
        assertThat(text.contentType()).startsWith("text/plain");
        assertThat(text.body()).contains("coverage_gap");
    }

    // ---------------------------------------------------------------- fixtures

    static Reply upload(String level, String fileName, String body) {
        return TestGrids.importGeoJson(http, level, fileName, body);
    }

    static java.util.List<String> codes(JsonNode locate) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (JsonNode l : locate.get("levels")) {
            out.add(l.get("code").isNull() ? null : l.get("code").asText());
        }
        return out;
    }

}
