package cn.gridwatch.grid.generate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.grid.AdminCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/** Checks that children tile their parents: union equal to the parent, areas adding up (no overlaps). */
final class TilingAssert {
    private TilingAssert() {
    }

    static void assertTiles(String what, Geometry parent, List<Geometry> children) {
        assertThat(children).as("children of %s", what).isNotEmpty();
        Geometry union = UnaryUnionOp.union(children);
        double parentArea = parent.getArea();
        assertThat(parent.symDifference(union).getArea())
                .as("area of the symmetric difference between %s and the union of its children", what)
                .isLessThan(1e-9 * parentArea);
        double sum = children.stream().mapToDouble(Geometry::getArea).sum();
        assertThat(Math.abs(sum - parentArea))
                .as("sum of child areas minus area of %s (overlap)", what)
                .isLessThan(1e-9 * parentArea);
    }

    /** Every parent in {@code parents} is tiled by the features of {@code children} that name it. */
    static void assertLevelTiles(List<GridFiles.Feature> parents, List<GridFiles.Feature> children) {
        Map<String, List<Geometry>> byParent = new LinkedHashMap<>();
        for (GridFiles.Feature c : children) {
            byParent.computeIfAbsent(AdminCode.normalize(c.parent()), k -> new ArrayList<>()).add(c.geometry());
        }
        for (GridFiles.Feature p : parents) {
            assertTiles(p.level() + " " + p.code() + " " + p.name(), p.geometry(),
                    byParent.getOrDefault(AdminCode.normalize(p.code()), List.of()));
        }
        assertThat(byParent.keySet()).as("parents named by children")
                .containsExactlyInAnyOrderElementsOf(parents.stream().map(p -> AdminCode.normalize(p.code())).toList());
    }
}
