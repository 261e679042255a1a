package cn.gridwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gridwatch.dispatch.DispatchSettings;
import cn.gridwatch.dispatch.Pollutant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings record: dispatch settings come from the same variables as before, read at start-up. */
class ConfigTest {
    private static Map<String, String> env(String... keyValues) {
        Map<String, String> env = new HashMap<>(Map.of("GRIDWATCH_DB_URL", "jdbc:postgresql://127.0.0.1:1/x"));
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return env;
    }

    @Test
    void dispatch_settings_default_to_grade_ii_and_take_the_dispatch_variables() {
        DispatchSettings defaults = Config.from(env()).dispatch();
        assertThat(defaults.thresholds().asMap()).isEqualTo(DispatchSettings.defaults().thresholds().asMap());
        assertThat(defaults.radiusM()).isEqualTo(3000.0);
        assertThat(defaults.maxSources()).isEqualTo(10);
        DispatchSettings d = Config.from(env("GRIDWATCH_DISPATCH_PM25", "35", "GRIDWATCH_DISPATCH_RADIUS_M", "1500",
                "GRIDWATCH_DISPATCH_MAX_SOURCES", "4")).dispatch();
        assertThat(d.thresholds().limit(Pollutant.PM25)).isEqualTo(35.0);
        assertThat(d.radiusM()).isEqualTo(1500.0);
        assertThat(d.maxSources()).isEqualTo(4);
    }

    @Test
    void an_invalid_dispatch_value_stops_start_up_naming_the_variable() {
        assertThatThrownBy(() -> Config.from(env("GRIDWATCH_DISPATCH_PM25", "lots")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GRIDWATCH_DISPATCH_PM25").hasMessageContaining("lots");
        assertThatThrownBy(() -> Config.from(env("GRIDWATCH_DISPATCH_MAX_SOURCES", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GRIDWATCH_DISPATCH_MAX_SOURCES").hasMessageContaining("1..1000");
    }
}
