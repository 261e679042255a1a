package cn.gridwatch.register;

import static cn.gridwatch.TestGrids.box;
import static cn.gridwatch.TestGrids.fc;
import static cn.gridwatch.TestGrids.feature;
import static cn.gridwatch.register.Uploads.upload;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.TestHttp;
import cn.gridwatch.TestHttp.Reply;
import cn.gridwatch.grid.GridLocateService;
import cn.gridwatch.grid.GridService;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Re-assignment when village boundaries move: rows of every located register (and a problem, which
 * belongs to the problems feature) follow the new boundary, keep the old cells in their history, and
 * only one run applies a grid version however many instances hear of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReassignTest {
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.withSmallCity();
    TestHttp admin;

    @BeforeAll
    void start() {
        admin = server.http();
    }

    @Test
    void rows_move_to_the_new_village_when_its_boundary_moves_and_the_history_keeps_the_old_one() throws Exception {
        // 112.4 lies in village 001 (112..112.5) until the boundary moves west to 112.3
        ok(upload(admin, "sources", "s.csv", "code,name,category,lon,lat\nS-MOVE,移动厂,enterprise,112.4,27.5\n"
                + "S-STAY,不动厂,enterprise,112.75,27.5\n", null));
        ok(upload(admin, "monitoring-points", "m.geojson", """
                {"type":"FeatureCollection","features":[{"type":"Feature",
                 "properties":{"code":"M-1","name":"马王堆站","type":"micro_air","valid_from":"2023-01-01"},
                 "geometry":{"type":"Point","coordinates":[112.4,27.6]}}]}""", null));
        ok(upload(admin, "complaints", "c.csv", "code,received_at,content,source_code,lon,lat\n"
                + "C-1,2024-05-01 09:30,夜间异味,S-MOVE,112.4,27.4\n", null));
        ok(upload(admin, "patrols", "p.csv", "code,officer,started_at,source_codes,wkt\n"
                + "P-1,张三,2024-05-02 10:00,S-MOVE;S-STAY,\"LINESTRING (112.4 27.3, 112.8 27.3)\"\n", null));
        long problemId = insertProblem();
        long before = gridVersion();

        Reply grid = admin.post("/api/grids/import?level=village&crs=EPSG:4490&validFrom=2025-01-01&filename=v.geojson",
                fc(feature("430102001001", "解放东村社区", box(112, 27, 112.3, 28)),
                        feature("430102001002", "马王堆社区", box(112.3, 27, 113, 28))).getBytes(StandardCharsets.UTF_8),
                "application/geo+json");
        assertThat(grid.status()).as(grid.body()).isEqualTo(201);

        JsonNode moved = awaitVillage("/api/sources/" + id("sources", "S-MOVE"), "430102001002");
        assertThat(moved.get("assignments")).hasSize(2);
        assertThat(moved.get("assignments").get(0).get("village_code").asText()).isEqualTo("430102001001");
        assertThat(moved.get("assignments").get(0).get("valid_to").isNull()).isFalse();
        assertThat(moved.get("assignments").get(1).get("village_code").asText()).isEqualTo("430102001002");
        assertThat(moved.get("assignments").get(1).get("grid_version").asLong()).isGreaterThan(before);
        assertThat(moved.get("assignments").get(1).get("valid_to").isNull()).isTrue();

        JsonNode stayed = admin.get("/api/sources/" + id("sources", "S-STAY")).json();
        assertThat(stayed.get("assignments")).as("a row whose cells did not change keeps its one assignment").hasSize(1);
        for (String register : new String[] {"monitoring-points/" + id("monitoring-points", "M-1"),
            "complaints/" + id("complaints", "C-1"), "patrols/" + id("patrols", "P-1")}) {
            JsonNode d = admin.get("/api/" + register).json();
            assertThat(d.get("village_code").asText()).as(register).isEqualTo("430102001002");
            assertThat(d.get("assignments")).as(register).hasSize(2);
        }
        assertThat(problemVillage(problemId)).isEqualTo("430102001002");
        assertThat(server.number("select count(*) from grid_assignment"
                + " where entity_type = 'problem' and valid_to is null")).isEqualTo(1);
        assertThat(server.number("select grid_version from register_grid_state")).isEqualTo(gridVersion());

        // a second instance hearing the same change finds it applied and writes nothing
        GridLocateService other = new GridLocateService(new GridService(server.db()), Clock.systemDefaultZone());
        long assignments = server.number("select count(*) from grid_assignment");
        RegisterReassigner.Result again = new RegisterReassigner(server.db(), other).reassign();
        assertThat(again.alreadyApplied()).isTrue();
        assertThat(server.number("select count(*) from grid_assignment")).isEqualTo(assignments);
    }

    @Test
    void two_instances_re_assigning_at_once_apply_the_grid_version_once() throws Exception {
        server.db().inTransaction("forget the applied version", c -> c.createStatement()
                .executeUpdate("update register_grid_state set grid_version = -1"));
        List<java.util.concurrent.Callable<RegisterReassigner.Result>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            GridLocateService own = new GridLocateService(new GridService(server.db()), Clock.systemDefaultZone());
            runs.add(() -> new RegisterReassigner(server.db(), own).reassign());
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<RegisterReassigner.Result> results = new ArrayList<>();
            for (java.util.concurrent.Future<RegisterReassigner.Result> f : pool.invokeAll(runs)) {
                results.add(f.get());
            }
            assertThat(results).filteredOn(r -> !r.alreadyApplied()).hasSize(1);
            assertThat(results).filteredOn(RegisterReassigner.Result::alreadyApplied).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(server.number("select grid_version from register_grid_state")).isEqualTo(gridVersion());
    }

    private long insertProblem() {
        return server.db().inTransaction("insert a problem", c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into problem (code, title, origin, found_at, created_by,"
                    + " geom, city_code, county_code, township_code, village_code) values ('PR-1', '异味', 'patrol', now(),"
                    + " 'test', ST_SetSRID(ST_MakePoint(112.4, 27.5), 4490), '430100000000', '430102000000',"
                    + " '430102001000', '430102001001') returning id")) {
                ResultSet rs = ps.executeQuery();
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private String problemVillage(long id) {
        return server.db().withConnection("read", c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select village_code from problem where id = " + id)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    private JsonNode awaitVillage(String path, String village) throws InterruptedException {
        JsonNode d = null;
        for (int i = 0; i < 100; i++) {
            d = admin.get(path).json();
            if (village.equals(d.get("village_code").asText())) {
                return d;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("still not in " + village + " after 20 s: " + d);
    }

    private long id(String register, String code) {
        for (JsonNode i : admin.get("/api/" + register).json().get("items")) {
            if (i.get("code").asText().equals(code)) {
                return i.get("id").asLong();
            }
        }
        throw new AssertionError("no " + code + " in " + register);
    }

    private long gridVersion() {
        return server.number("select version from grid_version");
    }

    private static void ok(Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
}
