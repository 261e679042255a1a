package cn.gridwatch.geo;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/**
 * Properties of the CRS registry and the China offsets: identifiers and coordinates from anywhere
 * give a finite result or an {@link IllegalArgumentException}, never NaN or another exception; the
 * GCJ-02 inverse round-trips inside China.
 */
class CrsPropertiesTest {

    @Property
    void any_identifier_parses_or_is_an_illegal_argument(@ForAll("ids") String id) {
        try {
            SupportedCrs crs = CrsRegistry.parse(id);
            assertThat(CrsRegistry.canonical(crs.id())).isEqualTo(crs.id());
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).contains("unsupported CRS");
        }
    }

    @Property(tries = 2000)
    void conversion_to_cgcs2000_is_finite_and_in_range_or_an_illegal_argument(@ForAll("supported") String crs,
            @ForAll("coordinates") double x, @ForAll("coordinates") double y) {
        try {
            double[] p = CrsRegistry.toCgcs2000(crs, x, y);
            assertThat(p[0]).isFinite().isBetween(-180.0, 180.0);
            assertThat(p[1]).isFinite().isBetween(-90.0, 90.0);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 2000)
    void gcj02_inverse_round_trips_within_half_a_metre_in_china(
            @ForAll @DoubleRange(min = 73.5, max = 135) double lon, @ForAll @DoubleRange(min = 18, max = 53.5) double lat) {
        double[] gcj = ChinaOffsets.wgs84ToGcj02(lon, lat);
        double[] back = CrsRegistry.toCgcs2000("GCJ-02", gcj[0], gcj[1]);
        assertThat(metres(lon, lat, back[0], back[1])).isLessThan(0.5);
        double[] bd = ChinaOffsets.wgs84ToBd09(lon, lat);
        double[] back2 = CrsRegistry.toCgcs2000("BD-09", bd[0], bd[1]);
        assertThat(metres(lon, lat, back2[0], back2[1])).isLessThan(0.5);
    }

    private static double metres(double lon0, double lat0, double lon1, double lat1) {
        double k = Math.PI / 180 * 6_371_008.8;
        double dx = (lon1 - lon0) * k * Math.cos(Math.toRadians(lat0));
        double dy = (lat1 - lat0) * k;
        return Math.hypot(dx, dy);
    }

    @Provide
    Arbitrary<String> supported() {
        return Arbitraries.of(CrsRegistry.supported());
    }

    @Provide
    Arbitrary<Double> coordinates() {
        return Arbitraries.oneOf(
                Arbitraries.doubles(),
                Arbitraries.doubles().between(-200, 200),
                Arbitraries.doubles().between(-2.1e7, 2.1e7),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE,
                        Double.MAX_VALUE, 180.0, -180.0, 90.0, -90.0, 72.004, 137.8347, 0.8293, 55.8271, 500_000.0));
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.of(CrsRegistry.supported()).map(s -> " " + s.toLowerCase() + " "),
                Arbitraries.integers().between(-10, 10_000_000).map(i -> "EPSG:" + i),
                Arbitraries.integers().between(0, 10_000_000).map(String::valueOf),
                Arbitraries.of("urn:ogc:def:crs:EPSG::", "EPSG:", "EPSG::4490", "urn:ogc:def:crs:EPSG::99999999999",
                        "http://www.opengis.net/def/crs/EPSG/0/4547", "EPSG:４４９０", "EPSG:-4490", "EPSG:+4490"));
    }
}
