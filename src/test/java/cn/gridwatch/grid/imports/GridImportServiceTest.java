package cn.gridwatch.grid.imports;

import static cn.gridwatch.grid.GridTestFiles.box;
import static cn.gridwatch.grid.GridTestFiles.geojson;
import static cn.gridwatch.grid.GridTestFiles.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.grid.GridCell;
import cn.gridwatch.grid.GridCellDetail;
import cn.gridwatch.grid.GridCellRef;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.GridService;
import cn.gridwatch.grid.NotFoundException;
import cn.gridwatch.grid.qa.GridQaService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class GridImportServiceTest {
    private static final String EPSG4490 = "urn:ogc:def:crs:EPSG::4490";
    @RegisterExtension
    final GridwatchServerExtension database = GridwatchServerExtension.databaseOnly();
    private GridImportService imports;
    private GridService grid;

    @TempDir
    Path dir;

    @BeforeEach
    void open() {
        imports = new GridImportService(database.db(), new GridQaService(database.db()));
        grid = new GridService(database.db());
    }

    private Path townships(String name, String wktOf001) {
        return geojson(dir.resolve(name), EPSG4490, List.of(
                row("430102001", "文艺路街道", wktOf001),
                row("430102002", "韭菜园街道", box(113.01, 28.0, 113.02, 28.01))));
    }

    private ImportRequest request(Path file, LocalDate from) {
        return ImportRequest.builder(file, GridLevel.TOWNSHIP).validFrom(from).build();
    }

    @Test
    void a_new_file_is_inserted_with_12_digit_codes_and_parents_from_the_codes() {
        ImportReport r = imports.importFile(request(townships("t.geojson", box(113.0, 28.0, 113.01, 28.01)),
                LocalDate.of(2023, 1, 1)));

        assertThat(r.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(r.inserted()).isEqualTo(2);
        assertThat(r.sourceCrs()).isEqualTo("EPSG:4490");
        GridCellDetail d = grid.get("430102001", null);
        assertThat(d.cell().code()).isEqualTo("430102001000");
        assertThat(d.cell().name()).isEqualTo("文艺路街道");
        assertThat(d.cell().parentCode()).isEqualTo("430102000000");
        assertThat(d.cell().geometry().getSRID()).isEqualTo(4490);
        assertThat(grid.currentVersion()).isEqualTo(1);
        assertThat(database.number("select count(*) from grid_import")).isEqualTo(1);
        assertThat(r.qa()).isNotNull();
    }

    @Test
    void re_importing_the_same_file_changes_nothing() {
        Path f = townships("t.geojson", box(113.0, 28.0, 113.01, 28.01));
        imports.importFile(request(f, LocalDate.of(2023, 1, 1)));
        long rows = database.number("select count(*) from grid_cell");

        ImportReport again = imports.importFile(request(f, LocalDate.of(2024, 6, 1)));

        assertThat(again.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(again.inserted() + again.replaced()).isZero();
        assertThat(again.gridVersion()).isNull();
        assertThat(database.number("select count(*) from grid_cell")).isEqualTo(rows);
        assertThat(database.number("select count(*) from grid_cell where valid_to is not null")).isZero();
        assertThat(grid.currentVersion()).isEqualTo(1);
    }

    @Test
    void a_changed_boundary_becomes_a_new_version_and_the_old_one_stays_queryable_by_date() {
        imports.importFile(request(townships("v1.geojson", box(113.0, 28.0, 113.01, 28.01)), LocalDate.of(2023, 1, 1)));
        ImportReport v2 = imports.importFile(request(townships("v2.geojson", box(113.0, 28.0, 113.005, 28.01)),
                LocalDate.of(2025, 1, 1)));

        assertThat(v2.replaced()).isEqualTo(1);
        assertThat(v2.unchanged()).isEqualTo(1);
        List<GridCell> history = grid.history("430102001000");
        assertThat(history).extracting(GridCell::validFrom)
                .containsExactly(LocalDate.of(2023, 1, 1), LocalDate.of(2025, 1, 1));
        assertThat(history.get(0).validTo()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(grid.get("430102001", LocalDate.of(2024, 6, 1)).cell().geometry().getArea())
                .isCloseTo(1e-4, offset(1e-9));
        assertThat(grid.get("430102001", LocalDate.of(2025, 6, 1)).cell().geometry().getArea())
                .isCloseTo(5e-5, offset(1e-9));
        // a point in the part that 430102001 lost in 2025
        assertThat(grid.locateSql(113.008, 28.005, LocalDate.of(2024, 6, 1))).extracting(GridCellRef::code)
                .containsExactly("430102001000");
        assertThat(grid.locateSql(113.008, 28.005, LocalDate.of(2025, 6, 1))).isEmpty();
        assertThat(grid.currentVersion()).isEqualTo(2);
    }

    @Test
    void a_version_starting_before_the_current_one_is_rejected() {
        imports.importFile(request(townships("v1.geojson", box(113.0, 28.0, 113.01, 28.01)), LocalDate.of(2025, 1, 1)));
        ImportReport r = imports.importFile(request(townships("v0.geojson", box(113.0, 28.0, 113.02, 28.01)),
                LocalDate.of(2023, 1, 1)));

        assertThat(r.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(r.rejections()).singleElement().satisfies(x -> {
            assertThat(x.feature()).isEqualTo(1);
            assertThat(x.reason()).contains("2023-01-01").contains("2025-01-01");
        });
    }

    @Test
    void one_bad_feature_rejects_the_whole_file_and_names_every_bad_feature() {
        Path f = geojson(dir.resolve("bad.geojson"), EPSG4490, List.of(
                row("430102001", "文艺路街道", box(113.0, 28.0, 113.01, 28.01)),
                row("43010200X", "坏代码", box(113.01, 28.0, 113.02, 28.01)),
                row("430102003", "没有几何", null),
                row("430102", "县级代码", box(113.02, 28.0, 113.03, 28.01)),
                row("430102005", "点", "POINT (113 28)"),
                row("430102001", "重复", box(113.03, 28.0, 113.04, 28.01))));

        ImportReport r = imports.importFile(request(f, LocalDate.of(2023, 1, 1)));

        assertThat(r.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(r.rejections()).extracting(Rejection::feature).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(r.rejections().get(1).reason()).contains("43010200X");
        assertThat(r.rejections().get(2).reason()).contains("geometry is missing");
        assertThat(r.rejections().get(3).reason()).contains("county").contains("township");
        assertThat(r.rejections().get(4).reason()).contains("Point");
        assertThat(r.rejections().get(0).reason()).contains("duplicate code").contains("features 1, 6");
        assertThat(database.number("select count(*) from grid_cell")).isZero();
        assertThat(database.number("select count(*) from grid_import")).isZero();
        assertThat(grid.currentVersion()).isZero();
        assertThat(r.toText()).contains("nothing was written");
    }

    @Test
    void coordinates_outside_the_declared_crs_are_rejected_with_the_coordinate() {
        Path f = geojson(dir.resolve("far.geojson"), EPSG4490, List.of(
                row("430102001", "远方", box(200.0, 28.0, 200.01, 28.01))));

        ImportReport r = imports.importFile(request(f, LocalDate.of(2023, 1, 1)));

        assertThat(r.rejections()).singleElement().extracting(Rejection::reason).asString().contains("200.0").contains("EPSG:4490");
    }

    @Test
    void dry_run_reports_what_would_change_and_writes_nothing() {
        ImportReport r = imports.importFile(ImportRequest.builder(
                townships("t.geojson", box(113.0, 28.0, 113.01, 28.01)), GridLevel.TOWNSHIP).dryRun(true).build());

        assertThat(r.status()).isEqualTo(ImportStatus.DRY_RUN);
        assertThat(r.inserted()).isEqualTo(2);
        assertThat(database.number("select count(*) from grid_cell")).isZero();
    }

    @Test
    void an_invalid_polygon_is_stored_with_a_warning_or_repaired_when_asked() {
        String bowtie = "POLYGON((113 28, 113.01 28.01, 113.01 28, 113 28.01, 113 28))";
        ImportReport stored = imports.importFile(request(townships("bow.geojson", bowtie), LocalDate.of(2023, 1, 1)));
        assertThat(stored.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(stored.warnings()).anySatisfy(w -> assertThat(w).contains("Self-intersection"));
        assertThat(stored.qa().summary().get("invalid_geometry")).isEqualTo(1);

        ImportReport repaired = imports.importFile(ImportRequest.builder(townships("bow2.geojson", bowtie),
                GridLevel.TOWNSHIP).validFrom(LocalDate.of(2024, 1, 1)).repair(true).build());
        assertThat(repaired.repairs()).singleElement().satisfies(n -> {
            assertThat(n.code()).isEqualTo("430102001000");
            assertThat(n.areaAfterM2()).isBetween(0.5e6, 0.6e6); // two triangles: half of a ~1 km x 1.1 km box
        });
        assertThat(repaired.replaced()).isEqualTo(1);
        assertThat(grid.get("430102001", null).cell().geometry().isValid()).isTrue();
    }

    @Test
    void two_concurrent_imports_of_the_same_file_end_with_one_version_per_cell() throws Exception {
        Path f = townships("t.geojson", box(113.0, 28.0, 113.01, 28.01));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ImportReport>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> imports.importFile(request(f, LocalDate.of(2023, 1, 1)))));
            }
            int inserted = 0;
            int unchanged = 0;
            for (Future<ImportReport> run : runs) {
                inserted += run.get().inserted();
                unchanged += run.get().unchanged();
            }
            assertThat(inserted).isEqualTo(2);
            assertThat(unchanged).isEqualTo(2);
        } finally {
            pool.shutdown();
        }
        assertThat(database.number("select count(*) from grid_cell")).isEqualTo(2);
        assertThat(grid.currentVersion()).isEqualTo(1);
    }

    @Test
    void an_unknown_code_is_a_not_found_error_naming_the_code() {
        assertThatThrownBy(() -> grid.get("439999001", null))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("439999001");
    }

    @Test
    void a_file_without_a_declared_crs_that_is_not_geojson_is_refused_with_a_clear_message() throws Exception {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "code,name,wkt\n430102001,甲,\"" + box(113, 28, 113.01, 28.01) + "\"\n");
        assertThatThrownBy(() -> imports.importFile(request(csv, LocalDate.of(2023, 1, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declare");
    }
}
