package cn.gridwatch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.routing.network.RoadImportService;
import cn.gridwatch.routing.network.RoadMatrixProvider;
import cn.gridwatch.routing.network.RoadNetworkInfo;
import cn.gridwatch.routing.network.RoadRoute;
import cn.gridwatch.security.AuditLog;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.locationtech.jts.geom.Coordinate;

/** The demo loads gis-data/roads.osm as network "demo" once, and its city-centre one-way streets hold. */
class DemoRoadsLoadTest {
    @RegisterExtension
    static final GridwatchServerExtension database = GridwatchServerExtension.databaseOnly();
    private static RoadImportService roads;

    @BeforeAll
    static void load() {
        roads = new RoadImportService(database.db(), new AuditLog(database.db()));
        Wiring.loadDemoRoads(roads, Path.of("gis-data"));
    }

    @Test
    void loading_the_demo_twice_changes_nothing() {
        RoadNetworkInfo first = roads.find("demo").orElseThrow();
        Wiring.loadDemoRoads(roads, Path.of("gis-data"));
        RoadNetworkInfo second = roads.find("demo").orElseThrow();
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.importedAt()).isEqualTo(first.importedAt());
        assertThat(first.edges()).isGreaterThan(1000);
    }

    @Test
    void the_one_way_新华路_is_driven_east_only() {
        // the middles of two neighbouring blocks of the one-way street (its parallel two-way streets are
        // faster, so end-to-end routes would avoid it either way)
        Coordinate[] mids = database.db().withConnection("新华路", c -> {
            String sql = "select ST_X(ST_LineInterpolatePoint(geom, 0.5)), ST_Y(ST_LineInterpolatePoint(geom, 0.5))"
                    + " from road_edge where name = '新华路' and reverse_cost < 0 order by ST_X(ST_StartPoint(geom))"
                    + " limit 2 offset 3";
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                Coordinate west = new Coordinate(rs.getDouble(1), rs.getDouble(2));
                rs.next();
                return new Coordinate[] {west, new Coordinate(rs.getDouble(1), rs.getDouble(2))};
            }
        });
        RoadMatrixProvider provider = new RoadMatrixProvider(database.db());
        RoadRoute east = provider.route(mids[0], mids[1]);
        RoadRoute west = provider.route(mids[1], mids[0]);
        assertThat(east.metres()).isBetween(245L, 255L); // one block of 250 m
        assertThat(west.metres()).isGreaterThanOrEqualTo(990L); // around a block at least
    }
}
