package cn.gridwatch.map.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Which tiles the warm-up renders for the demo city's extent (no database: the tile arithmetic). */
class TileWarmerTest {
    /** gis-data/city.geojson: 长沙 demo city, lon 112.74..113.30, lat 27.44..27.94. */
    private static final double[] DEMO = {112.741563, 27.437209, 113.301633, 27.937055};

    @Test
    void the_warm_up_covers_a_full_screen_view_of_the_city_at_each_zoom_it_fits_in() {
        List<TileCoord> coords = TileWarmer.coords(DEMO);
        Map<Integer, Long> perZoom = coords.stream().collect(Collectors.groupingBy(TileCoord::z, Collectors.counting()));
        // at zoom 11 the city is 816 x 820 px and fits a 1920x1080 screen; at 12 (1631 x 1640 px) it does not
        assertThat(perZoom.keySet()).containsExactlyInAnyOrder(8, 9, 10, 11);
        assertThat(coords.get(0).z()).as("the desk's zoom first").isEqualTo(11);
        assertThat(perZoom.get(11)).isBetween(8L * 5, 10L * 6); // 1920/256 x 1080/256 tiles, plus the edges
        // the tile under the city centre at zoom 11 (113.02, 27.69): x = 1666, y = 859
        assertThat(coords).contains(new TileCoord(11, 1666, 859));
        // every tile of the city's extent at zoom 10 is in
        for (int x = 832; x <= 834; x++) {
            for (int y = 429; y <= 430; y++) {
                assertThat(coords).contains(new TileCoord(10, x, y));
            }
        }
        int images = coords.stream().mapToInt(c -> TileWarmer.webPageLayers(c.z()).size()).sum();
        assertThat(images).isLessThan(TileWarmer.MAX_TILES);
    }

    @Test
    void the_page_s_layers_and_styles_are_warmed_as_it_asks_for_them() {
        assertThat(TileWarmer.webPageLayers(5)).extracting(a -> a[0] + ":" + a[1])
                .containsExactly("grid_city:outline_labels");
        assertThat(TileWarmer.webPageLayers(10)).extracting(a -> a[0] + ":" + a[1])
                .containsExactly("grid_city:outline", "grid_county:outline_labels", "grid_township:outline_labels");
    }
}
