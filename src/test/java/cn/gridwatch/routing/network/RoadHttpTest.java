package cn.gridwatch.routing.network;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.TestHttp;
import cn.gridwatch.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The road endpoints over real HTTP: import rights, network list, routes and matrices. */
class RoadHttpTest {
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.server();
    private static TestHttp planner;
    private static TestHttp gis;

    @BeforeAll
    static void start() throws IOException {
        planner = server.userWithToken("road-planner", Role.PLANNER, null);
        gis = server.userWithToken("road-gis", Role.GIS_CLIENT, null);
        TestHttp.Reply r = planner.post("/api/roads/import?name=tiny&filename=tiny.osm",
                Files.readAllBytes(RoadFixture.tinyOsm()), "application/xml");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private static byte[] multipart(String boundary, String fileName, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void planners_import_by_multipart_and_the_same_file_again_is_unchanged() throws IOException {
        byte[] body = multipart("b0undary", "tiny.osm", Files.readAllBytes(RoadFixture.tinyOsm()));
        TestHttp.Reply first = planner.post("/api/roads/import?name=tiny-mp", body, "multipart/form-data; boundary=b0undary");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("edges").asInt()).isEqualTo(12);
        assertThat(first.json().get("file").asText()).isEqualTo("tiny.osm");
        TestHttp.Reply again = planner.post("/api/roads/import?name=tiny-mp", body, "multipart/form-data; boundary=b0undary");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asText()).isEqualTo("unchanged");
        assertThat(planner.delete("/api/roads/networks/tiny-mp").status()).isEqualTo(204);
        assertThat(planner.delete("/api/roads/networks/tiny-mp").status()).isEqualTo(404);
    }

