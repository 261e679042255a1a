package cn.gridwatch.grid.locate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gridwatch.grid.GridCell;
import cn.gridwatch.grid.GridKind;
import cn.gridwatch.grid.GridLevel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A small hand-drawn city in WKT (x = lon, y = lat, units arbitrary):
 * <pre>
 *  y=10 +---------+---------+-------------------+
 *       |   V2    |   V4    |  T3 (no villages   |
 *       |   T1    |   T2    |  apart from V5..V9)|
 *  y=5  +---------+---------+   [hole 14..16,4..6 = exclave of 雨湖区]
 *       |   V1    |   V3    |                    |
 *  y=0  +---------+---------+-------------------+
 *       x=0      x=5      x=10                 x=20
 *       county 430302 (雨湖区)   county 430304 (岳塘区)
 * </pre>
 * Every test runs with very coarse, default and very fine bucket grids.
 */
class GridIndexTest {
    private static final String CITY = "430300000000";
    private static final String YUHU = "430302000000";
    private static final String YUETANG = "430304000000";
    private static final String T1 = "430302001000";
    private static final String T2 = "430302002000";
    private static final String T3 = "430304001000";
    private static final String V1 = "430302001001";
    private static final String V2 = "430302001002";
    private static final String V3 = "430302002001";
    private static final String V4 = "430302002002";
    private static final String V5 = "430304001001";
    private static final String V6 = "430304001002";
    private static final String V9 = "430304001004";

    private static List<GridCell> city() {
        List<GridCell> cells = new ArrayList<>();
        cells.add(admin(CITY, GridLevel.CITY, "POLYGON((0 0,20 0,20 10,0 10,0 0))"));
        cells.add(admin(YUHU, GridLevel.COUNTY,
                "MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0)),((14 4,16 4,16 6,14 6,14 4)))"));
        cells.add(admin(YUETANG, GridLevel.COUNTY,
                "POLYGON((10 0,20 0,20 10,10 10,10 0),(14 4,16 4,16 6,14 6,14 4))"));
        cells.add(admin(T1, GridLevel.TOWNSHIP, "POLYGON((0 0,5 0,5 10,0 10,0 0))"));
        cells.add(admin(T2, GridLevel.TOWNSHIP, "POLYGON((5 0,10 0,10 10,5 10,5 0))"));
        cells.add(admin(T3, GridLevel.TOWNSHIP,
                "POLYGON((10 0,20 0,20 10,10 10,10 0),(14 4,16 4,16 6,14 6,14 4))"));
        cells.add(admin(V1, GridLevel.VILLAGE, "POLYGON((0 0,5 0,5 5,0 5,0 0))"));
        cells.add(admin(V2, GridLevel.VILLAGE, "POLYGON((0 5,5 5,5 10,0 10,0 5))"));
        cells.add(admin(V3, GridLevel.VILLAGE, "POLYGON((5 0,10 0,10 5,5 5,5 0))"));
        cells.add(admin(V4, GridLevel.VILLAGE, "POLYGON((5 5,10 5,10 10,5 10,5 5))"));
        // bad data: two villages overlapping in 12..13 x 2..3
        cells.add(admin(V5, GridLevel.VILLAGE, "POLYGON((11 1,13 1,13 3,11 3,11 1))"));
        cells.add(admin(V6, GridLevel.VILLAGE, "POLYGON((12 2,14 2,14 4,12 4,12 2))"));
        cells.add(admin(V9, GridLevel.VILLAGE,
                "MULTIPOLYGON(((17 7,18 7,18 8,17 8,17 7)),((18.5 8.5,19.5 8.5,19.5 9.5,18.5 9.5,18.5 8.5)))"));
        cells.add(cell("park-湘潭经开区", null, GridKind.PARK, "POLYGON((1 1,4 1,4 4,1 4,1 1))"));
        cells.add(cell("key-001", null, GridKind.KEY, "POLYGON((3 3,6 3,6 6,3 6,3 3))"));
        return cells;
    }

