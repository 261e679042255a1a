package cn.gridwatch.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatchSettingsTest {

    @Test
    void defaults_are_gb_3095_2012_grade_two_three_kilometres_and_ten_sources() {
        DispatchSettings d = DispatchSettings.from(Map.of());
        assertThat(d.thresholds().asMap()).containsExactly(Map.entry("pm25", 75.0), Map.entry("pm10", 150.0),
                Map.entry("o3", 200.0), Map.entry("no2", 200.0), Map.entry("so2", 500.0), Map.entry("co", 10.0));
        assertThat(d.radiusM()).isEqualTo(3000);
        assertThat(d.maxSources()).isEqualTo(10);
    }

    @Test
    void environment_variables_override_each_value() {
        DispatchSettings d = DispatchSettings.from(Map.of("GRIDWATCH_DISPATCH_PM25", "35", "GRIDWATCH_DISPATCH_CO", "4",
                "GRIDWATCH_DISPATCH_RADIUS_M", "5000", "GRIDWATCH_DISPATCH_MAX_SOURCES", "25"));
        assertThat(d.thresholds().limit(Pollutant.PM25)).isEqualTo(35);
        assertThat(d.thresholds().limit(Pollutant.CO)).isEqualTo(4);
        assertThat(d.thresholds().limit(Pollutant.PM10)).isEqualTo(150);
        assertThat(d.radiusM()).isEqualTo(5000);
        assertThat(d.maxSources()).isEqualTo(25);
    }

    @Test
    void a_bad_value_names_the_variable() {
        assertThatThrownBy(() -> DispatchSettings.from(Map.of("GRIDWATCH_DISPATCH_O3", "high")))
                .hasMessageContaining("GRIDWATCH_DISPATCH_O3").hasMessageContaining("high");
        assertThatThrownBy(() -> DispatchSettings.from(Map.of("GRIDWATCH_DISPATCH_NO2", "-1")))
                .hasMessageContaining("GRIDWATCH_DISPATCH_NO2");
        assertThatThrownBy(() -> DispatchSettings.from(Map.of("GRIDWATCH_DISPATCH_RADIUS_M", "10")))
                .hasMessageContaining("GRIDWATCH_DISPATCH_RADIUS_M");
    }

    @Test
    void a_reading_exceeds_only_when_strictly_above_the_threshold() {
        Thresholds t = Thresholds.defaults();
        StationReading r = new StationReading("1001A", java.time.Instant.EPOCH, 75.0, 151.0, null, null, null, 10.5,
                null, null, null);
        assertThat(t.exceeded(r)).extracting(Thresholds.Trigger::pollutant).containsExactly("pm10", "co");
    }
}
