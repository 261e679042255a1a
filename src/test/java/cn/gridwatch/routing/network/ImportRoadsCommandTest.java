package cn.gridwatch.routing.network;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.db.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportRoadsCommandTest {
    private static TestDatabase.Fresh db;

    @TempDir
    Path tmp;

    @BeforeAll
    static void open() {
        db = TestDatabase.fresh();
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new ImportRoadsCommand(db::db));
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return new Run(cmd.execute(args), out.toString(), err.toString());
    }

    @Test
    void import_roads_prints_the_report_and_a_second_run_is_unchanged() {
        Run first = run(RoadFixture.tinyOsm().toString(), "--name", "cli-tiny");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("road network 'cli-tiny' imported").contains("10 vertices, 12 edges (6 one-way)")
                .contains("1 node references missing");
        Run again = run(RoadFixture.tinyOsm().toString(), "--name", "cli-tiny", "--json");
        assertThat(again.out()).contains("\"status\":\"unchanged\"");
        Run forced = run(RoadFixture.tinyOsm().toString(), "--name", "cli-tiny", "--force");
        assertThat(forced.out()).contains("road network 'cli-tiny' replaced");
    }

    @Test
    void a_bad_file_exits_2_with_the_reason_and_a_bad_name_is_refused() throws Exception {
        Path bad = tmp.resolve("bad.osm");
        Files.writeString(bad, "<osm><way id='1'><nd ref='1'/>");
        Run r = run(bad.toString(), "--name", "bad");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("import-roads refused").contains("bad.osm");
        Run name = run(RoadFixture.tinyOsm().toString(), "--name", "a b");
        assertThat(name.code()).isNotZero();
        Run missing = run(RoadFixture.tinyOsm().toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("--name");
    }
}
