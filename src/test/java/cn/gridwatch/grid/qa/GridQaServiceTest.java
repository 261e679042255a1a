package cn.gridwatch.grid.qa;

import static cn.gridwatch.grid.GridTestFiles.box;
import static cn.gridwatch.grid.GridTestFiles.geojson;
import static cn.gridwatch.grid.GridTestFiles.row;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.grid.GridJson;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.GridService;
import cn.gridwatch.grid.GridTestFiles.Row;
import cn.gridwatch.grid.imports.GridImportService;
import cn.gridwatch.grid.imports.ImportRequest;
import cn.gridwatch.grid.imports.ImportStatus;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deliberately broken little city (0.01° is about 1 km here):
 * <pre>
 *  28.3 +-----------+-----------+      430100 city = 430102 (west) + 430103 (east)
 *       |  003  |gap|002*|bow|  |      430102: 001 and 002 overlap by 0.01°, 003 leaves a gap
 *  28.2 +-------+---+----+---+--+--+   430103: 001 sticks out east of the city, 002* lies in 430102,
 *       | 001 |X| 002 |     | 001  |   bow is a self-intersecting bowtie
 *  28.1 +-----+-+-----+-----+------+   village 430102009001 has no township 430102009
 *     112.9       113.0       113.1
 * </pre>
 */
class GridQaServiceTest {
    @RegisterExtension
    static final GridwatchServerExtension database = GridwatchServerExtension.databaseOnly();
    private static GridQaService qa;
    private static QaReport report;

    @TempDir
    static Path dir;

    @BeforeAll
    static void importBrokenCity() {
        qa = new GridQaService(database.db());
        GridImportService imports = new GridImportService(database.db(), qa);
        load(imports, GridLevel.CITY, row("430100", "长沙市", box(112.9, 28.1, 113.1, 28.3)));
        load(imports, GridLevel.COUNTY,
                row("430102", "芙蓉区", box(112.9, 28.1, 113.0, 28.3)),
                row("430103", "天心区", box(113.0, 28.1, 113.1, 28.3)));
        load(imports, GridLevel.TOWNSHIP,
                row("430102001", "文艺路街道", box(112.9, 28.1, 112.95, 28.2)),
                row("430102002", "朝阳街道", box(112.94, 28.1, 113.0, 28.2)),
                row("430102003", "东湖街道", box(112.9, 28.2, 112.98, 28.3)),
                row("430103001", "坡子街街道", box(113.05, 28.1, 113.12, 28.2)),
                row("430103002", "城南路街道", box(112.98, 28.25, 113.0, 28.3)),
                row("430103003", "蝴蝶街道", "POLYGON((113.0 28.2, 113.05 28.3, 113.05 28.2, 113.0 28.3, 113.0 28.2))"));
        load(imports, GridLevel.VILLAGE, row("430102009001", "孤儿村", box(112.91, 28.11, 112.92, 28.12)));
        report = qa.report(QaRequest.all());
    }

    private static void load(GridImportService imports, GridLevel level, Row... rows) {
        Path f = geojson(dir.resolve(level.id() + ".geojson"), "EPSG:4490", List.of(rows));
        assertThat(imports.importFile(ImportRequest.builder(f, level).validFrom(LocalDate.of(2024, 1, 1)).qa(false)
                .build()).status()).isEqualTo(ImportStatus.COMMITTED);
    }

    @Test
    void the_bowtie_is_an_invalid_geometry_with_what_repair_would_do() {
        assertThat(report.ofType(QaFinding.INVALID_GEOMETRY)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("430103003000");
            assertThat(f.detail()).contains("Self-intersection").contains("MULTIPOLYGON");
        });
    }

    @Test
    void overlapping_siblings_are_reported_with_the_shared_area() {
        assertThat(report.ofType(QaFinding.OVERLAP)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("430102001000");
            assertThat(f.otherCode()).isEqualTo("430102002000");
            assertThat(f.areaM2()).isBetween(10.0e6, 12.0e6); // 0.01° x 0.1° at 28°N
        });
    }

    @Test
    void the_gap_left_in_a_county_is_reported_with_its_area_and_a_point() {
        QaFinding gap = report.ofType(QaFinding.COVERAGE_GAP).stream()
                .filter(f -> f.code().equals("430102000000")).findFirst().orElseThrow();
        assertThat(gap.areaM2()).isBetween(20.0e6, 23.0e6); // 0.02° x 0.1°
        assertThat(gap.point()).startsWith("POINT(112.9");
        assertThat(report.ofType(QaFinding.COVERAGE_GAP)).noneMatch(f -> f.code().equals("430100000000"));
    }

    @Test
    void a_township_sticking_out_of_its_county_is_a_child_outside_its_parent() {
        assertThat(report.ofType(QaFinding.CHILD_OUTSIDE_PARENT))
                .filteredOn(f -> f.code().equals("430103001000")).singleElement().satisfies(f -> {
                    assertThat(f.otherCode()).isEqualTo("430103000000");
                    assertThat(f.areaM2()).isBetween(20.0e6, 23.0e6);
                });
    }

    @Test
    void a_township_lying_in_another_county_is_a_parent_mismatch_naming_both() {
        assertThat(report.ofType(QaFinding.PARENT_MISMATCH)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("430103002000");
            assertThat(f.otherCode()).isEqualTo("430102000000");
            assertThat(f.detail()).contains("430103000000").contains("芙蓉区");
        });
    }

    @Test
    void a_village_whose_township_is_not_stored_has_a_missing_parent() {
        assertThat(report.ofType(QaFinding.MISSING_PARENT)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("430102009001");
            assertThat(f.otherCode()).isEqualTo("430102009000");
        });
    }

    @Test
    void the_summary_counts_every_type_and_renders_as_text_and_json() {
        assertThat(report.summary()).containsKeys(QaFinding.TYPES.toArray(String[]::new));
        assertThat(report.summary().get(QaFinding.MALFORMED_CODE)).isZero();
        assertThat(report.cellCount()).isEqualTo(10);
        assertThat(report.toText()).contains("overlap").contains("文艺路街道");
        assertThat(GridJson.write(report)).contains("\"coverage_gap\"");
    }

    @Test
    void a_subtree_report_checks_only_that_subtree() {
        QaReport sub = qa.report(QaRequest.under("430102"));
        assertThat(sub.cellCount()).isEqualTo(5);
        assertThat(sub.ofType(QaFinding.OVERLAP)).hasSize(1);
        assertThat(sub.ofType(QaFinding.INVALID_GEOMETRY)).isEmpty();
    }

    @Test
    void repair_makes_the_bowtie_valid_as_a_new_version_and_keeps_the_old_one() {
        List<QaRepair> repairs = qa.repair(QaRequest.under("430103003"), LocalDate.of(2025, 1, 1));

        assertThat(repairs).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("new_version");
            assertThat(r.areaAfterM2()).isBetween(25e6, 30e6); // two triangles, half of 0.05° x 0.1°
        });
        GridService grid = new GridService(database.db());
        assertThat(grid.history("430103003")).hasSize(2);
        assertThat(grid.get("430103003", null).cell().geometry().isValid()).isTrue();
        assertThat(qa.report(QaRequest.under("430103003")).ofType(QaFinding.INVALID_GEOMETRY)).isEmpty();
    }
}
