package cn.gridwatch.grid.generate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.routing.network.osm.BuiltNetwork;
import cn.gridwatch.routing.network.osm.NetworkBuilder;
import cn.gridwatch.routing.network.osm.OsmFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/** The demo city's generated roads: deterministic, connected, plausible, and in gis-data/ as generated. */
class DemoRoadsTest {
    @TempDir
    static Path dir;
    private static GeneratedGrid grid;
    private static BuiltNetwork network;

    @BeforeAll
    static void generate() {
        grid = new GridGenerator().demo(GridGenerator.DEFAULT_SEED);
        DemoRoads.write(grid, GridGenerator.DEFAULT_SEED, dir.resolve("a.osm"));
        network = NetworkBuilder.build(dir.resolve("a.osm"), OsmFormat.XML);
    }

    @Test
    void the_same_seed_gives_the_same_file_and_gis_data_holds_it() throws IOException {
        DemoRoads.write(grid, GridGenerator.DEFAULT_SEED, dir.resolve("b.osm"));
        assertThat(Files.mismatch(dir.resolve("a.osm"), dir.resolve("b.osm"))).isEqualTo(-1L);
        assertThat(Files.mismatch(dir.resolve("a.osm"), Path.of("gis-data", DemoRoads.FILE)))
                .as("gis-data/roads.osm is stale: run ./gridwatch generate --mode demo --out gis-data").isEqualTo(-1L);
        assertThat(Files.size(dir.resolve("a.osm"))).isLessThan(3L * 1024 * 1024);
    }

    @Test
    void the_network_is_one_connected_piece_with_every_road_class() {
        assertThat(network.components()).isEqualTo(1);
        assertThat(network.isolatedEdges()).isZero();
        assertThat(network.routableWays()).isEqualTo((int) network.osmWays());
        assertThat(network.edgesByClass()).containsKeys("motorway", "motorway_link", "trunk", "primary", "secondary",
                "tertiary", "unclassified", "residential");
        assertThat(network.oneWayEdges()).isGreaterThan(20); // city-centre one-way streets and the roundabout
        assertThat(network.lengthKm()).isBetween(1500.0, 4000.0); // ~1 km of road per km² of a ~2,400 km² city
        assertThat(network.edges()).anySatisfy(e -> assertThat(e.name()).isEqualTo("五一广场环岛"));
        assertThat(network.edges()).anySatisfy(e -> assertThat(e.name()).isEqualTo("湘源高速"));
    }

    @Test
    void nearly_all_of_the_city_lies_within_a_kilometre_of_a_road() {
        GeometryFactory gf = new GeometryFactory();
        double kx = 111_320 * Math.cos(Math.toRadians(27.65));
        double ky = 110_574;
        List<LineString> lines = new ArrayList<>();
        network.edges().forEach(e -> {
            Coordinate[] cs = new Coordinate[e.xy().length / 2];
            for (int i = 0; i < cs.length; i++) {
                cs[i] = new Coordinate(e.xy()[2 * i] * kx, e.xy()[2 * i + 1] * ky);
            }
            lines.add(gf.createLineString(cs));
        });
        Geometry roads = gf.buildGeometry(lines);
        Geometry city = grid.cities().get(0).geometry();
        Envelope env = city.getEnvelopeInternal();
        SplittableRandom rnd = new SplittableRandom(1);
        int inside = 0;
        int near = 0;
        while (inside < 300) {
            Coordinate c = new Coordinate(env.getMinX() + rnd.nextDouble() * env.getWidth(),
                    env.getMinY() + rnd.nextDouble() * env.getHeight());
            if (!city.contains(gf.createPoint(c))) {
                continue;
            }
            inside++;
            near += roads.distance(gf.createPoint(new Coordinate(c.x * kx, c.y * ky))) <= 1000 ? 1 : 0;
        }
        assertThat(near).isGreaterThanOrEqualTo(285); // 95%
    }
}
