package cn.gridwatch.routing.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.gridwatch.db.TestDatabase;
import cn.gridwatch.routing.GreatCircleMatrix;
import cn.gridwatch.routing.TravelMatrix;
import cn.gridwatch.routing.network.graph.MemoryMatrix;
import cn.gridwatch.routing.network.graph.PgRoutingMatrix;
import cn.gridwatch.routing.network.graph.Snap;
import cn.gridwatch.security.Actor;
import cn.gridwatch.security.AuditLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

/** Import, snapping, routes and matrices on the hand-made network, where every answer is known. */
class RoadNetworkTinyTest {
    private static final Actor TEST = Actor.system("test");
    private static TestDatabase.Fresh db;
    private static RoadImportService imports;
    private static RoadMatrixProvider roads;
    private static RoadImportReport first;

    @TempDir
    Path tmp;

    @BeforeAll
    static void importTiny() {
        db = TestDatabase.fresh();
        imports = new RoadImportService(db.db(), new AuditLog(db.db()));
        first = imports.importFile(RoadFixture.tinyOsm(), "tiny", "tiny.osm", false, TEST);
        roads = new RoadMatrixProvider(db.db());
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private static Coordinate between(int a, int b, double t) {
        Coordinate p = RoadFixture.node(a);
        Coordinate q = RoadFixture.node(b);
        return new Coordinate(p.x + t * (q.x - p.x), p.y + t * (q.y - p.y));
    }

    private static long count(String sql) {
        return db.db().withConnection("count", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void the_import_writes_every_vertex_and_edge_with_pgrouting_columns() {
        assertThat(first.status()).isEqualTo("imported");
        assertThat(first.vertices()).isEqualTo(10);
        assertThat(first.edges()).isEqualTo(12);
        assertThat(count("select count(*) from road_vertex where network_id = " + first.networkId())).isEqualTo(10);
        assertThat(count("select count(*) from road_edge where network_id = " + first.networkId())).isEqualTo(12);
        assertThat(count("select count(*) from road_edge where reverse_cost < 0")).isEqualTo(5);
        assertThat(count("select count(*) from road_edge where cost < 0")).isEqualTo(1);
        assertThat(count("select count(*) from road_edge where ST_SRID(geom) = 4490 and isolated")).isEqualTo(1);
        assertThat(count("select count(*) from audit_log where action = 'roads.import' and entity_key = 'tiny'"))
                .isEqualTo(1);
        assertThat(imports.networks()).extracting(RoadNetworkInfo::name).contains("tiny");
    }

    @Test
    void importing_the_same_file_again_changes_nothing() {
        RoadImportReport again = imports.importFile(RoadFixture.tinyOsm(), "tiny", "tiny.osm", false, TEST);
        assertThat(again.status()).isEqualTo("unchanged");
        assertThat(again.networkId()).isEqualTo(first.networkId());
        assertThat(again.edges()).isEqualTo(12);
        assertThat(again.oneWayEdges()).isEqualTo(6);
    }

    @Test
    void pgrouting_drives_the_one_way_street_only_one_way() {
        // pgr_dijkstra on the imported edges: n4 -> n6 along 人民路, n6 -> n4 around by C001, 东风路 and 西路
        String sql = "select coalesce(sum(cost), -1) from pgr_dijkstra('select id, source, target, cost, reverse_cost"
                + " from road_edge where network_id = " + first.networkId() + "', ?, ?)";
        double east = pgrCost(sql, vertexOf(4), vertexOf(6));
        double west = pgrCost(sql, vertexOf(6), vertexOf(4));
        assertThat(east).isCloseTo(2 * RoadFixture.EW / (25 / 3.6), within(0.2));
        assertThat(west).isCloseTo(RoadFixture.NS / (30 / 3.6) + 2 * RoadFixture.EW / (25 / 3.6)
                + RoadFixture.NS / (40 / 3.6), within(0.2));
    }

    private static long vertexOf(long osmNode) {
        return count("select id from road_vertex where osm_node_id = " + osmNode);
    }

    private static double pgrCost(String sql, long from, long to) {
        return db.db().withConnection("pgr_dijkstra", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, from);
                ps.setLong(2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getDouble(1);
                }
            }
        });
    }

    @Test
    void a_route_against_a_one_way_street_goes_around() {
        RoadRoute east = roads.route(RoadFixture.node(4), RoadFixture.node(6));
        RoadRoute west = roads.route(RoadFixture.node(6), RoadFixture.node(4));

        assertThat(east.reachable()).isTrue();
        assertThat(east.method()).isEqualTo("road");
        assertThat(east.metres()).isEqualTo(Math.round(2 * RoadFixture.EW));
        assertThat(east.seconds()).isEqualTo(Math.round(2 * RoadFixture.EW / (25 / 3.6)));
        assertThat(east.geometry().getCoordinates()).hasSize(3);
        assertThat(west.metres()).isCloseTo(Math.round(2 * RoadFixture.NS + 2 * RoadFixture.EW), within(1L));
        assertThat(west.geometry().getCoordinates()).hasSize(5);
        assertThat(west.geometry().getStartPoint().getCoordinate().distance(RoadFixture.node(6))).isLessThan(1e-9);
        assertThat(west.geometry().getEndPoint().getCoordinate().distance(RoadFixture.node(4))).isLessThan(1e-9);
    }

