package cn.gridwatch.routing.network;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.SharedData;
import cn.gridwatch.db.TestDatabase;
import cn.gridwatch.routing.GreatCircleMatrix;
import cn.gridwatch.routing.TravelMatrix;
import cn.gridwatch.routing.network.graph.PgRoutingMatrix;
import cn.gridwatch.security.Actor;
import cn.gridwatch.security.AuditLog;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/**
 * The real Monaco extract (graphhopper's test file, OSM data of ~2012) and the Hunan Normal
 * University campus extract in Changsha: import counts, one-way streets, route lengths against
 * GraphHopper's own car test figures, and the in-memory matrix against pgRouting.
 */
class RoadNetworkRealDataTest {
    private static final Actor TEST = Actor.system("test");
    private static TestDatabase.Fresh db;
    private static RoadImportReport monaco;
    private static RoadImportReport campus;
    private static RoadMatrixProvider roads;

    @BeforeAll
    static void importBoth() {
        db = TestDatabase.fresh();
        RoadImportService imports = new RoadImportService(db.db(), new AuditLog(db.db()));
        monaco = imports.importFile(SharedData.file("osm/monaco.osm.gz"), "monaco", "monaco.osm.gz", false, TEST);
        campus = imports.importFile(SharedData.file("osm/changsha_hunan_normal_univ.osm"), "changsha-hnu",
                "changsha_hunan_normal_univ.osm", false, TEST);
        roads = new RoadMatrixProvider(db.db());
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private static Coordinate at(double lat, double lon) {
        return new Coordinate(lon, lat);
    }

    @Test
    void monaco_imports_with_sane_counts() {
        assertThat(monaco.osmNodes()).isEqualTo(13_739);
        assertThat(monaco.osmWays()).isEqualTo(1_944);
        assertThat(monaco.routableWays()).isBetween(400, 700);
        assertThat(monaco.vertices()).isBetween(450, 800);
        assertThat(monaco.edges()).isBetween(600, 1_000);
        assertThat(monaco.oneWayEdges()).isBetween(250, 500); // Monaco's streets are largely one-way
        assertThat(monaco.lengthKm()).isBetween(45.0, 80.0);
        assertThat(monaco.largestComponentVertices()).isGreaterThan(monaco.vertices() * 95 / 100);
        assertThat(monaco.edgesByClass()).containsKeys("primary", "secondary", "residential");
        assertThat(monaco.edgesByClass()).doesNotContainKeys("footway", "steps", "pedestrian");
    }

    @Test
    void the_campus_extract_imports_its_few_roads() {
        assertThat(campus.osmNodes()).isEqualTo(1_233);
        assertThat(campus.osmWays()).isEqualTo(95);
        assertThat(campus.routableWays()).isBetween(15, 40); // most ways are footways and steps
        assertThat(campus.edges()).isBetween(20, 80);
        assertThat(campus.vertices()).isBetween(20, 80);
        RoadRoute r = roads.route(at(28.18300, 112.94300), at(28.18700, 112.94800));
        assertThat(r.reachable()).isTrue();
        assertThat(r.method()).isEqualTo("road");
        double straight = GreatCircleMatrix.metres(at(28.18300, 112.94300), at(28.18700, 112.94800));
        assertThat((double) r.metres()).isBetween(straight * 0.8, straight * 3);
    }

    /** GraphHopper's car integration test routes on the same file (RoutingAlgorithmIT, createMonacoCar). */
    @Test
    void known_routes_are_as_long_as_graphhoppers() {
        assertThat(roads.route(at(43.730729, 7.42135), at(43.72775, 7.418737)).metres()).isBetween(2450L, 2600L); // GH 2524
        assertThat(roads.route(at(43.727687, 7.418737), at(43.74958, 7.436566)).metres()).isBetween(3500L, 3710L); // GH 3605
        assertThat(roads.route(at(43.72915, 7.410572), at(43.739213, 7.4277)).metres()).isBetween(2420L, 2570L); // GH 2490
        // GH 2303: its car profile also stops at gates and private roads, which this importer keeps
        assertThat(roads.route(at(43.733709, 7.41354), at(43.739662, 7.424355)).metres()).isBetween(1700L, 2400L);
    }

    @Test
    void the_place_du_palais_one_way_cannot_be_driven_against_its_direction() {
        // GraphHopper's test notes the same: "not possible to cross the place du palais and there is a oneway"
        Coordinate a = at(43.727687, 7.418737);
        Coordinate b = at(43.730729, 7.421288);
        RoadRoute there = roads.route(a, b);
        RoadRoute back = roads.route(b, a);
        assertThat(there.reachable()).isFalse();
        assertThat(there.notes()).anySatisfy(n -> assertThat(n).contains("no road path"));
        assertThat(back.reachable()).isTrue();
        assertThat(back.metres()).isBetween(2300L, 2800L);
        TravelMatrix m = roads.matrix(List.of(a, b));
        assertThat(m.reachable(0, 1)).isFalse();
        assertThat(m.reachable(1, 0)).isTrue();
        assertThat(m.notes()).anySatisfy(n -> assertThat(n).contains("point 0").contains("no road path to 1"));
    }

    @Test
    void a_one_way_street_makes_a_to_b_differ_from_b_to_a() {
        RoadRoute ab = roads.route(at(43.72915, 7.410572), at(43.739213, 7.4277));
        RoadRoute ba = roads.route(at(43.739213, 7.4277), at(43.72915, 7.410572));
        assertThat(ab.reachable()).isTrue();
        assertThat(ba.reachable()).isTrue();
        assertThat(ab.metres()).isNotEqualTo(ba.metres());
        assertThat(ab.geometry().getStartPoint().distance(ba.geometry().getEndPoint())).isLessThan(1e-9);
    }

    @Test
    void points_off_the_networks_fall_back_and_other_networks_are_not_mixed_up() {
        Coordinate casino = at(43.7396, 7.4276);
        Coordinate port = at(43.7350, 7.4210);
        Coordinate campusGate = at(28.18500, 112.94500);
        Coordinate sea = at(43.70, 7.50); // 8 km out to sea
        TravelMatrix m = roads.matrix(List.of(casino, port, campusGate, sea));

        assertThat(m.method()).isEqualTo("mixed");
        assertThat(m.notes()).anySatisfy(n -> assertThat(n).contains("monaco").contains("changsha-hnu"));
        assertThat(m.notes()).anySatisfy(n -> assertThat(n).contains("point 3").contains("no road within 1000 m"));
        assertThat(m.notes()).anySatisfy(n -> assertThat(n).contains("different road networks"));
        assertThat(m.meters()[0][1]).isBetween(500L, 3000L); // by road in Monaco
        double gc = GreatCircleMatrix.metres(casino, campusGate) * GreatCircleMatrix.DEFAULT_DETOUR;
        assertThat(m.meters()[0][2]).isEqualTo(Math.round(gc));
        assertThat(m.reachable(3, 0)).isTrue();
    }

    @Test
    void the_matrix_agrees_with_pgrouting_on_random_points() {
        SplittableRandom rnd = new SplittableRandom(42);
        List<Coordinate> pts = new ArrayList<>();
        while (pts.size() < 40) {
            pts.add(at(43.725 + rnd.nextDouble() * 0.02, 7.411 + rnd.nextDouble() * 0.02));
        }
        TravelMatrix mem = roads.matrix(pts);
        TravelMatrix pg = new RoadMatrixProvider(db.db(), 1000, new PgRoutingMatrix(db.db()), new GreatCircleMatrix())
                .matrix(pts);
        int roadPairs = 0;
        for (int i = 0; i < pts.size(); i++) {
            for (int j = 0; j < pts.size(); j++) {
                assertThat(mem.reachable(i, j)).as("reachable %d -> %d", i, j).isEqualTo(pg.reachable(i, j));
                if (mem.reachable(i, j)) {
                    assertThat(mem.seconds()[i][j]).as("seconds %d -> %d", i, j).isBetween(pg.seconds()[i][j] - 1,
                            pg.seconds()[i][j] + 1);
                    assertThat(mem.meters()[i][j]).as("metres %d -> %d", i, j).isBetween(pg.meters()[i][j] - 1,
                            pg.meters()[i][j] + 1);
                    roadPairs += i != j ? 1 : 0;
                }
            }
        }
        assertThat(roadPairs).isGreaterThan(1000);
    }

    @Test
    void the_matrix_between_junctions_agrees_with_pgr_dijkstra() {
        long net = monaco.networkId();
        List<long[]> pairs = List.of(new long[] {1, 300}, new long[] {300, 1}, new long[] {50, 500},
                new long[] {500, 50}, new long[] {123, 456});
        for (long[] p : pairs) {
            double[] pgr = db.db().withConnection("pgr_dijkstra", c -> {
                String sql = "select coalesce(sum(d.cost), -1), coalesce(sum(e.length_m), -1) from pgr_dijkstra("
                        + "'select id, source, target, cost, reverse_cost from road_edge where network_id = " + net
                        + "', ?::bigint, ?::bigint) d join road_edge e on e.network_id = ? and e.id = d.edge";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setLong(1, p[0]);
                    ps.setLong(2, p[1]);
                    ps.setLong(3, net);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return new double[] {rs.getDouble(1), rs.getDouble(2)};
                    }
                }
            });
            TravelMatrix m = roads.matrix(List.of(vertex(net, p[0]), vertex(net, p[1])));
            if (pgr[0] < 0) {
                assertThat(m.reachable(0, 1)).as("pair %d -> %d", p[0], p[1]).isFalse();
            } else {
                assertThat(m.seconds()[0][1]).as("seconds %d -> %d", p[0], p[1]).isEqualTo(Math.round(pgr[0]));
                assertThat(m.meters()[0][1]).as("metres %d -> %d", p[0], p[1]).isEqualTo(Math.round(pgr[1]));
            }
        }
    }

    private static Coordinate vertex(long net, long id) {
        return db.db().withConnection("vertex", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select ST_X(geom), ST_Y(geom) from road_vertex where network_id = ? and id = ?")) {
                ps.setLong(1, net);
                ps.setLong(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Coordinate(rs.getDouble(1), rs.getDouble(2));
                }
            }
        });
    }
}
