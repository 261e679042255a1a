package cn.gridwatch.meters;

import static cn.gridwatch.meters.MeterDay.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.NavigableMap;
import org.junit.jupiter.api.Test;

class MeterAlertDetectorTest {
    private static final AlertSettings S = AlertSettings.defaults();

    private static List<AlertPeriod> detect(java.time.Instant from, java.time.Instant to) {
        NavigableMap<java.time.Instant, Double> production = MeterDay.production();
        double run = MeterAlertDetector.runThresholdKw(production.values().stream().mapToDouble(Double::doubleValue)
                .toArray(), S);
        return MeterAlertDetector.detect(production, MeterDay.control(), MeterDay.NORMAL_RATIO, run, from, to, S);
    }

    @Test
    void running_means_above_a_tenth_of_the_production_meters_own_90th_percentile() {
        double[] day = MeterDay.production().values().stream().mapToDouble(Double::doubleValue).toArray();
        assertThat(MeterAlertDetector.quantile(day, 0.9)).isEqualTo(100.0);
        assertThat(MeterAlertDetector.runThresholdKw(day, S)).isEqualTo(10.0);
        assertThat(MeterAlertDetector.quantile(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.9)).isEqualTo(9.0);
        assertThat(MeterAlertDetector.quantile(new double[0], 0.9)).isZero();
    }

    @Test
    void the_constructed_day_has_exactly_the_four_known_periods() {
        List<AlertPeriod> periods = detect(MeterDay.DAY, at(24, 0));
        assertThat(periods).extracting(AlertPeriod::start)
                .containsExactly(at(10, 0), at(13, 0), at(15, 0), at(15, 45));
        assertThat(periods).extracting(AlertPeriod::end)
                .containsExactly(at(11, 0), at(13, 30), at(15, 30), at(16, 15));
        assertThat(periods).extracting(AlertPeriod::intervals).containsExactly(4, 2, 2, 2);
        assertThat(periods.get(0).minRatio()).isZero();
        assertThat(periods.get(0).meanProductionKw()).isEqualTo(100.0);
        assertThat(periods.get(1).minRatio()).isEqualTo(0.1);
    }

    @Test
    void the_window_cuts_a_period_at_its_edges() {
        List<AlertPeriod> periods = detect(at(10, 30), at(13, 15));
        assertThat(periods).hasSize(1);
        assertThat(periods.get(0).start()).isEqualTo(at(10, 30));
        assertThat(periods.get(0).intervals()).isEqualTo(2);
    }

    @Test
    void a_longer_minimum_drops_the_short_periods_and_a_looser_ratio_adds_the_boundary_case() {
        NavigableMap<java.time.Instant, Double> p = MeterDay.production();
        List<AlertPeriod> longOnly = MeterAlertDetector.detect(p, MeterDay.control(), 0.5, 10, MeterDay.DAY, at(24, 0),
                new AlertSettings(0.1, 0.3, 3, 30));
        assertThat(longOnly).extracting(AlertPeriod::start).containsExactly(at(10, 0));
        List<AlertPeriod> loose = MeterAlertDetector.detect(p, MeterDay.control(), 0.5, 10, MeterDay.DAY, at(24, 0),
                new AlertSettings(0.1, 0.31, 2, 30));
        assertThat(loose).extracting(AlertPeriod::start).contains(at(14, 0));
    }

    @Test
    void a_production_meter_that_never_runs_flags_nothing() {
        assertThat(MeterAlertDetector.detect(MeterDay.production(), MeterDay.control(), 0.5, 0, MeterDay.DAY,
                at(24, 0), S)).isEmpty();
    }

    @Test
    void settings_out_of_range_name_the_field() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AlertSettings(0.1, 2, 2, 30))
                .hasMessageContaining("ratioFraction");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AlertSettings(0.1, 0.3, 0, 30))
                .hasMessageContaining("minIntervals");
    }
}