    @Test
    void read_only_roles_may_route_but_not_import() throws IOException {
        byte[] osm = Files.readAllBytes(RoadFixture.tinyOsm());
        TestHttp.Reply refused = gis.post("/api/roads/import?name=mine", osm, "application/xml");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).contains("gis_client").contains("planners");
        TestHttp county = server.userWithToken("road-county", Role.COUNTY_OFFICER, "430102");
        assertThat(county.post("/api/roads/import?name=mine", osm, "application/xml").status()).isEqualTo(403);
        assertThat(gis.delete("/api/roads/networks/tiny").status()).isEqualTo(403);
        assertThat(gis.get("/api/roads/route?from=113.000,28.001&to=113.002,28.001").status()).isEqualTo(200);
        assertThat(gis.get("/api/roads/networks").status()).isEqualTo(200);
    }

    @Test
    void bad_imports_name_what_is_wrong() {
        TestHttp.Reply noName = planner.post("/api/roads/import", "<osm/>".getBytes(StandardCharsets.UTF_8), "application/xml");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("detail").asText()).contains("'name'");
        TestHttp.Reply notOsm = planner.post("/api/roads/import?name=x&filename=a.csv",
                "lon,lat\n1,2\n".getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(notOsm.status()).isEqualTo(400);
        assertThat(notOsm.json().get("detail").asText()).contains("a.csv is not an OSM file");
        TestHttp.Reply broken = planner.post("/api/roads/import?name=x&filename=b.osm",
                "<osm>\n<way id=\"1\">\n</osm>".getBytes(StandardCharsets.UTF_8), "application/xml");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("detail").asText()).contains("b.osm").contains("line 3");
    }

    @Test
    void the_network_list_says_what_was_imported() {
        JsonNode list = planner.get("/api/roads/networks").json();
        assertThat(list.get("total").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode tiny = null;
        for (JsonNode n : list.get("items")) {
            if (n.get("name").asText().equals("tiny")) {
                tiny = n;
            }
        }
        assertThat(tiny).isNotNull();
        assertThat(tiny.get("edges").asInt()).isEqualTo(12);
        assertThat(tiny.get("sourceFormat").asText()).isEqualTo("osm");
        assertThat(tiny.get("importedBy").asText()).isEqualTo("road-planner");
        assertThat(tiny.get("bbox").size()).isEqualTo(4);
    }

    @Test
    void a_route_is_a_geojson_line_with_seconds_and_metres() {
        TestHttp.Reply r = gis.get("/api/roads/route?from=113.000,28.001&to=113.002,28.001");
        assertThat(r.contentType()).startsWith("application/geo+json");
        JsonNode f = r.json();
        assertThat(f.get("type").asText()).isEqualTo("Feature");
        assertThat(f.get("geometry").get("type").asText()).isEqualTo("LineString");
        assertThat(f.get("geometry").get("coordinates").size()).isEqualTo(3);
        assertThat(f.get("properties").get("metres").asLong()).isEqualTo(Math.round(2 * RoadFixture.EW));
        assertThat(f.get("properties").get("seconds").asLong()).isPositive();
        assertThat(f.get("properties").get("method").asText()).isEqualTo("road");
        assertThat(f.get("properties").get("from").get("roadName").asText()).isIn("人民路", "西路");
        JsonNode back = gis.get("/api/roads/route?from=113.002,28.001&to=113.000,28.001").json();
        assertThat(back.get("properties").get("metres").asLong()).isGreaterThan(400);
    }

    @Test
    void bad_route_parameters_are_400_naming_the_parameter() {
        TestHttp.Reply r = gis.get("/api/roads/route?from=113.0&to=113.002,28.001");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).contains("'from'").contains("lon,lat");
        TestHttp.Reply missing = gis.get("/api/roads/route?from=113.0,28.0");
        assertThat(missing.json().get("detail").asText()).contains("'to'");
        TestHttp.Reply crs = gis.get("/api/roads/route?from=113.0,28.0&to=113.002,28.001&crs=EPSG:9999999");
        assertThat(crs.status()).isEqualTo(400);
    }

    @Test
    void a_route_from_a_point_only_an_isolated_road_reaches_is_422_with_the_reason() {
        // 589 m from the end of 孤路, 1,031 m from the roundabout: only the isolated road is within 1 km
        TestHttp.Reply r = gis.get("/api/roads/route?from=113.015,28.0&to=113.000,28.000");
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("detail").asText()).contains("孤路").contains("not connected");
    }

    @Test
    void the_matrix_answers_seconds_metres_and_notes_with_null_for_no_path() {
        String body = "{\"points\": [[113.000, 28.001], {\"lon\": 113.002, \"lat\": 28.001}, [113.05, 28.05]]}";
        TestHttp.Reply r = gis.postJson("/api/matrix", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode m = r.json();
        assertThat(m.get("size").asInt()).isEqualTo(3);
        assertThat(m.get("method").asText()).isEqualTo("mixed");
        assertThat(m.get("metres").get(0).get(1).asLong()).isEqualTo(Math.round(2 * RoadFixture.EW));
        assertThat(m.get("metres").get(1).get(0).asLong()).isGreaterThan(400);
        assertThat(m.get("seconds").get(0).get(0).asLong()).isZero();
        assertThat(m.get("notes").toString()).contains("point 2").contains("great-circle");
    }

    @Test
    void bad_matrix_bodies_are_400_naming_the_point() {
        TestHttp.Reply r = gis.postJson("/api/matrix", "{\"points\": [[113.0, 28.0], [113.1]]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).contains("point 1");
        TestHttp.Reply far = gis.postJson("/api/matrix", "[[113.0, 28.0], [200, 28]]");
        assertThat(far.status()).isEqualTo(400);
        assertThat(far.json().get("detail").asText()).contains("point 1").contains("longitude");
        assertThat(gis.postJson("/api/matrix", "{\"points\": []}").status()).isEqualTo(400);
        assertThat(gis.postJson("/api/matrix", "not json").json().get("detail").asText()).contains("not JSON");
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < RoadController.MAX_HTTP_POINTS + 1; i++) {
            many.append(i == 0 ? "" : ",").append("[113.0, 28.0]");
        }
        TestHttp.Reply tooMany = gis.postJson("/api/matrix", many.append("]").toString());
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("detail").asText()).contains("1 to " + RoadController.MAX_HTTP_POINTS);
    }

    @Test
    void the_matrix_is_for_planners_administrators_and_gis_clients_only() {
        String body = "[[113.0, 28.0], [113.01, 28.0]]";
        assertThat(planner.postJson("/api/matrix", body).status()).isEqualTo(200);
        assertThat(server.http().postJson("/api/matrix", body).status()).isEqualTo(200);
        TestHttp inspector = server.userWithToken("road-inspector", Role.INSPECTOR, null);
        TestHttp.Reply no = inspector.postJson("/api/matrix", body);
        assertThat(no.status()).isEqualTo(403);
        assertThat(no.json().get("detail").asText()).contains("planners").contains("inspector");
        assertThat(server.userWithToken("road-town", Role.COUNTY_OFFICER, "430102").postJson("/api/matrix", body)
                .status()).isEqualTo(403);
    }
}
