package cn.gridwatch.grid.locate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.grid.GridCell;
import cn.gridwatch.grid.GridLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * Randomized cross-check of {@link GridIndex} against {@link BruteForceLocator} on a Voronoi grid
 * with gaps (villages removed) and overlapping bad data, with many points exactly on vertices,
 * on axis-parallel edges and on bucket lines, where a fast path would most likely go wrong.
 */
class GridIndexCrossCheckTest {
    private static List<GridCell> cells;
    private static double[] lon;
    private static double[] lat;
    private static String[][] expected;

    @BeforeAll
    static void buildGridAndReference() {
        Envelope extent = new Envelope(112.5, 113.5, 27.5, 28.3);
        cells = new ArrayList<>(new VoronoiGridFixture(7, extent, 1, 5, 0.12).generate(2, 6, 30, 320));
        Random random = new Random(11);
        cells.removeIf(c -> c.level() == GridLevel.VILLAGE && random.nextInt(25) == 0); // gaps
        List<GridCell> villages = cells.stream().filter(c -> c.level() == GridLevel.VILLAGE).toList();
        for (int i = 0; i < 8; i++) { // overlapping bad data: a copy of a village, shifted, with a new code
            GridCell v = villages.get(random.nextInt(villages.size()));
            Geometry shifted = v.geometry().copy();
            shifted.apply(new AffineTransformation().translate(0.004, 0.003));
            shifted.geometryChanged();
            String code = v.code().substring(0, 9) + (900 + i);
            cells.add(new GridCell(-i, code, GridLevel.VILLAGE, v.kind(), "overlap " + i, v.parentCode(),
                    v.validFrom(), null, shifted));
        }
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            points.add(new double[] {extent.getMinX() - 0.01 + random.nextDouble() * (extent.getWidth() + 0.02),
                extent.getMinY() - 0.01 + random.nextDouble() * (extent.getHeight() + 0.02)});
        }
        for (GridCell c : cells) {
            Coordinate[] cs = c.geometry().getCoordinates();
            for (int k = 0; k < cs.length; k++) {
                points.add(new double[] {cs[k].x, cs[k].y});
                if (k > 0 && (cs[k].x == cs[k - 1].x || cs[k].y == cs[k - 1].y)) { // exactly on an axis-parallel edge
                    points.add(new double[] {(cs[k].x + cs[k - 1].x) / 2, (cs[k].y + cs[k - 1].y) / 2});
                }
            }
        }
        for (int i = 0; i < 1000; i++) { // on the outer border
            double t = random.nextDouble();
            points.add(new double[] {extent.getMinX() + t * extent.getWidth(), i % 2 == 0 ? extent.getMinY() : extent.getMaxY()});
            points.add(new double[] {i % 2 == 0 ? extent.getMinX() : extent.getMaxX(), extent.getMinY() + t * extent.getHeight()});
        }
        lon = new double[points.size()];
        lat = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            lon[i] = points.get(i)[0];
            lat[i] = points.get(i)[1];
        }
        BruteForceLocator reference = new BruteForceLocator(cells);
        expected = new String[lon.length][];
        for (int i = 0; i < lon.length; i++) {
            expected[i] = reference.locate(lon[i], lat[i]);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8, 64, 1024})
    void the_index_agrees_with_brute_force_covers_on_every_point(int bucketsPerCell) {
        GridIndex index = GridIndex.of(cells, bucketsPerCell);
        int[] out = new int[lon.length * GridIndex.LEVELS];
        index.locateAllParallel(lon, lat, out);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < lon.length; i++) {
            String[] got = decode(index, out, i);
            if (!Arrays.equals(got, expected[i])) {
                mismatches.add("POINT(" + lon[i] + " " + lat[i] + "): " + Arrays.toString(got)
                        + " but covers says " + Arrays.toString(expected[i]));
            }
        }
        assertThat(mismatches).as(index.describe()).isEmpty();
        assertThat(lon.length).isGreaterThan(8000);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 64})
    void points_on_bucket_lines_agree_with_brute_force(int bucketsPerCell) {
        GridIndex index = GridIndex.of(cells, bucketsPerCell);
        BucketGrid grid = index.grid();
        BruteForceLocator reference = new BruteForceLocator(cells);
        Random random = new Random(3);
        for (int k = 0; k < 2000; k++) {
            int i = random.nextInt(grid.nx() + 1);
            int j = random.nextInt(grid.ny() + 1);
            double x = grid.colMin(i);
            double y = k % 3 == 0 ? grid.rowMin(j) : grid.rowMin(0) + random.nextDouble() * grid.cellH() * grid.ny();
            double[] p = {x, y};
            if (k % 2 == 1) {
                p = new double[] {grid.colMin(0) + random.nextDouble() * grid.cellW() * grid.nx(), grid.rowMin(j)};
            }
            String[] want = reference.locate(p[0], p[1]);
            for (GridLevel level : GridLevel.values()) {
                int c = index.locateIndex(level, p[0], p[1]);
                assertThat(c < 0 ? null : index.cell(level, c).code())
                        .as("POINT(%s %s) at %s", p[0], p[1], level).isEqualTo(want[level.rank() - 1]);
            }
        }
    }

    private static String[] decode(GridIndex index, int[] out, int i) {
        String[] codes = new String[GridIndex.LEVELS];
        for (GridLevel level : GridLevel.values()) {
            int c = out[i * GridIndex.LEVELS + level.rank() - 1];
            codes[level.rank() - 1] = c < 0 ? null : index.cell(level, c).code();
        }
        return codes;
    }
}
