package cn.gridwatch.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UpwindWeightTest {

    @Test
    void in_a_north_wind_the_source_north_of_the_station_is_upwind_and_the_one_south_downwind() {
        assertThat(UpwindWeight.windFactor(0.0, 0.0, 3.0)).isEqualTo(1.0);
        assertThat(UpwindWeight.windFactor(180.0, 0.0, 3.0)).isCloseTo(UpwindWeight.FLOOR, within(1e-12));
        assertThat(UpwindWeight.windFactor(90.0, 0.0, 3.0)).isCloseTo(0.6, within(1e-12));
        assertThat(UpwindWeight.windFactor(270.0, 0.0, 3.0)).isCloseTo(0.6, within(1e-12));
        // bearings wrap: 350° and 10° are both 10° off a north wind
        assertThat(UpwindWeight.windFactor(350.0, 0.0, 3.0)).isCloseTo(UpwindWeight.windFactor(10.0, 0.0, 3.0), within(1e-12));
        assertThat(UpwindWeight.windFactor(10.0, 350.0, 3.0)).isCloseTo(UpwindWeight.windFactor(0.0, 20.0, 3.0), within(1e-12));
    }

    @Test
    void calm_air_or_no_wind_direction_weighs_every_direction_alike() {
        assertThat(UpwindWeight.windFactor(180.0, 0.0, 0.2)).isEqualTo(1.0);
        assertThat(UpwindWeight.windFactor(180.0, null, 3.0)).isEqualTo(1.0);
        assertThat(UpwindWeight.windFactor(null, 0.0, 3.0)).isEqualTo(1.0);
        assertThat(UpwindWeight.windFactor(180.0, 0.0, null)).isCloseTo(UpwindWeight.FLOOR, within(1e-12));
    }

    @Test
    void weight_decays_linearly_from_one_at_the_station_to_a_tenth_at_the_radius() {
        assertThat(UpwindWeight.weight(0, 0.0, 0.0, 3.0, 3000)).isEqualTo(1.0);
        assertThat(UpwindWeight.weight(3000, 0.0, 0.0, 3.0, 3000)).isCloseTo(0.1, within(1e-12));
        assertThat(UpwindWeight.weight(1500, 0.0, 0.0, 3.0, 3000)).isCloseTo(0.55, within(1e-12));
        assertThat(UpwindWeight.weight(1000, 180.0, 0.0, 3.0, 3000)).isCloseTo(0.7 * 0.2, within(1e-12));
    }

    @Test
    void a_source_two_kilometres_upwind_outranks_one_half_a_kilometre_downwind() {
        double upwind = UpwindWeight.weight(2000, 45.0, 45.0, 4.0, 3000);
        double downwind = UpwindWeight.weight(500, 225.0, 45.0, 4.0, 3000);
        assertThat(upwind).isGreaterThan(downwind);
    }
}