    @Test
    void points_part_way_along_one_edge_drive_along_it_or_around_it() {
        Coordinate a = between(4, 5, 0.25);
        Coordinate b = between(4, 5, 0.75);
        TravelMatrix m = roads.matrix(List.of(a, b));

        assertThat(m.method()).isEqualTo("road");
        assertThat(m.meters()[0][1]).isEqualTo(Math.round(0.5 * RoadFixture.EW));
        // b -> a: on to n5, down the service road, west along 东风路 to n1, north on 西路, east to a
        double around = 0.25 * RoadFixture.EW + RoadFixture.NS + RoadFixture.EW + RoadFixture.NS + 0.25 * RoadFixture.EW;
        assertThat(m.meters()[1][0]).isCloseTo(Math.round(around), within(1L));
        LineString back = roads.path(b, a);
        assertThat(back.getCoordinates()).hasSize(6);
    }

    @Test
    void the_approach_from_a_point_off_the_road_to_its_road_position_is_counted_at_15_km_h() {
        Coordinate onRoad = between(4, 5, 0.5);
        Coordinate off = new Coordinate(onRoad.x, onRoad.y + 0.0005); // ~55 m north of 东风路's edge 4-5
        Coordinate other = between(4, 5, 0.75);
        List<Snap> snaps = roads.snap(List.of(off, other));
        assertThat(snaps.get(0).onRoad()).isTrue();
        double d = snaps.get(0).distanceM();
        assertThat(d).isBetween(50.0, 60.0);
        assertThat(snaps.get(1).distanceM()).isLessThan(0.01);
        TravelMatrix on = roads.matrix(List.of(onRoad, other));
        TravelMatrix m = roads.matrix(List.of(off, other));
        // the same road leg plus d metres at 15 km/h, both ways
        assertThat(m.meters()[0][1]).isCloseTo(on.meters()[0][1] + Math.round(d), within(1L));
        assertThat(m.seconds()[0][1]).isCloseTo(on.seconds()[0][1] + Math.round(d / (15 / 3.6)), within(1L));
        assertThat(m.meters()[1][0]).isCloseTo(on.meters()[1][0] + Math.round(d), within(1L));
        assertThat(m.notes()).anySatisfy(n -> assertThat(n).contains("approach").contains("15 km/h"));
        // the route starts at the point itself, then joins the road
        RoadRoute r = roads.route(off, other);
        assertThat(r.seconds()).isEqualTo(m.seconds()[0][1]);
        assertThat(r.geometry().getStartPoint().getCoordinate().distance(off)).isLessThan(1e-9);
        assertThat(r.geometry().getCoordinateN(1).distance(new Coordinate(snaps.get(0).snappedLon(),
                snaps.get(0).snappedLat()))).isLessThan(1e-7);
    }

