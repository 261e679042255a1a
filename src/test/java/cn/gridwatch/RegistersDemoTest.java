package cn.gridwatch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.register.ImportRegisterCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The demo's register files load idempotently, and {@code import-register} imports from the command line. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistersDemoTest {
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.withSmallCity();

    @TempDir
    Path dir;

    @Test
    void loading_the_demo_registers_twice_changes_nothing_the_second_time() throws IOException {
        Files.writeString(dir.resolve("monitoring_points.csv"), "code,name,type,operator,status,valid_from,lon,lat\n"
                + "M1,站,national_air,,active,2020-01-01,112.25,27.6\n");
        Files.writeString(dir.resolve("sources.csv"), "code,name,category,lon,lat\nS1,厂,enterprise,112.25,27.5\n");
        Files.writeString(dir.resolve("station_chiefs.csv"), "station_code,person_name,title,phone,valid_from\n"
                + "M1,刘,主任,,2024-01-01\n");
        server.services().registers().loadDemo(dir);
        long rows = server.number("select (select count(*) from monitoring_point)"
                + " + (select count(*) from pollution_source)"
                + " + (select count(*) from station_chief) + (select count(*) from grid_assignment)");
        server.services().registers().loadDemo(dir);
        assertThat(server.number("select (select count(*) from monitoring_point)"
                + " + (select count(*) from pollution_source)"
                + " + (select count(*) from station_chief) + (select count(*) from grid_assignment)")).isEqualTo(rows);
        String demo = " and register in ('monitoring_point', 'pollution_source', 'station_chief')";
        assertThat(server.number("select count(*) from register_import where inserted + updated > 0" + demo))
                .isEqualTo(3);
        assertThat(server.number("select count(*) from register_import"
                + " where inserted + updated = 0 and unchanged = 1" + demo)).isEqualTo(3);
    }

    @Test
    void import_register_prints_the_report_and_exits_2_when_rows_are_refused() throws IOException {
        Path ok = dir.resolve("inspectors.csv");
        Files.writeString(ok, "code,name,county_code\nI1,周,430103\n");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "code,name,county_code\nI2,吴,999999\n");
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ImportRegisterCommand(server::db, Registers.SPECS));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        assertThat(cli.execute("inspectors", ok.toString())).isZero();
        assertThat(out.toString()).contains("committed").contains("1 inserted");
        assertThat(cli.execute("inspectors", bad.toString(), "--crs", "EPSG:4490")).isEqualTo(2);
        assertThat(out.toString()).contains("line 2, county_code: unknown county_code '999999000000'");
        assertThat(server.number("select count(*) from inspector")).isEqualTo(1);
        assertThat(server.number("select count(*) from audit_log"
                + " where action = 'register.import' and actor like 'cli:%'")).isEqualTo(1);
    }
}
