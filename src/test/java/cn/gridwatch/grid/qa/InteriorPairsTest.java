package cn.gridwatch.grid.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class InteriorPairsTest {
    private static long ids;

    private static InteriorPairs.Cell cell(String code, String wkt) {
        try {
            return new InteriorPairs.Cell(++ids, code, new WKTReader().read(wkt));
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }

    private static List<String> codes(List<InteriorPairs.Pair> pairs) {
        return pairs.stream().map(p -> p.a().code() + "/" + p.b().code()).toList();
    }

    @Test
    void cells_that_only_share_a_border_or_a_corner_are_not_paired() {
        List<InteriorPairs.Pair> pairs = InteriorPairs.of(List.of(
                cell("1", "POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))"),
                cell("2", "POLYGON((1 0, 2 0, 2 1, 1 1, 1 0))"),
                cell("3", "POLYGON((2 1, 3 1, 3 2, 2 2, 2 1))")));
        assertThat(pairs).isEmpty();
    }

    @Test
    void overlapping_cells_are_paired_once_with_the_lower_code_first() {
        List<InteriorPairs.Pair> pairs = InteriorPairs.of(List.of(
                cell("9", "POLYGON((0.9 0, 2 0, 2 1, 0.9 1, 0.9 0))"),
                cell("1", "POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))"),
                cell("5", "MULTIPOLYGON(((5 5, 6 5, 6 6, 5 6, 5 5)), ((0.2 0.2, 0.3 0.2, 0.3 0.3, 0.2 0.3, 0.2 0.2)))")));
        assertThat(codes(pairs)).containsExactly("1/5", "1/9");
    }

    @Test
    void a_cell_inside_another_and_an_identical_copy_are_paired() {
        List<InteriorPairs.Pair> pairs = InteriorPairs.of(List.of(
                cell("1", "POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))"),
                cell("2", "POLYGON((0.2 0.2, 0.4 0.2, 0.4 0.4, 0.2 0.4, 0.2 0.2))"),
                cell("3", "POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))")));
        assertThat(codes(pairs)).containsExactly("1/2", "1/3", "2/3");
    }

    @Test
    void cells_with_the_same_code_are_left_to_the_duplicate_code_check() {
        assertThat(InteriorPairs.of(List.of(
                cell("1", "POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))"),
                cell("1", "POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))")))).isEmpty();
    }
}
