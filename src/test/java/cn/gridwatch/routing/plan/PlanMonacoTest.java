package cn.gridwatch.routing.plan;

import static cn.gridwatch.TestGrids.box;
import static cn.gridwatch.TestGrids.fc;
import static cn.gridwatch.TestGrids.feature;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.SharedData;
import cn.gridwatch.TestGrids;
import cn.gridwatch.TestHttp.Reply;
import cn.gridwatch.routing.GreatCircleMatrix;
import cn.gridwatch.security.Actor;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.locationtech.jts.geom.Coordinate;

/**
 * Plans on the real Monaco OSM extract over HTTP: the extract imported as a road network, a test
 * grid laid over Monaco with two "counties" split at 7.42°E, targets at the middle of Monaco's
 * streets (those that can be driven to and from one another: some mid-street points of the one-way
 * streets cannot). A patrol route and a two-team joint plan: travel on roads, every vertex of the route
 * geometry on a road (or on the short approach to a target), and the own-county rule.
 */
class PlanMonacoTest {
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.server();
    private static long networkId;
    private static final List<double[]> STREETS = new ArrayList<>();
    private static final String QUICK = "\"solver\": {\"solutionLimit\": 300, \"timeLimitSeconds\": 120}";

    @BeforeAll
    static void start() {
        TestGrids.importOk(server.http(), "city", fc(feature("430100", "摩纳哥测试市", box(7.38, 43.70, 7.46, 43.78))));
        TestGrids.importOk(server.http(), "county", fc(feature("430102", "西区", box(7.38, 43.70, 7.42, 43.78)),
                feature("430103", "东区", box(7.42, 43.70, 7.46, 43.78))));
        server.services().roadImports().importFile(SharedData.file("osm/monaco.osm.gz"), "monaco", "monaco.osm.gz",
                false, Actor.system("test"));
        RegisterRows rows = new RegisterRows(server.db());
        rows.inspector("W1", "西区执法", "430102", "enforcement", null);
        rows.inspector("E1", "东区执法", "430103", "enforcement", null);
        // the middle of every 25th connected street of the main road classes
        server.db().withConnection("streets", c -> {
            try (PreparedStatement ps = c.prepareStatement("select e.network_id, ST_X(p), ST_Y(p) from (select "
                    + "network_id, ST_LineInterpolatePoint(geom, 0.5) p, row_number() over (order by id) k from road_edge "
                    + "where not isolated and component = 0 and road_class in ('primary', 'secondary', 'tertiary', "
                    + "'residential') and length_m > 40) e where e.k % 10 = 0 order by e.k");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    networkId = rs.getLong(1);
                    STREETS.add(new double[] {rs.getDouble(2), rs.getDouble(3)});
                }
            }
            return null;
        });
        List<double[]> ok = stronglyConnected(new ArrayList<>(STREETS));
        STREETS.clear();
        STREETS.addAll(ok);
        assertThat(STREETS.size()).isGreaterThanOrEqualTo(13);
        assertThat(STREETS.subList(0, 13)).anySatisfy(p -> assertThat(p[0]).isLessThan(7.42))
                .anySatisfy(p -> assertThat(p[0]).isGreaterThan(7.42));
    }

    static String targets(int from, int count) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            double[] p = STREETS.get(i);
            b.append(i == from ? "" : ", ").append("{\"code\": \"M").append(i).append("\", \"lon\": ").append(p[0])
                    .append(", \"lat\": ").append(p[1]).append(", \"serviceMinutes\": 20}");
        }
        return b.toString();
    }

    /**
     * Keeps the candidates that can be driven to and from the best-connected one (Monaco's one-way streets
     * leave some mid-street points unreachable; those are reported, see the plan notes).
     */
    static List<double[]> stronglyConnected(List<double[]> candidates) {
        List<Coordinate> pts = candidates.stream().map(p -> new Coordinate(p[0], p[1])).toList();
        cn.gridwatch.routing.TravelMatrix m = server.services().roads().matrix(pts);
        int anchor = 0;
        int best = -1;
        for (int i = 0; i < pts.size(); i++) {
            int both = 0;
            for (int j = 0; j < pts.size(); j++) {
                both += m.reachable(i, j) && m.reachable(j, i) ? 1 : 0;
            }
            if (both > best) {
                best = both;
                anchor = i;
            }
        }
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < pts.size(); i++) {
            if (m.reachable(anchor, i) && m.reachable(i, anchor)) {
                out.add(candidates.get(i));
            }
        }
        return out;
    }

    /** Metres from (lon, lat) to the nearest connected edge of the Monaco network. */
    static double toRoad(double lon, double lat) {
        return server.db().withConnection("nearest road", c -> {
            try (PreparedStatement ps = c.prepareStatement("select ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint(?, ?),"
                    + " 4490)::geography) from road_edge where network_id = ? and not isolated order by geom <-> "
                    + "ST_SetSRID(ST_MakePoint(?, ?), 4490) limit 1")) {
                ps.setDouble(1, lon);
                ps.setDouble(2, lat);
                ps.setLong(3, networkId);
                ps.setDouble(4, lon);
                ps.setDouble(5, lat);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getDouble(1);
                }
            }
        });
    }

    /** Every vertex of every route lies on a road (targets are on streets, so approaches are < 1 m). */
    static void geometryFollowsRoads(JsonNode plan) {
        int vertices = 0;
        for (JsonNode r : plan.get("routes")) {
            JsonNode g = r.get("geometry");
            assertThat(g.size()).isGreaterThan(r.get("stops").size() + 1); // more than straight stop-to-stop lines
            for (JsonNode xy : g) {
                assertThat(toRoad(xy.get(0).asDouble(), xy.get(1).asDouble())).as("vertex %s", xy).isLessThan(1.0);
                vertices++;
            }
            // each leg on roads is at least as long as the straight line
            JsonNode prev = null;
            for (JsonNode s : r.get("stops")) {
                if (prev != null) {
                    double straight = GreatCircleMatrix.metres(new Coordinate(prev.get("lon").asDouble(),
                            prev.get("lat").asDouble()), new Coordinate(s.get("lon").asDouble(), s.get("lat").asDouble()));
                    assertThat(s.get("legMetres").asDouble()).isGreaterThanOrEqualTo(straight - 1);
                }
                prev = s;
            }
        }
        assertThat(vertices).isGreaterThan(20);
    }

    @Test
    void a_patrol_route_through_monaco_drives_on_its_streets() {
        double[] start = STREETS.get(0);
        Reply r = server.http().postJson("/api/plans/patrol", """
                {"date": "2026-12-01", "start": {"lon": %s, "lat": %s}, "targets": [%s], %s}"""
                .formatted(start[0], start[1], targets(1, 5), QUICK));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode p = r.json();
        assertThat(p.get("matrixMethod").asText()).isEqualTo("road");
        assertThat(p.get("summary").get("served").asInt()).isEqualTo(5);
        assertThat(p.get("routes")).hasSize(1);
        geometryFollowsRoads(p);
    }

    @Test
    void a_two_team_joint_plan_in_monaco_keeps_each_team_out_of_its_own_county() {
        double[] west = STREETS.stream().filter(s -> s[0] < 7.42).findFirst().orElseThrow();
        double[] east = STREETS.stream().filter(s -> s[0] > 7.42).findFirst().orElseThrow();
        Reply r = server.http().postJson("/api/plans/joint", """
                {"name": "摩纳哥交叉执法", "rule": "county", "days": ["2026-12-01", "2026-12-02"],
                 "teams": [{"name": "西区组", "members": ["W1"], "start": {"lon": %s, "lat": %s}},
                           {"name": "东区组", "members": ["E1"], "start": {"lon": %s, "lat": %s}}],
                 "targets": [%s], %s}""".formatted(west[0], west[1], east[0], east[1], targets(0, 12), QUICK));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode p = r.json();
        assertThat(p.get("matrixMethod").asText()).isEqualTo("road");
        Map<Integer, String> home = Map.of(0, "430102", 1, "430103");
        int stops = 0;
        java.util.Set<String> counties = new java.util.HashSet<>();
        for (JsonNode day : p.get("routes")) {
            for (JsonNode s : day.get("stops")) {
                assertThat(s.get("county").asText()).isNotEqualTo(home.get(day.get("teamNo").asInt()));
                counties.add(s.get("county").asText());
                stops++;
            }
        }
        assertThat(counties).containsExactlyInAnyOrder("430102", "430103"); // both teams had work
        assertThat(stops + p.get("unserved").size()).isEqualTo(12);
        assertThat(stops).isEqualTo(12);
        geometryFollowsRoads(p);
    }
}
