package cn.gridwatch.grid.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

class ProvinceGridTest {
    private static final ProvincePlan SMALL = new ProvincePlan(3, 3, 5, 6);

    @Test
    void a_small_province_has_the_planned_scale_and_every_level_tiles_its_parent() {
        GeneratedGrid grid = new GridGenerator().province(1, SMALL);
        assertThat(grid.cities()).hasSize(3);
        assertThat(grid.counties().size()).isBetween(6, 12);
        assertThat(grid.townships().size()).isBetween(grid.counties().size() * 2, grid.counties().size() * 7);
        assertThat(grid.villages().size()).isBetween(grid.townships().size() * 2, grid.townships().size() * 9);
        assertThat(grid.cities()).extracting(GeneratedCell::shortCode).containsExactly("390100", "390200", "390300");
        assertTiles(grid.cities(), grid.counties());
        assertTiles(grid.counties(), grid.townships());
        assertTiles(grid.townships(), grid.villages());
        for (GeneratedCell v : grid.villages()) {
            assertThat(v.geometry().getSRID()).isEqualTo(4490);
            assertThat(v.geometry().isValid()).as(v.code()).isTrue();
        }
    }

    @Test
    void the_same_seed_gives_the_same_province() {
        GeneratedGridWriter writer = new GeneratedGridWriter();
        GeneratedGrid a = new GridGenerator().province(5, SMALL);
        GeneratedGrid b = new GridGenerator().province(5, SMALL);
        assertThat(writer.toGeoJson(b.villages())).isEqualTo(writer.toGeoJson(a.villages()));
    }

    @Test
    void a_plan_with_no_cities_is_rejected_naming_the_value() {
        assertThatThrownBy(() -> new ProvincePlan(0, 3, 5, 6))
                .hasMessage("cities must be in 1..99, but was: 0");
    }

    private static void assertTiles(List<GeneratedCell> parents, List<GeneratedCell> children) {
        Map<String, List<Geometry>> byParent = new LinkedHashMap<>();
        children.forEach(c -> byParent.computeIfAbsent(c.parentCode(), k -> new ArrayList<>()).add(c.geometry()));
        for (GeneratedCell p : parents) {
            TilingAssert.assertTiles(p.code(), p.geometry(), byParent.get(p.code()));
        }
    }
}
