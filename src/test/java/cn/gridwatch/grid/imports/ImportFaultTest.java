package cn.gridwatch.grid.imports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.db.Database;
import cn.gridwatch.db.TestDatabase;
import cn.gridwatch.grid.GridKind;
import cn.gridwatch.grid.GridLevel;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports under faults: an import process killed with SIGKILL in the middle of writing leaves
 * nothing behind and the same file then imports fully; two imports of the same file at once end
 * like one import.
 */
class ImportFaultTest {
    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    @RegisterExtension
    final GridwatchServerExtension database = GridwatchServerExtension.databaseOnly();

    @TempDir
    static Path dir;
    private static Path big;

    @BeforeAll
    static void writeFile() throws Exception {
        big = SyntheticVillages.write(dir.resolve("villages.geojson"), 200, 100); // 20,000 villages
    }

    @Test
    @Timeout(180)
    void an_import_killed_with_sigkill_while_writing_leaves_nothing_and_the_same_file_then_imports_fully()
            throws Exception {
        long versionBefore = scalar(database.db(), "select version from grid_version");
        ProcessBuilder pb = new ProcessBuilder(command("import", big.toString(), "--level", "village", "--crs",
                "EPSG:4490", "--valid-from", "2024-01-01", "--no-qa")).redirectErrorStream(true);
        pb.environment().put("GRIDWATCH_DB_URL", database.fresh().url());
        pb.environment().put("GRIDWATCH_DB_USER", TestDatabase.user());
        pb.environment().put("GRIDWATCH_DB_PASSWORD", TestDatabase.password());
        Process p = pb.start();
        String seen = killOnceWriting(p);
        assertThat(seen).as("the child was killed in the write phase").startsWith("write ");
        System.out.println("import child killed with SIGKILL after progress '" + seen + "'");

        assertThat(scalar(database.db(), "select count(*) from grid_cell")).isZero();
        assertThat(scalar(database.db(), "select count(*) from grid_import")).isZero();
        assertThat(scalar(database.db(), "select version from grid_version")).isEqualTo(versionBefore);

        ImportReport again = new GridImportService(database.db(), null).importFile(
                ImportRequest.builder(big, GridLevel.VILLAGE).kind(GridKind.ADMIN).crs("EPSG:4490").validFrom(FROM)
                        .qa(false).build());
        assertThat(again.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(again.inserted()).isEqualTo(20_000);
        assertThat(scalar(database.db(), "select count(*) from grid_cell where valid_to is null")).isEqualTo(20_000);
        assertThat(scalar(database.db(), "select count(*) from grid_import")).isEqualTo(1);
    }

    @Test
    @Timeout(120)
    void two_imports_of_the_same_file_at_once_end_like_one() throws Exception {
        Path file = SyntheticVillages.write(dir.resolve("small.geojson"), 20, 100);
        try (Database second = Database.open(database.fresh().url(), TestDatabase.user(), TestDatabase.password(),
                4)) {
            long versionBefore = scalar(database.db(), "select version from grid_version");
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<ImportReport>> runs = new ArrayList<>();
            for (Database instance : List.of(database.db(), second)) {
                runs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new GridImportService(instance, null).importFile(ImportRequest.builder(file, GridLevel.VILLAGE)
                            .kind(GridKind.ADMIN).crs("EPSG:4490").validFrom(FROM).qa(false).build());
                }));
            }
            go.countDown();
            ImportReport a = runs.get(0).get(90, TimeUnit.SECONDS);
            ImportReport b = runs.get(1).get(90, TimeUnit.SECONDS);
            assertThat(List.of(a.status(), b.status())).containsOnly(ImportStatus.COMMITTED);
            assertThat(List.of(a.inserted(), b.inserted())).containsExactlyInAnyOrder(2000, 0);
            assertThat(List.of(a.unchanged(), b.unchanged())).containsExactlyInAnyOrder(0, 2000);
            assertThat(scalar(database.db(), "select count(*) from grid_cell")).isEqualTo(2000);
            assertThat(scalar(database.db(), "select count(*) from (select code from grid_cell where valid_to is null"
                    + " group by code, kind having count(*) > 1) d")).isZero();
            assertThat(scalar(database.db(), "select version from grid_version")).isEqualTo(versionBefore + 1);
        }
    }

    /** Reads the child's progress; kills it (SIGKILL) at the first write progress short of the total. */
    private static String killOnceWriting(Process p) throws Exception {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder all = new StringBuilder();
            while ((line = r.readLine()) != null) {
                all.append(line).append('\n');
                if (line.matches("write [1-9]\\d*/\\d+")) {
                    String[] n = line.substring(6).split("/");
                    if (!n[0].equals(n[1])) {
                        p.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback from the client
                        p.waitFor(30, TimeUnit.SECONDS);
                        return line;
                    }
                }
            }
            p.waitFor(30, TimeUnit.SECONDS);
            return "the import ended (exit " + p.exitValue() + ") before it could be killed:\n" + all;
        }
    }

    static List<String> command(String... args) {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", cp.replace(File.pathSeparator + File.pathSeparator, File.pathSeparator),
                "cn.gridwatch.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static long scalar(Database db, String sql) {
        return db.withConnection(sql, c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
