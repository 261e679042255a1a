package cn.gridwatch.grid.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {
    @TempDir
    Path dir;

    @Test
    void province_mode_writes_the_four_files_and_reports_the_counts() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new GenerateCommand());
        cmd.setOut(new PrintWriter(out));
        int code = cmd.execute("--mode", "province", "--cities", "2", "--townships-per-county", "3",
                "--villages-per-township", "3", "--seed", "3", "--out", dir.toString());
        assertThat(code).isZero();
        assertThat(out.toString()).containsPattern("city +2 ");
        for (String f : new String[] {"city", "counties", "townships", "villages"}) {
            assertThat(dir.resolve(f + ".geojson")).isNotEmptyFile();
        }
        assertThat(Files.exists(dir.resolve("README.md"))).as("only the demo gets a README").isFalse();
    }

    @Test
    void counties_mode_without_a_file_is_a_usage_error_naming_the_option() {
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new GenerateCommand());
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute("--mode", "counties", "--out", dir.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--counties FILE");
    }

    @Test
    void the_bench_scale_goes_with_the_demo_mode_only() {
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new GenerateCommand());
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute("--mode", "province", "--scale", "bench", "--out", dir.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--scale goes with --mode demo only");
        assertThat(dir.resolve("villages.geojson")).doesNotExist();
    }
}
