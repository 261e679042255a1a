package cn.gridwatch.register;

import static cn.gridwatch.register.Uploads.upload;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.SharedData;
import cn.gridwatch.TestGrids;
import cn.gridwatch.TestHttp;
import cn.gridwatch.TestHttp.Reply;
import cn.gridwatch.geo.ChinaOffsets;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Declared source CRSs: a point given in GCJ-02 or BD-09 is stored at its true CGCS2000 position and
 * lands in the same cell as the true point. Checked on the real Changsha national air stations
 * (CNEMC list, WGS84 = CGCS2000 for mapping) against the real Changsha district boundaries (DataV,
 * GCJ-02, imported as such), and next to a village boundary of the small test city, where taking
 * GCJ-02 numbers for CGCS2000 would put the point in the neighbouring village.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrsImportTest {
    static final String HEADER = "code,name,type,operator,status,valid_from,lon,lat\n";
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.server();
    TestHttp admin;

    @BeforeAll
    void start() {
        admin = server.http();
    }

    @Test
    void real_changsha_stations_given_in_gcj02_or_bd09_land_in_the_same_district_as_given_in_cgcs2000()
            throws IOException {
        byte[] districts = Files.readAllBytes(SharedData.file("boundaries/430100_changsha_districts.geojson"));
        Reply grid = admin.post("/api/grids/import?level=county&crs=GCJ-02&codeField=adcode&nameField=name"
                + "&validFrom=2024-01-01&noQa=true&filename=changsha.geojson", districts, "application/geo+json");
        assertThat(grid.status()).as(grid.body()).isEqualTo(201);

        List<String[]> stations = Files.readAllLines(SharedData.file("stations/DERIVED_cnemc_stations_2018.csv"),
                StandardCharsets.UTF_8).stream().skip(1).map(l -> l.split(",")).filter(f -> f[2].equals("长沙市")).toList();
        assertThat(stations).hasSize(10);
        StringBuilder cgcs = new StringBuilder(HEADER);
        StringBuilder gcj = new StringBuilder(HEADER);
        StringBuilder bd = new StringBuilder(HEADER);
        for (String[] s : stations) {
            double lon = Double.parseDouble(s[3]);
            double lat = Double.parseDouble(s[4]);
            double[] g = ChinaOffsets.wgs84ToGcj02(lon, lat);
            double[] b = ChinaOffsets.wgs84ToBd09(lon, lat);
            cgcs.append(row(s[0], s[1], lon, lat));
            gcj.append(row(s[0] + "-G", s[1], g[0], g[1]));
            bd.append(row(s[0] + "-B", s[1], b[0], b[1]));
        }
        created(upload(admin, "monitoring-points", "cgcs.csv", cgcs.toString(), null));
        created(upload(admin, "monitoring-points", "gcj.csv", gcj.toString(), "GCJ-02"));
        created(upload(admin, "monitoring-points", "bd.csv", bd.toString(), "BD-09"));

        Map<String, JsonNode> byCode = new HashMap<>();
        admin.get("/api/monitoring-points?limit=100").json().get("items").forEach(i -> byCode.put(i.get("code").asText(), i));
        assertThat(byCode).hasSize(30);
        for (String[] s : stations) {
            JsonNode truth = byCode.get(s[0]);
            assertThat(truth.get("county_code").isNull()).as(s[1] + " lies in a Changsha district").isFalse();
            for (String suffix : List.of("-G", "-B")) {
                JsonNode other = byCode.get(s[0] + suffix);
                assertThat(other.get("county_code").asText()).as(s[1] + suffix)
                        .isEqualTo(truth.get("county_code").asText());
                assertThat(metres(truth, other)).as(s[1] + suffix + " stored at the true position").isLessThan(0.5);
            }
        }
        assertThat(byCode.get("1339A").get("county_code").asText()).as("雨花区环保局").isEqualTo("430111000000");
        assertThat(byCode.get("1342A").get("county_code").asText()).as("天心区环保局").isEqualTo("430103000000");
    }

    @Test
    void a_point_300_m_west_of_a_village_boundary_stays_west_when_given_in_gcj02_or_bd09() {
        TestGrids.loadSmallCity(admin); // villages 430102001001 | 430102001002 meet at 112.5
        double lon = 112.497;
        double lat = 27.5;
        double[] g = ChinaOffsets.wgs84ToGcj02(lon, lat);
        double[] b = ChinaOffsets.wgs84ToBd09(lon, lat);
        assertThat(g[0]).as("the GCJ-02 numbers lie east of the boundary").isGreaterThan(112.5);
        String header = "code,name,category,lon,lat\n";
        created(upload(admin, "sources", "true.csv", header + sourceRow("TRUE", lon, lat), null));
        created(upload(admin, "sources", "gcj.csv", header + sourceRow("GCJ", g[0], g[1]), "GCJ-02"));
        created(upload(admin, "sources", "bd.csv", header + sourceRow("BD", b[0], b[1]), "bd09"));
        created(upload(admin, "sources", "naive.csv", header + sourceRow("GCJ-AS-4490", g[0], g[1]), "EPSG:4490"));
        Map<String, String> village = new HashMap<>();
        admin.get("/api/sources").json().get("items").forEach(i -> village.put(i.get("code").asText(),
                i.get("village_code").asText()));
        assertThat(village).containsEntry("TRUE", "430102001001").containsEntry("GCJ", "430102001001")
                .containsEntry("BD", "430102001001").containsEntry("GCJ-AS-4490", "430102001002");
    }

    private static String row(String code, String name, double lon, double lat) {
        return String.format(Locale.ROOT, "%s,%s,national_air,CNEMC,active,2018-02-20,%s,%s%n", code, name,
                Values.coordinate(lon), Values.coordinate(lat));
    }

    private static String sourceRow(String code, double lon, double lat) {
        return code + ",厂," + "enterprise," + Values.coordinate(lon) + "," + Values.coordinate(lat) + "\n";
    }

    private static double metres(JsonNode a, JsonNode b) {
        double dLat = Math.toRadians(b.get("lat").asDouble() - a.get("lat").asDouble());
        double dLon = Math.toRadians(b.get("lon").asDouble() - a.get("lon").asDouble())
                * Math.cos(Math.toRadians(a.get("lat").asDouble()));
        return 6_371_000 * Math.hypot(dLat, dLon);
    }

    private static void created(Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
}
