package cn.gridwatch.grid.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Regression for "Overlay input is mixed-dimension" in province mode with the default seed: merging
 * a sliver that snap rounding on the 1e-6 degree grid collapses into a line gave
 * GEOMETRYCOLLECTION(POLYGON, LINESTRING) (OverlayNG keeps collapsed edges in non-strict mode); that
 * village then went into the CoverageUnion of its township, which refuses mixed dimensions.
 */
class FragmentMergerTest {
    // 10 x 10 micro-degrees, and a sliver 0.2 micro-degrees wide along its east side that rounds to a line
    private static final String PIECE = "POLYGON((113 28, 113.00001 28, 113.00001 28.00001, 113 28.00001, 113 28))";
    private static final String SLIVER =
            "POLYGON((113.00001 28.000002, 113.00004 28.0000021, 113.00001 28.0000022, 113.00001 28.000002))";
    private static final String NEIGHBOUR =
            "POLYGON((113 28.00001, 113.00001 28.00001, 113.00001 28.00002, 113 28.00002, 113 28.00001))";

    @Test
    void merging_a_sliver_that_collapses_to_a_line_keeps_only_the_polygon() {
        Geometry merged = FragmentMerger.union(wkt(PIECE), wkt(SLIVER));

        assertThat(merged).isInstanceOf(Polygon.class);
        assertThat(merged.getSRID()).isEqualTo(4490);
        assertThat(merged.getArea()).isEqualTo(wkt(PIECE).getArea(), within(1e-12));
    }

    @Test
    void a_piece_merged_with_a_collapsing_sliver_can_still_be_unioned_into_its_parent_without_mixed_dimension() {
        Geometry merged = FragmentMerger.union(wkt(PIECE), wkt(SLIVER));

        Geometry parent = Subdivider.unionFaces(List.of(merged, wkt(NEIGHBOUR)));

        assertThat(parent).isInstanceOf(Polygon.class);
        assertThat(parent.isValid()).isTrue();
    }

    private static Geometry wkt(String wkt) {
        try {
            Geometry g = new WKTReader().read(wkt);
            g.setSRID(GeneratorGeometry.SRID);
            return g;
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }
}
