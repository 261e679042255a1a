package cn.gridwatch.grid.imports;

import static cn.gridwatch.grid.GridTestFiles.box;
import static cn.gridwatch.grid.GridTestFiles.geojson;
import static cn.gridwatch.grid.GridTestFiles.ogr2ogr;
import static cn.gridwatch.grid.GridTestFiles.row;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.grid.GridCell;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.GridService;
import cn.gridwatch.grid.GridTestFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/** Each source CRS path ends in EPSG:4490 where the geometry belongs. */
class GridImportCrsTest {
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

    private Path source4490() {
        return geojson(dir.resolve("src.geojson"), "urn:ogc:def:crs:EPSG::4490", List.of(
                row("430102001", "芙蓉街道", box(113.0, 28.0, 113.01, 28.01))));
    }

    private Point storedCentroid() {
        List<GridCell> cells = grid.loadSnapshot(null);
        assertThat(cells).hasSize(1);
        return cells.get(0).geometry().getCentroid();
    }

    /** Metres between two lon/lat points (equirectangular; fine for the short distances here). */
    private static double metres(double lon1, double lat1, double lon2, double lat2) {
        double k = 111_320.0;
        double dx = (lon2 - lon1) * k * Math.cos(Math.toRadians((lat1 + lat2) / 2));
        return Math.hypot(dx, (lat2 - lat1) * k);
    }

    @Test
    void epsg_4490_is_stored_as_it_is() {
        imports.importFile(ImportRequest.builder(source4490(), GridLevel.TOWNSHIP).build());
        Point c = storedCentroid();
        assertThat(metres(c.getX(), c.getY(), 113.005, 28.005)).isLessThan(0.01);
    }

    @Test
    void web_mercator_from_the_file_crs_comes_back_to_the_same_place() {
        Path merc = dir.resolve("merc.geojson");
        ogr2ogr("-f", "GeoJSON", "-t_srs", "EPSG:3857", merc.toString(), source4490().toString());

        ImportReport r = imports.importFile(ImportRequest.builder(merc, GridLevel.TOWNSHIP).build());

        assertThat(r.sourceCrs()).isEqualTo("EPSG:3857");
        Point c = storedCentroid();
        assertThat(metres(c.getX(), c.getY(), 113.005, 28.005)).isLessThan(1);
    }

    @Test
    void a_gauss_krueger_zone_comes_back_to_the_same_place() {
        Path gk = dir.resolve("gk.geojson");
        ogr2ogr("-f", "GeoJSON", "-t_srs", "EPSG:4547", gk.toString(), source4490().toString());

        ImportReport r = imports.importFile(ImportRequest.builder(gk, GridLevel.TOWNSHIP).build());

        assertThat(r.sourceCrs()).isEqualTo("EPSG:4547");
        Point c = storedCentroid();
        assertThat(metres(c.getX(), c.getY(), 113.005, 28.005)).isLessThan(1);
    }

    @Test
    void the_changsha_gcj02_districts_are_shifted_back_by_hundreds_of_metres() {
        Path changsha = GridTestFiles.sharedData().resolve("boundaries/430100_changsha_districts.geojson");

        ImportReport r = imports.importFile(ImportRequest.builder(changsha, GridLevel.COUNTY).crs("GCJ-02").build());

        assertThat(r.rejections()).isEmpty();
        assertThat(r.inserted()).isBetween(6, 12);
        GridCell furong = grid.get("430102", null).cell();
        assertThat(furong.name()).isEqualTo("芙蓉区");
        // first vertex in the file: 112.986772, 28.185796 (GCJ-02)
        double nearest = Double.MAX_VALUE;
        for (Coordinate v : furong.geometry().getCoordinates()) {
            nearest = Math.min(nearest, metres(v.x, v.y, 112.986772, 28.185796));
        }
        assertThat(nearest).isBetween(200.0, 1000.0);
    }

    @Test
    void a_declared_crs_wins_over_the_files_and_the_conflict_is_warned() {
        Path wgs = geojson(dir.resolve("wgs.geojson"), "EPSG:4326", List.of(
                row("430102001", "芙蓉街道", box(113.0, 28.0, 113.01, 28.01))));

        ImportReport r = imports.importFile(ImportRequest.builder(wgs, GridLevel.TOWNSHIP).crs("GCJ-02").build());

        assertThat(r.sourceCrs()).isEqualTo("GCJ-02");
        assertThat(r.fileCrs()).isEqualTo("EPSG:4326");
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("EPSG:4326").contains("GCJ-02"));
    }
}
