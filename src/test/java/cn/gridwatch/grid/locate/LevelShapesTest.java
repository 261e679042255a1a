package cn.gridwatch.grid.locate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class LevelShapesTest {
    private static final String[] CELLS = {
        // a polygon with a hole, and a second part touching it at a vertex
        "MULTIPOLYGON (((0 0, 4 0, 4 3, 2 4, 0 3, 0 0), (1 1, 2 1, 2 2, 1 1)), ((4 3, 6 3, 6 5, 4 3)))",
        // a neighbour sharing the edge x = 4 from y = 0 to 3, with a horizontal edge at y = 2
        "POLYGON ((4 0, 7 0, 7 2, 5 2, 5 3, 4 3, 4 0))",
        // a thin triangle below the others
        "POLYGON ((0 -1, 7 -1, 7 -0.5, 0 -1))"
    };

    @Test
    void flattened_shapes_answer_exactly_as_the_cell_shapes_on_vertices_edges_and_a_fine_lattice()
            throws ParseException {
        WKTReader reader = new WKTReader(new GeometryFactory());
        CellShape[] shapes = new CellShape[CELLS.length];
        for (int i = 0; i < CELLS.length; i++) {
            Geometry g = reader.read(CELLS[i]);
            shapes[i] = new CellShape(g);
        }
        LevelShapes flat = new LevelShapes(shapes);
        int checked = 0;
        int covered = 0;
        for (int c = 0; c < shapes.length; c++) {
            for (double x = -1; x <= 8; x += 0.125) {
                for (double y = -2; y <= 6; y += 0.125) {
                    boolean expected = shapes[c].covers(x, y);
                    assertThat(flat.covers(c, x, y)).as("cell %d at POINT (%s %s)", c, x, y).isEqualTo(expected);
                    checked++;
                    covered += expected ? 1 : 0;
                }
            }
        }
        assertThat(checked).isGreaterThan(10_000);
        assertThat(covered).isGreaterThan(1_000);
        // on the shared edge, on a hole's edge, on the touching vertex, inside the hole
        assertThat(flat.covers(0, 4, 1.5)).isTrue();
        assertThat(flat.covers(1, 4, 1.5)).isTrue();
        assertThat(flat.covers(0, 1.5, 1)).isTrue();
        assertThat(flat.covers(0, 4, 3)).isTrue();
        assertThat(flat.covers(0, 1.8, 1.5)).isFalse();
        assertThat(flat.covers(1, 6, 2)).isTrue();
    }
}
