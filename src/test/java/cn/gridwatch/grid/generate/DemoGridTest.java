package cn.gridwatch.grid.generate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.grid.AdminCode;
import cn.gridwatch.grid.GridLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Polygon;

class DemoGridTest {
    @TempDir
    static Path dir;

    static List<GridFiles.Feature> city;
    static List<GridFiles.Feature> counties;
    static List<GridFiles.Feature> townships;
    static List<GridFiles.Feature> villages;

    @BeforeAll
    static void generate() throws IOException {
        new GeneratedGridWriter().write(new GridGenerator().demo(GridGenerator.DEFAULT_SEED), dir.resolve("a"));
        city = GridFiles.read(dir.resolve("a/city.geojson"));
        counties = GridFiles.read(dir.resolve("a/counties.geojson"));
        townships = GridFiles.read(dir.resolve("a/townships.geojson"));
        villages = GridFiles.read(dir.resolve("a/villages.geojson"));
    }

    @Test
    void demo_has_one_city_six_counties_about_eighty_townships_and_eight_hundred_villages() {
        assertThat(city).singleElement().satisfies(c -> {
            assertThat(c.code()).isEqualTo("432000");
            assertThat(c.name()).isEqualTo("湘源市");
            assertThat(c.parent()).isNull();
        });
        assertThat(counties).hasSize(6);
        assertThat(townships).hasSizeBetween(70, 90);
        assertThat(villages).hasSizeBetween(700, 900);
    }

    @Test
    void demo_lies_in_hunan_and_is_about_sixty_by_fifty_kilometres() {
        var env = city.get(0).geometry().getEnvelopeInternal();
        assertThat(env.getMinX()).isGreaterThan(112.5);
        assertThat(env.getMaxX()).isLessThan(113.5);
        assertThat(env.getMinY()).isGreaterThan(27.3);
        assertThat(env.getMaxY()).isLessThan(28.0);
        assertThat(env.getWidth() * 111.32 * Math.cos(Math.toRadians(27.65))).isBetween(45.0, 80.0);
        assertThat(env.getHeight() * 111.32).isBetween(38.0, 70.0);
    }

    @Test
    void codes_are_well_formed_unique_and_follow_the_parent() {
        checkLevel(counties, 6, GridLevel.COUNTY);
        checkLevel(townships, 9, GridLevel.TOWNSHIP);
        checkLevel(villages, 12, GridLevel.VILLAGE);
        assertThat(counties.get(0).code()).isEqualTo("432002");
        assertThat(counties.get(0).name()).endsWith("区");
    }

    @Test
    void township_and_village_kinds_match_their_code_ranges_and_names() {
        for (GridFiles.Feature t : townships) {
            int kind = Integer.parseInt(t.code().substring(6, 9));
            String suffix = kind < 100 ? "街道" : kind < 200 ? "镇" : "乡";
            assertThat(kind).as(t.code()).isBetween(1, 399);
            assertThat(t.name()).as(t.code()).endsWith(suffix);
        }
        for (GridFiles.Feature v : villages) {
            int kind = Integer.parseInt(v.code().substring(9, 12));
            assertThat(kind).as(v.code()).isBetween(1, 399);
            assertThat(v.name()).as(v.code()).endsWith(kind < 200 ? "社区" : "村");
        }
        assertThat(townships).filteredOn(t -> t.parent().equals("432002"))
                .allSatisfy(t -> assertThat(t.name()).endsWith("街道"));
    }

    @Test
    void names_are_unique_within_each_parent() {
        for (List<GridFiles.Feature> level : List.of(counties, townships, villages)) {
            Set<String> seen = new HashSet<>();
            for (GridFiles.Feature f : level) {
                assertThat(seen.add(f.parent() + "/" + f.name())).as("duplicate name %s under %s", f.name(), f.parent())
                        .isTrue();
            }
        }
    }

    @Test
    void every_geometry_as_written_is_a_valid_non_empty_polygon() {
        for (List<GridFiles.Feature> level : List.of(city, counties, townships, villages)) {
            for (GridFiles.Feature f : level) {
                assertThat(f.geometry()).as(f.code()).isInstanceOf(Polygon.class);
                assertThat(f.geometry().isValid()).as("%s is valid", f.code()).isTrue();
                assertThat(f.geometry().getArea()).as(f.code()).isGreaterThan(0);
            }
        }
    }

    @Test
    void children_as_written_tile_their_parent_without_gaps_or_overlaps() {
        TilingAssert.assertLevelTiles(city, counties);
        TilingAssert.assertLevelTiles(counties, townships);
        TilingAssert.assertLevelTiles(townships, villages);
    }

    @Test
    void the_same_seed_gives_byte_identical_files_and_another_seed_does_not() throws IOException {
        new GeneratedGridWriter().write(new GridGenerator().demo(GridGenerator.DEFAULT_SEED), dir.resolve("b"));
        for (GridLevel level : GridLevel.values()) {
            String name = GeneratedGridWriter.fileName(level);
            assertThat(Files.mismatch(dir.resolve("a").resolve(name), dir.resolve("b").resolve(name)))
                    .as(name).isEqualTo(-1L);
        }
        new GeneratedGridWriter().write(new GridGenerator().demo(7), dir.resolve("c"));
        assertThat(Files.mismatch(dir.resolve("a/villages.geojson"), dir.resolve("c/villages.geojson")))
                .isNotEqualTo(-1L);
    }

    private static void checkLevel(List<GridFiles.Feature> features, int digits, GridLevel level) {
        Set<String> codes = new HashSet<>();
        for (GridFiles.Feature f : features) {
            assertThat(f.code()).as(f.name()).hasSize(digits).containsOnlyDigits();
            assertThat(f.level()).isEqualTo(level.id());
            String code12 = AdminCode.normalize(f.code());
            assertThat(AdminCode.levelOf(code12)).as(f.code()).isEqualTo(level);
            assertThat(AdminCode.parentOf(code12)).as(f.code()).isEqualTo(AdminCode.normalize(f.parent()));
            assertThat(AdminCode.shortForm(AdminCode.parentOf(code12))).isEqualTo(f.parent());
            assertThat(codes.add(f.code())).as("duplicate code %s", f.code()).isTrue();
        }
    }
}