    @Test
    void a_point_by_the_isolated_road_is_unreachable_with_the_reason() {
        Coordinate nearIsolated = new Coordinate(113.0085, 28.0002); // 22 m from 孤路, 430 m from n10
        Coordinate onNetwork = RoadFixture.node(1);
        List<Snap> snaps = roads.snap(List.of(nearIsolated, onNetwork));
        assertThat(snaps.get(0).status()).isEqualTo(Snap.Status.ON_ROAD); // a connected road is within 1 km

        RoadMatrixProvider strict = new RoadMatrixProvider(db.db(), 200, new MemoryMatrix(), new GreatCircleMatrix());
        TravelMatrix m = strict.matrix(List.of(nearIsolated, onNetwork));
        assertThat(m.reachable(0, 1)).isFalse();
        assertThat(m.reachable(1, 0)).isFalse();
        assertThat(m.notes()).anySatisfy(n -> assertThat(n).contains("point 0").contains("孤路")
                .contains("not connected"));
        RoadRoute r = strict.route(onNetwork, nearIsolated);
        assertThat(r.reachable()).isFalse();
        assertThatThrownBy(() -> strict.path(onNetwork, nearIsolated)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("孤路");
    }

    @Test
    void a_point_far_from_every_road_falls_back_to_the_great_circle_and_says_so() {
        Coordinate far = new Coordinate(113.05, 28.05);
        TravelMatrix m = roads.matrix(List.of(RoadFixture.node(1), RoadFixture.node(6), far));

        assertThat(m.method()).isEqualTo("mixed");
        assertThat(m.reachable(0, 2)).isTrue();
        double gc = GreatCircleMatrix.metres(RoadFixture.node(1), far) * GreatCircleMatrix.DEFAULT_DETOUR;
        assertThat(m.meters()[0][2]).isEqualTo(Math.round(gc));
        assertThat(m.notes()).anySatisfy(n -> assertThat(n).contains("point 2").contains("no road within 1000 m"));
        assertThat(m.notes()).anySatisfy(n -> assertThat(n).contains("great-circle"));
        RoadRoute r = roads.route(RoadFixture.node(1), far);
        assertThat(r.method()).isEqualTo("great_circle");
        assertThat(r.geometry().getNumPoints()).isEqualTo(2);
    }

    @Test
    void the_in_memory_matrix_equals_pgr_with_points() {
        List<Coordinate> pts = List.of(between(4, 5, 0.3), between(5, 6, 0.9), between(1, 2, 0.5), between(3, 6, 0.4),
                between(3, 10, 0.7), RoadFixture.node(11), between(2, 5, 0.1), new Coordinate(113.0044, 28.0004),
                // two points that snap to one spot of the one-way 人民路 (regression: pgRouting drove between them)
                new Coordinate(113.0005, 28.0012), new Coordinate(113.0005, 28.0018));
        RoadMatrixProvider viaPg = new RoadMatrixProvider(db.db(), 1000, new PgRoutingMatrix(db.db()),
                new GreatCircleMatrix());
        TravelMatrix mem = roads.matrix(pts);
        TravelMatrix pg = viaPg.matrix(pts);
        // no road between them, only the two approaches (off the road at 15 km/h)
        List<Snap> snaps = roads.snap(pts);
        double approach = snaps.get(8).distanceM() + snaps.get(9).distanceM();
        assertThat(approach).isGreaterThan(10);
        assertThat(mem.seconds()[8][9]).isEqualTo(Math.round(approach / (RoadMatrixProvider.APPROACH_KMH / 3.6)));
        assertThat(mem.meters()[8][9]).isEqualTo(Math.round(approach));
        for (int i = 0; i < pts.size(); i++) {
            for (int j = 0; j < pts.size(); j++) {
                assertThat(mem.seconds()[i][j]).as("seconds %d -> %d", i, j).isEqualTo(pg.seconds()[i][j]);
                assertThat(mem.meters()[i][j]).as("metres %d -> %d", i, j).isEqualTo(pg.meters()[i][j]);
            }
        }
    }

    @Test
    void one_provider_answers_many_threads_at_once_as_it_answers_one() throws Exception {
        List<Coordinate> pts = List.of(between(4, 5, 0.3), between(5, 6, 0.9), between(1, 2, 0.5), between(3, 6, 0.4),
                between(3, 10, 0.7), RoadFixture.node(11));
        RoadMatrixProvider fresh = new RoadMatrixProvider(db.db()); // graphs load under contention too
        TravelMatrix expected = roads.matrix(pts);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<TravelMatrix>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 32; i++) {
                futures.add(pool.submit(() -> fresh.matrix(pts)));
            }
            for (java.util.concurrent.Future<TravelMatrix> f : futures) {
                TravelMatrix m = f.get();
                assertThat(m.seconds()).isDeepEqualTo(expected.seconds());
                assertThat(m.meters()).isDeepEqualTo(expected.meters());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void a_new_file_under_the_same_name_replaces_the_network_whole() throws IOException {
        Path smaller = tmp.resolve("two-streets.osm");
        Files.writeString(smaller, """
                <osm version="0.6">
                  <node id="1" lat="28.000" lon="113.000"/><node id="2" lat="28.000" lon="113.001"/>
                  <node id="3" lat="28.001" lon="113.001"/>
                  <way id="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="residential"/></way>
                </osm>
                """);
        RoadImportReport r = imports.importFile(smaller, "tiny-copy", "two-streets.osm", false, TEST);
        assertThat(r.edges()).isEqualTo(1);
        RoadImportReport replaced = imports.importFile(RoadFixture.tinyOsm(), "tiny-copy", "tiny.osm", false, TEST);
        assertThat(replaced.status()).isEqualTo("replaced");
        assertThat(replaced.networkId()).isNotEqualTo(r.networkId());
        assertThat(count("select count(*) from road_edge where network_id = " + r.networkId())).isZero();
        assertThat(count("select count(*) from road_edge where network_id = " + replaced.networkId())).isEqualTo(12);
        assertThat(imports.delete("tiny-copy", TEST)).isTrue();
        assertThat(imports.delete("tiny-copy", TEST)).isFalse();
    }

    @Test
    void a_file_without_roads_is_refused_and_writes_nothing() throws IOException {
        Path paths = tmp.resolve("footpaths.osm");
        Files.writeString(paths, """
                <osm version="0.6">
                  <node id="1" lat="28.000" lon="113.000"/><node id="2" lat="28.000" lon="113.001"/>
                  <way id="1"><nd ref="1"/><nd ref="2"/><tag k="highway" v="footway"/></way>
                </osm>
                """);
        long before = count("select count(*) from road_network");
        assertThatThrownBy(() -> imports.importFile(paths, "paths", "footpaths.osm", false, TEST))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds no road cars may use");
        assertThatThrownBy(() -> imports.importFile(paths, "bad name!", "footpaths.osm", false, TEST))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("network name");
        assertThat(count("select count(*) from road_network")).isEqualTo(before);
    }

}
