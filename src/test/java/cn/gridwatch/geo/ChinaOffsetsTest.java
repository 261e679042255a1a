package cn.gridwatch.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChinaOffsetsTest {

    /** Grid step over China for the round-trip sweeps, degrees (about 35 000 points). */
    private static final double STEP = 0.25;

    @Test
    void wgs84_to_gcj02_matches_the_published_beijing_sample() {
        // wandergis/coordtransform README: wgs84togcj02(116.404, 39.915)
        double[] gcj = ChinaOffsets.wgs84ToGcj02(116.404, 39.915);

        assertThat(gcj[0]).isCloseTo(116.41024449916938, within(1e-12));
        assertThat(gcj[1]).isCloseTo(39.91640428150164, within(1e-12));
    }

    @Test
    void gcj02_to_bd09_matches_the_published_beijing_sample() {
        // wandergis/coordtransform README: gcj02tobd09(116.404, 39.915)
        double[] bd = ChinaOffsets.gcj02ToBd09(116.404, 39.915);

        assertThat(bd[0]).isCloseTo(116.41036949371029, within(1e-12));
        assertThat(bd[1]).isCloseTo(39.92133699351021, within(1e-12));
    }

    @Test
    void gcj02_offset_in_changsha_is_several_hundred_metres_east_and_south() {
        double lon = 112.9388;
        double lat = 28.2282;

        double[] gcj = ChinaOffsets.wgs84ToGcj02(lon, lat);

        assertThat(gcj[0] - lon).isBetween(0.004, 0.006);
        assertThat(gcj[1] - lat).isBetween(-0.0045, -0.0025);
        assertThat(Haversine.metres(lon, lat, gcj[0], gcj[1])).isBetween(400.0, 800.0);
    }

    @Test
    void no_gcj02_offset_is_applied_outside_china() {
        assertThat(ChinaOffsets.wgs84ToGcj02(2.3522, 48.8566)).containsExactly(2.3522, 48.8566);
        assertThat(ChinaOffsets.wgs84ToGcj02(139.69, 35.69)).containsExactly(139.69, 35.69);
        assertThat(ChinaOffsets.gcj02ToWgs84(-74.0, 40.7)).containsExactly(-74.0, 40.7);
    }

    @Test
    void gcj02_inverse_round_trip_stays_under_half_a_metre_over_all_of_china() {
        double max = maxRoundTripError(ChinaOffsets::wgs84ToGcj02, ChinaOffsets::gcj02ToWgs84);

        System.out.printf("GCJ-02 round trip: max error %.2e m%n", max);
        assertThat(max).isLessThan(0.5);
    }

    @Test
    void bd09_inverse_round_trip_stays_under_half_a_metre_over_all_of_china() {
        double max = maxRoundTripError(ChinaOffsets::gcj02ToBd09, ChinaOffsets::bd09ToGcj02);

        System.out.printf("BD-09 round trip: max error %.2e m%n", max);
        assertThat(max).isLessThan(0.5);
    }

    @Test
    void wgs84_to_bd09_round_trip_stays_under_half_a_metre_over_all_of_china() {
        double max = maxRoundTripError(ChinaOffsets::wgs84ToBd09, ChinaOffsets::bd09ToWgs84);

        System.out.printf("WGS84 -> BD-09 round trip: max error %.2e m%n", max);
        assertThat(max).isLessThan(0.5);
    }

    /**
     * Sweeps a 0.25 degree grid over China's bounding box (kept 0.1 degree inside its edge, where the
     * forward transform jumps) and returns the largest distance between a point and
     * {@code inverse(forward(point))}, in metres.
     */
    private static double maxRoundTripError(BinaryLonLat forward, BinaryLonLat inverse) {
        double max = 0;
        int count = 0;
        for (double lon = 72.1; lon <= 137.7; lon += STEP) {
            for (double lat = 0.93; lat <= 55.7; lat += STEP) {
                double[] there = forward.apply(lon, lat);
                double[] back = inverse.apply(there[0], there[1]);
                max = Math.max(max, Haversine.metres(lon, lat, back[0], back[1]));
                count++;
            }
        }
        assertThat(count).isGreaterThan(50_000);
        return max;
    }

    @FunctionalInterface
    private interface BinaryLonLat {
        double[] apply(double lon, double lat);
    }
}
