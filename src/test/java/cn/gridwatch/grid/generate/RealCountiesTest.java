package cn.gridwatch.grid.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gridwatch.SharedData;
import cn.gridwatch.grid.AdminCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;

class RealCountiesTest {
    private static final String TIANDITU = "boundaries/DERIVED_tianditu_district_six_cities.geojson";

    @TempDir
    Path dir;

    @Test
    void xiangtan_counties_are_split_into_townships_and_villages_that_tile_them_exactly() throws IOException {
        // Xiangtan: 雨湖区 has several parts and 湘潭县 a hole where the 雨湖区 exclave lies
        List<SourceCounty> sources = new CountyReader("district_adcode", "district_name")
                .read(SharedData.file(TIANDITU), "4303");
        assertThat(sources).extracting(SourceCounty::code)
                .containsExactly("430302", "430304", "430321", "430381", "430382");
        GeneratedGrid grid = new GridGenerator().fromCounties(sources, GridGenerator.DEFAULT_SEED, 12, 10);
        new GeneratedGridWriter().write(grid, dir);

        assertThat(Files.exists(dir.resolve("city.geojson"))).isFalse();
        List<GridFiles.Feature> counties = GridFiles.read(dir.resolve("counties.geojson"));
        List<GridFiles.Feature> townships = GridFiles.read(dir.resolve("townships.geojson"));
        List<GridFiles.Feature> villages = GridFiles.read(dir.resolve("villages.geojson"));
        assertThat(counties).extracting(GridFiles.Feature::code, GridFiles.Feature::parent, GridFiles.Feature::level)
                .first().isEqualTo(org.assertj.core.groups.Tuple.tuple("430302", "430300", "county"));
        assertThat(townships.size()).isBetween(40, 80);
        assertThat(villages.size()).isBetween(400, 900);
        for (int i = 0; i < sources.size(); i++) {
            Geometry source = sources.get(i).geometry();
            Geometry written = counties.get(i).geometry();
            assertThat(written.isValid()).isTrue();
            // snap rounding may bend the border by up to 1e-6 degrees where township borders meet it
            assertThat(source.symDifference(written).getArea()).as(counties.get(i).name())
                    .isLessThan(1e-6 * source.getLength());
        }
        for (GridFiles.Feature f : townships) {
            assertThat(AdminCode.parentOf(AdminCode.normalize(f.code()))).isEqualTo(AdminCode.normalize(f.parent()));
            assertThat(f.geometry().isValid()).as(f.code()).isTrue();
        }
        villages.forEach(v -> assertThat(v.geometry().isValid()).as(v.code()).isTrue());
        TilingAssert.assertLevelTiles(counties, townships);
        TilingAssert.assertLevelTiles(townships, villages);
        assertThat(townships).filteredOn(t -> t.parent().equals("430304"))
                .allSatisfy(t -> assertThat(t.name()).as("岳塘区 is urban").endsWith("街道"));
    }

    @Test
    void a_missing_code_property_is_named_in_the_error() {
        Path file = SharedData.file(TIANDITU);
        assertThatThrownBy(() -> new CountyReader("adcode", "district_name").read(file, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no property 'adcode'");
    }

    @Test
    void a_prefix_matching_no_county_is_an_error_naming_the_prefix() {
        Path file = SharedData.file(TIANDITU);
        assertThatThrownBy(() -> new CountyReader("district_adcode", "district_name").read(file, "4399"))
                .hasMessageContaining("starting with '4399'");
    }
}
