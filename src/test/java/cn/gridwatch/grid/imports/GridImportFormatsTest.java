package cn.gridwatch.grid.imports;

import static cn.gridwatch.grid.GridTestFiles.box;
import static cn.gridwatch.grid.GridTestFiles.geojson;
import static cn.gridwatch.grid.GridTestFiles.ogr2ogr;
import static cn.gridwatch.grid.GridTestFiles.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.grid.GridCell;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.GridService;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every source format reads the same two townships, Chinese names intact. One database per class. */
class GridImportFormatsTest {
    private static final Charset GBK = Charset.forName("GBK");
    @RegisterExtension
    static final GridwatchServerExtension database = GridwatchServerExtension.databaseOnly();
    private GridImportService imports;
    private GridService grid;

    @TempDir
    Path dir;

    @BeforeEach
    void clean() {
        database.exec("delete from grid_cell; delete from grid_import");
        imports = new GridImportService(database.db(), null);
        grid = new GridService(database.db());
    }

    private Path source() {
        return geojson(dir.resolve("src.geojson"), "urn:ogc:def:crs:EPSG::4490", List.of(
                row("430102001", "芙蓉街道", box(113.0, 28.0, 113.01, 28.01)),
                row("430102002", "韭菜园街道", box(113.01, 28.0, 113.02, 28.01))));
    }

    private ImportReport importOf(ImportRequest.Builder b) {
        ImportReport r = imports.importFile(b.build());
        assertThat(r.rejections()).isEmpty();
        assertThat(r.status()).isEqualTo(ImportStatus.COMMITTED);
        return r;
    }

    private void assertTownshipsStored() {
        List<GridCell> cells = grid.loadSnapshot(null);
        assertThat(cells).extracting(GridCell::name).containsExactly("芙蓉街道", "韭菜园街道");
        assertThat(cells.get(0).geometry().getEnvelopeInternal().getMinX()).isBetween(112.9999, 113.0001);
    }

    @Test
    void a_shapefile_with_a_gbk_cpg_keeps_its_chinese_names() {
        Path shp = dir.resolve("towns.shp");
        ogr2ogr("-f", "ESRI Shapefile", "-lco", "ENCODING=CP936", shp.toString(), source().toString());
        assertThat(dir.resolve("towns.cpg")).hasContent("CP936");

        ImportReport r = importOf(ImportRequest.builder(shp, GridLevel.TOWNSHIP));

        assertThat(r.sourceCrs()).isEqualTo("EPSG:4490");
        assertTownshipsStored();
    }

    @Test
    void a_shapefile_without_cpg_is_read_in_the_declared_encoding() throws IOException {
        Path shp = dir.resolve("towns.shp");
        ogr2ogr("-f", "ESRI Shapefile", "-lco", "ENCODING=CP936", shp.toString(), source().toString());
        Files.delete(dir.resolve("towns.cpg"));

        importOf(ImportRequest.builder(shp, GridLevel.TOWNSHIP).encoding(GBK));

        assertTownshipsStored();
    }

    @Test
    void a_zipped_shapefile_is_read_through_vsizip() throws IOException {
        ogr2ogr("-f", "ESRI Shapefile", "-lco", "ENCODING=CP936", dir.resolve("towns.shp").toString(),
                source().toString());
        Path zip = dir.resolve("towns.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String ext : List.of("shp", "shx", "dbf", "prj", "cpg")) {
                z.putNextEntry(new ZipEntry("towns." + ext));
                z.write(Files.readAllBytes(dir.resolve("towns." + ext)));
                z.closeEntry();
            }
        }

        importOf(ImportRequest.builder(zip, GridLevel.TOWNSHIP));

        assertTownshipsStored();
    }

    @Test
    void a_geopackage_layer_is_read_with_its_crs() {
        Path gpkg = dir.resolve("towns.gpkg");
        ogr2ogr("-f", "GPKG", "-nln", "towns", gpkg.toString(), source().toString());

        ImportReport r = importOf(ImportRequest.builder(gpkg, GridLevel.TOWNSHIP));

        assertThat(r.sourceCrs()).isEqualTo("EPSG:4490");
        assertTownshipsStored();
    }

    @Test
    void a_missing_geopackage_layer_fails_with_gdals_message() {
        Path gpkg = dir.resolve("towns.gpkg");
        ogr2ogr("-f", "GPKG", "-nln", "towns", gpkg.toString(), source().toString());

        assertThatThrownBy(() -> imports.importFile(ImportRequest.builder(gpkg, GridLevel.TOWNSHIP)
                .layer("villages").build())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ogr2ogr failed").hasMessageContaining("villages");
    }

    private static final String CSV = "code,name,wkt\r\n"
            + "430102001,芙蓉街道,\"" + box(113.0, 28.0, 113.01, 28.01) + "\"\r\n"
            + "430102002,\"韭菜园街道\",\"" + box(113.01, 28.0, 113.02, 28.01) + "\"\r\n";

    @Test
    void a_utf8_csv_with_bom_and_quoted_wkt_is_read() throws IOException {
        Path csv = dir.resolve("towns.csv");
        Files.writeString(csv, "\uFEFF" + CSV, StandardCharsets.UTF_8);

        importOf(ImportRequest.builder(csv, GridLevel.TOWNSHIP).crs("EPSG:4490"));

        assertTownshipsStored();
    }

    @Test
    void a_gbk_csv_is_read_in_the_declared_encoding() throws IOException {
        Path csv = dir.resolve("towns.csv");
        try (OutputStream out = Files.newOutputStream(csv)) {
            out.write(CSV.getBytes(GBK));
        }

        importOf(ImportRequest.builder(csv, GridLevel.TOWNSHIP).crs("EPSG:4490").encoding(GBK));

        assertTownshipsStored();
    }

    @Test
    void csv_rejections_cite_the_line_where_the_record_starts() throws IOException {
        Path csv = dir.resolve("towns.csv");
        Files.writeString(csv, "code,name,geom\n"
                + "430102001,\"两行\n名字\",\"" + box(113.0, 28.0, 113.01, 28.01) + "\"\n"
                + "430102002,坏几何,\"POLYGON((113 28, 113.01 28\"\n");

        ImportReport r = imports.importFile(ImportRequest.builder(csv, GridLevel.TOWNSHIP).crs("EPSG:4490").build());

        assertThat(r.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(r.rejections()).singleElement().satisfies(x -> {
            assertThat(x.feature()).isEqualTo(4);
            assertThat(x.reason()).contains("WKT");
        });
    }
}
