package cn.gridwatch.register;

import static cn.gridwatch.TestGrids.box;
import static cn.gridwatch.TestGrids.fc;
import static cn.gridwatch.TestGrids.feature;
import static cn.gridwatch.register.Uploads.upload;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.TestHttp.Reply;
import cn.gridwatch.grid.GridLocateService;
import cn.gridwatch.grid.GridService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Start-up re-assignment skips the scan of the located rows when {@code register_grid_state} already
 * holds the grid: after a restart on the same day, and on a later day when no cell starts or ends in
 * between; a boundary change scheduled for that later day is still applied.
 */
class ReassignRestartTest {
    @RegisterExtension
    final GridwatchServerExtension server = GridwatchServerExtension.withSmallCity();

    @Test
    void a_restart_with_an_unchanged_grid_does_not_re_scan_the_registers() {
        ok(upload(server.http(), "sources", "s.csv", "code,name,category,lon,lat\nS-1,一号厂,enterprise,112.4,27.5\n"
                + "S-2,二号厂,enterprise,113.5,27.5\n", null));
        new RegisterReassigner(server.db(), locateOn(0)).reassign(); // settles what the import's NOTIFY started
        long assignments = server.number("select count(*) from grid_assignment");
        String reassignedAt = server.text("select reassigned_at::text from register_grid_state");

        server.otherInstance(); // its start-up re-assignment
        assertThat(server.number("select count(*) from grid_assignment")).isEqualTo(assignments);
        assertThat(server.text("select reassigned_at::text from register_grid_state")).isEqualTo(reassignedAt);

        RegisterReassigner.Result nextDay = new RegisterReassigner(server.db(), locateOn(1)).reassign();
        assertThat(nextDay.alreadyApplied()).as("the same cells are valid tomorrow").isTrue();
        assertThat(nextDay.tables()).as("no table was scanned").isEmpty();
        assertThat(server.text("select grid_date::text from register_grid_state")).isEqualTo(day(1).toString());
        assertThat(server.number("select count(*) from grid_assignment")).isEqualTo(assignments);
        assertThat(server.text("select reassigned_at::text from register_grid_state")).isEqualTo(reassignedAt);
    }

    @Test
    void a_boundary_change_that_takes_effect_on_a_later_day_is_applied_on_that_day() {
        ok(upload(server.http(), "sources", "s.csv", "code,name,category,lon,lat\nS-MOVE,移动厂,enterprise,112.4,27.5\n",
                null));
        // from tomorrow the village boundary lies at 112.3, so 112.4 moves from village 001 to 002
        Reply grid = server.http().post("/api/grids/import?level=village&crs=EPSG:4490&validFrom=" + day(1)
                + "&filename=v.geojson", fc(feature("430102001001", "解放东村社区", box(112, 27, 112.3, 28)),
                        feature("430102001002", "马王堆社区", box(112.3, 27, 113, 28))).getBytes(StandardCharsets.UTF_8),
                "application/geo+json");
        assertThat(grid.status()).as(grid.body()).isEqualTo(201);
        RegisterReassigner.Result today = new RegisterReassigner(server.db(), locateOn(0)).reassign();
        assertThat(today.changed()).isZero();
        assertThat(server.text("select village_code from pollution_source where code = 'S-MOVE'"))
                .isEqualTo("430102001001");

        RegisterReassigner.Result tomorrow = new RegisterReassigner(server.db(), locateOn(1)).reassign();
        assertThat(tomorrow.alreadyApplied()).isFalse();
        assertThat(tomorrow.changed()).isEqualTo(1);
        assertThat(server.text("select village_code from pollution_source where code = 'S-MOVE'"))
                .isEqualTo("430102001002");
    }

    private static LocalDate day(int fromToday) {
        return LocalDate.now(Clock.systemDefaultZone()).plusDays(fromToday);
    }

    private GridLocateService locateOn(int daysFromToday) {
        return new GridLocateService(new GridService(server.db()),
                Clock.offset(Clock.systemDefaultZone(), Duration.ofDays(daysFromToday)));
    }

    private static void ok(Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
}