    private static GridIndex index(int bucketsPerCell) {
        List<GridCell> cells = city();
        Collections.reverse(cells); // input order must not matter
        return GridIndex.of(cells, bucketsPerCell);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 64, 100_000})
    void locate_returns_all_four_levels_for_a_point_inside_a_village(int buckets) {
        GridLocation at = index(buckets).locate(2, 7);
        assertThat(codes(at)).containsExactly(CITY, YUHU, T1, V2);
        assertThat(at.at(GridLevel.VILLAGE)).get().extracting(GridCell::name).isEqualTo("village " + V2);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 64, 100_000})
    void a_point_on_an_edge_shared_by_two_villages_gets_the_lower_code_at_every_level(int buckets) {
        GridIndex index = index(buckets);
        assertThat(codes(index.locate(5, 2))).containsExactly(CITY, YUHU, T1, V1);
        assertThat(codes(index.locate(7, 5))).containsExactly(CITY, YUHU, T2, V3);
        assertThat(codes(index.locate(10, 3))).containsExactly(CITY, YUHU, T2, V3);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 64, 100_000})
    void a_point_on_a_vertex_shared_by_four_villages_gets_the_lowest_code(int buckets) {
        assertThat(codes(index(buckets).locate(5, 5))).containsExactly(CITY, YUHU, T1, V1);
        assertThat(codes(index(buckets).locate(10, 5))).containsExactly(CITY, YUHU, T2, V3);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 64, 100_000})
    void a_point_in_a_county_hole_belongs_to_the_exclave_county_that_fills_it(int buckets) {
        GridIndex index = index(buckets);
        assertThat(codes(index.locate(15, 5))).containsExactly(CITY, YUHU, null, null);
        assertThat(codes(index.locate(17, 5))).containsExactly(CITY, YUETANG, T3, null);
        assertThat(codes(index.locate(14, 5))).as("on the hole's ring both counties cover it")
                .containsExactly(CITY, YUHU, T3, null);
        assertThat(codes(index.locate(16, 6))).containsExactly(CITY, YUHU, T3, null);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 64, 100_000})
    void a_point_outside_everything_is_in_no_cell_at_any_level(int buckets) {
        GridIndex index = index(buckets);
        for (double[] p : new double[][] {{20.000001, 5}, {-1, 5}, {5, 10.5}, {Double.NaN, 5}, {5, Double.NaN}}) {
            GridLocation at = index.locate(p[0], p[1]);
            assertThat(codes(at)).containsOnlyNulls();
            assertThat(at.overlays()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 64, 100_000})
    void a_point_in_a_gap_of_the_village_layer_finds_its_township_but_no_village(int buckets) {
        assertThat(codes(index(buckets).locate(12, 8))).containsExactly(CITY, YUETANG, T3, null);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 64, 100_000})
    void overlapping_villages_answer_with_the_lowest_code(int buckets) {
        GridIndex index = index(buckets);
        assertThat(index.locate(12.5, 2.5).codeAt(GridLevel.VILLAGE)).isEqualTo(V5);
        assertThat(index.locate(13, 3).codeAt(GridLevel.VILLAGE)).isEqualTo(V5);
        assertThat(index.locate(13.5, 3.5).codeAt(GridLevel.VILLAGE)).isEqualTo(V6);
        assertThat(index.locate(14, 4).codeAt(GridLevel.VILLAGE)).isEqualTo(V6);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 64, 100_000})
    void every_part_of_a_multipolygon_cell_locates_to_it(int buckets) {
        GridIndex index = index(buckets);
        assertThat(index.locate(17.5, 7.5).codeAt(GridLevel.VILLAGE)).isEqualTo(V9);
        assertThat(index.locate(19, 9).codeAt(GridLevel.VILLAGE)).isEqualTo(V9);
        assertThat(index.locate(18.25, 8.25).codeAt(GridLevel.VILLAGE)).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 64, 100_000})
    void overlays_covering_the_point_are_reported_separately_in_code_order(int buckets) {
        GridIndex index = index(buckets);
        GridLocation both = index.locate(3.5, 3.5);
        assertThat(both.overlays()).extracting(GridCell::code).containsExactly("key-001", "park-湘潭经开区");
        assertThat(codes(both)).containsExactly(CITY, YUHU, T1, V1);
        assertThat(index.locate(6, 6).overlays()).extracting(GridCell::code).containsExactly("key-001");
        assertThat(index.locate(8, 8).overlays()).isEmpty();
    }

    @Test
    void bulk_locate_fills_four_cell_indices_per_point_like_single_locate() {
        GridIndex index = index(64);
        double[] lon = {2, 5, 5, 15, 17, 30, 12.5, 19};
        double[] lat = {7, 2, 5, 5, 5, 30, 2.5, 9};
        int[] out = new int[lon.length * GridIndex.LEVELS];
        int[] parallel = new int[out.length];
        index.locateAll(lon, lat, 0, lon.length, out);
        index.locateAllParallel(lon, lat, parallel);
        assertThat(parallel).containsExactly(out);
        for (int i = 0; i < lon.length; i++) {
            GridLocation at = index.locate(lon[i], lat[i]);
            for (GridLevel level : GridLevel.values()) {
                int c = out[i * GridIndex.LEVELS + level.rank() - 1];
                assertThat(c < 0 ? null : index.cell(level, c).code()).isEqualTo(at.codeAt(level));
                assertThat(index.locateIndex(level, lon[i], lat[i])).isEqualTo(c);
            }
        }
    }

    @Test
    void a_cell_that_is_not_a_polygon_is_rejected_with_its_code() {
        List<GridCell> cells = List.of(admin(V1, GridLevel.VILLAGE, "LINESTRING(0 0,1 1)"));
        assertThatThrownBy(() -> GridIndex.of(cells))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(V1).hasMessageContaining("LineString");
    }

    @Test
    void two_cells_of_one_level_with_the_same_code_are_rejected() {
        List<GridCell> cells = List.of(admin(V1, GridLevel.VILLAGE, "POLYGON((0 0,1 0,1 1,0 0))"),
                admin(V1, GridLevel.VILLAGE, "POLYGON((2 0,3 0,3 1,2 0))"));
        assertThatThrownBy(() -> GridIndex.of(cells))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two village cells have the code " + V1);
    }

    @Test
    void bad_bulk_arguments_name_the_problem() {
        GridIndex index = index(64);
        assertThatThrownBy(() -> index.locateAll(new double[2], new double[3], 0, 2, new int[8]))
                .hasMessageContaining("same length");
        assertThatThrownBy(() -> index.locateAll(new double[2], new double[2], 0, 2, new int[7]))
                .hasMessageContaining("need 8");
    }

    private static List<String> codes(GridLocation at) {
        List<String> codes = new ArrayList<>();
        for (GridLevel level : GridLevel.values()) {
            codes.add(at.codeAt(level));
        }
        return codes;
    }

    static GridCell admin(String code, GridLevel level, String wkt) {
        return cell(code, level, GridKind.ADMIN, wkt);
    }

    static GridCell cell(String code, GridLevel level, GridKind kind, String wkt) {
        try {
            return new GridCell(code.hashCode(), code, level, kind, (level == null ? kind.id() : level.id()) + " " + code,
                    null, LocalDate.of(2024, 1, 1), null, new WKTReader().read(wkt));
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad WKT in test fixture: " + wkt, e);
        }
    }
}
