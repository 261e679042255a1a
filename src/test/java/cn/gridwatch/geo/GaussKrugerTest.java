package cn.gridwatch.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

class GaussKrugerTest {

    /** Meridian arc length from the equator to 30N on GRS80, metres (UTM 50N at 117E,30N / 0.9996). */
    private static final double GRS80_MERIDIAN_ARC_30N = 3_320_113.398;

    @Test
    void a_point_on_the_central_meridian_of_epsg_4547_has_easting_500000() {
        double[] en = CrsRegistry.fromCgcs2000("EPSG:4547", 114.0, 30.0);

        assertThat(en[0]).isCloseTo(500_000.0, within(1e-6));
        assertThat(en[1]).isCloseTo(GRS80_MERIDIAN_ARC_30N, within(0.01));
    }

    @Test
    void the_zone_prefixed_code_differs_only_by_the_zone_number_in_the_easting() {
        double[] plain = CrsRegistry.fromCgcs2000("EPSG:4547", 113.2, 28.1);
        double[] prefixed = CrsRegistry.fromCgcs2000("EPSG:4526", 113.2, 28.1);

        assertThat(prefixed[0] - plain[0]).isCloseTo(38_000_000.0, within(1e-6));
        assertThat(prefixed[1]).isCloseTo(plain[1], within(1e-6));
        assertThat(plain[0]).isBetween(420_000.0, 423_000.0); // 0.8 degree west of 114E at 28N: ~78.6 km
    }

    @Test
    void gauss_kruger_points_round_trip_to_lon_lat_within_1e_7_degree() {
        for (String id : List.of("EPSG:4545", "EPSG:4547", "EPSG:4526")) {
            double cm = GaussKruger.centralMeridian(CrsRegistry.parse(id).srid());
            for (double dLon = -1.5; dLon <= 1.5; dLon += 0.5) {
                for (double lat = 18; lat <= 54; lat += 6) {
                    double[] en = CrsRegistry.fromCgcs2000(id, cm + dLon, lat);
                    double[] back = CrsRegistry.toCgcs2000(id, en[0], en[1]);
                    assertThat(back[0]).as(id).isCloseTo(cm + dLon, within(1e-7));
                    assertThat(back[1]).as(id).isCloseTo(lat, within(1e-7));
                }
            }
        }
    }

    @Test
    void every_zone_definition_in_proj4j_epsg_matches_its_central_meridian_and_false_easting() {
        for (int code = GaussKruger.FIRST_PREFIXED; code <= GaussKruger.LAST_UNPREFIXED; code++) {
            double cm = GaussKruger.centralMeridian(code);
            double[] en = CrsRegistry.fromCgcs2000("EPSG:" + code, cm, 30.0);

            assertThat(en[0]).as("EPSG:%d", code).isCloseTo(GaussKruger.falseEasting(code), within(1e-6));
            assertThat(en[1]).as("EPSG:%d", code).isCloseTo(GRS80_MERIDIAN_ARC_30N, within(0.01));
        }
        assertThat(GaussKruger.centralMeridian(4513)).isEqualTo(75.0);
        assertThat(GaussKruger.falseEasting(4513)).isEqualTo(25_500_000.0);
        assertThat(GaussKruger.centralMeridian(4533)).isEqualTo(135.0);
        assertThat(GaussKruger.falseEasting(4533)).isEqualTo(45_500_000.0);
        assertThat(GaussKruger.centralMeridian(4534)).isEqualTo(75.0);
        assertThat(GaussKruger.centralMeridian(4554)).isEqualTo(135.0);
        assertThat(GaussKruger.falseEasting(4554)).isEqualTo(500_000.0);
    }

    @Test
    void one_transform_gives_the_same_results_from_many_threads() throws Exception {
        Geometry ring = new WKTReader(new GeometryFactory()).read(
                "POLYGON ((420000 3100000, 430000 3100000, 430000 3110000, 420000 3110000, 420000 3100000))");
        GeometryTransform transform = CrsRegistry.toCgcs2000("EPSG:4547");
        Geometry expected = transform.apply(ring);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                results.add(pool.submit(() -> transform.apply(ring).equalsExact(expected)));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
