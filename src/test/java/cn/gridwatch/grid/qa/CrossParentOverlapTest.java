package cn.gridwatch.grid.qa;

import static cn.gridwatch.grid.GridTestFiles.box;
import static cn.gridwatch.grid.GridTestFiles.geojson;
import static cn.gridwatch.grid.GridTestFiles.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.GridTestFiles.Row;
import cn.gridwatch.grid.imports.GridImportService;
import cn.gridwatch.grid.imports.ImportRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Overlaps between cells of different parents, which the former pruning (siblings, or a child
 * sticking out of its parent) did not look at:
 * <pre>
 *  28.2 +--------+--+--------+   counties 430102 and 430103 overlap by 0.02°;
 *       | 430102 |XX| 430103 |   townships 430102001 and 430103001 fill the overlap from both sides,
 *  28.1 +--------+--+--------+   each inside its own county
 *     112.9   112.98 113.0  113.1
 * </pre>
 */
class CrossParentOverlapTest {
    @RegisterExtension
    final GridwatchServerExtension database = GridwatchServerExtension.databaseOnly();

    @TempDir
    Path dir;

    @Test
    void townships_of_overlapping_counties_are_reported_as_overlapping_too() {
        GridQaService qa = new GridQaService(database.db());
        GridImportService imports = new GridImportService(database.db(), qa);
        load(imports, GridLevel.CITY, row("430100", "长沙市", box(112.9, 28.1, 113.1, 28.2)));
        load(imports, GridLevel.COUNTY,
                row("430102", "芙蓉区", box(112.9, 28.1, 113.0, 28.2)),
                row("430103", "天心区", box(112.98, 28.1, 113.1, 28.2)));
        load(imports, GridLevel.TOWNSHIP,
                row("430102001", "文艺路街道", box(112.9, 28.1, 113.0, 28.2)),
                row("430103001", "坡子街街道", box(112.98, 28.1, 113.1, 28.2)));

        QaReport report = qa.report(QaRequest.all());

        assertThat(report.ofType(QaFinding.OVERLAP)).extracting(QaFinding::code, QaFinding::otherCode)
                .containsExactly(tuple("430102000000", "430103000000"),
                        tuple("430102001000", "430103001000"));
        assertThat(report.ofType(QaFinding.OVERLAP)).allSatisfy(f ->
                assertThat(f.areaM2()).isBetween(20.0e6, 23.0e6)); // 0.02° x 0.1° at 28°N
        assertThat(report.ofType(QaFinding.CHILD_OUTSIDE_PARENT)).isEmpty();
    }

    private void load(GridImportService imports, GridLevel level, Row... rows) {
        Path f = geojson(dir.resolve(level.id() + ".geojson"), "EPSG:4490", List.of(rows));
        imports.importFile(ImportRequest.builder(f, level).qa(false).build());
    }
}
