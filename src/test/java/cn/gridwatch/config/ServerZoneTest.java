package cn.gridwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gridwatch.GridwatchServerExtension;
import java.time.ZoneId;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server's zone: Beijing time by default, one variable to change it, and database sessions follow it. */
class ServerZoneTest {
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.databaseOnly();

    @Test
    void beijing_time_unless_the_variable_names_another_zone() {
        assertThat(ServerZone.from(Map.of())).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(ServerZone.from(Map.of("GRIDWATCH_TIMEZONE", " "))).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(ServerZone.from(Map.of("GRIDWATCH_TIMEZONE", "Asia/Urumqi"))).isEqualTo(ZoneId.of("Asia/Urumqi"));
        assertThat(ServerZone.from(Map.of("GRIDWATCH_TIMEZONE", "UTC+08:00"))).isEqualTo(ZoneId.of("UTC+08:00"));
    }

    @Test
    void a_bad_zone_stops_start_up_naming_the_variable_and_the_value() {
        assertThatThrownBy(() -> ServerZone.from(Map.of("GRIDWATCH_TIMEZONE", "Beijing")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GRIDWATCH_TIMEZONE").hasMessageContaining("'Beijing'");
    }

    @Test
    void database_sessions_count_days_in_the_servers_zone() {
        TimeZone before = TimeZone.getDefault();
        assertThat(before.getID()).as("the test JVM runs in the server's default zone (pom: user.timezone)")
                .isEqualTo("Asia/Shanghai");
        assertThat(server.text("show timezone")).isEqualTo("Asia/Shanghai");
        assertThat(server.text("select (current_date = (now() at time zone 'Asia/Shanghai')::date)::text"))
                .isEqualTo("true");
    }
}
