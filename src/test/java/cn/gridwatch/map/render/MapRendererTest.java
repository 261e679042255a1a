package cn.gridwatch.map.render;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.geo.CrsRegistry;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.map.MapFeature;
import cn.gridwatch.map.style.Style;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** The renderer and encoders without a database; geometries in WKT, EPSG:4490 lon/lat. */
class MapRendererTest {
    private static final MapRenderer RENDERER = new MapRenderer();
    private static final MapRenderer.Canvas CANVAS = new MapRenderer.Canvas(CrsRegistry.parse("EPSG:4490"), new Envelope(0, 10, 0, 10),
            200, 200, Color.WHITE, 1e6);

    private static Geometry wkt(String text) {
        try {
            Geometry g = new WKTReader().read(text);
            g.setSRID(4490);
            return g;
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static MapFeature cell(String name, String polygon, String labelPoint) {
        return new MapFeature("grid_county", "1", name, null, wkt(polygon), (Point) wkt(labelPoint),
                GridLevel.COUNTY.rank(), java.util.Map.of());
    }

    private static int[] middle(BufferedImage img) {
        return img.getRGB(40, 40, 120, 120, null, 0, 120);
    }

    @Test
    void a_label_overlapping_one_already_placed_is_skipped() {
        Style labels = Style.forGrid(GridLevel.COUNTY, Style.OUTLINE_LABELS);
        MapFeature a = cell("芙蓉区", "POLYGON ((1 1, 9 1, 9 9, 1 9, 1 1))", "POINT (5 5)");
        MapFeature b = cell("天心区", "POLYGON ((1 1, 9 1, 9 9, 1 9, 1 1))", "POINT (5.2 5)");
        BufferedImage both = RENDERER.render(CANVAS, List.of(new MapRenderer.Layer(List.of(a, b), labels)));
        BufferedImage first = RENDERER.render(CANVAS, List.of(new MapRenderer.Layer(List.of(a), labels)));
        // compare the middle, away from the outlines (which b draws a second time)
        assertThat(Arrays.equals(middle(both), middle(first))).as("only the first label is drawn").isTrue();
        BufferedImage none = RENDERER.render(CANVAS, List.of(new MapRenderer.Layer(List.of(a),
                Style.forGrid(GridLevel.COUNTY, Style.OUTLINE))));
        assertThat(Arrays.equals(middle(first), middle(none))).as("the label is there").isFalse();
    }

    @Test
    void the_outline_is_drawn_where_the_bbox_puts_it() {
        BufferedImage img = RENDERER.render(CANVAS, List.of(new MapRenderer.Layer(List.of(
                cell("x", "POLYGON ((5 0, 10 0, 10 10, 5 10, 5 0))", "POINT (7 5)")),
                Style.forGrid(GridLevel.COUNTY, Style.OUTLINE))));
        assertThat(img.getRGB(100, 100) & 0xFFFFFF).as("x = 5 is the middle column").isNotEqualTo(0xFFFFFF);
        assertThat(img.getRGB(50, 100) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void eight_bit_png_keeps_transparency_in_the_palette() throws Exception {
        MapRenderer.Canvas clear = new MapRenderer.Canvas(CrsRegistry.parse("EPSG:4490"), new Envelope(0, 10, 0, 10), 64, 64, null, 1e6);
        BufferedImage img = RENDERER.render(clear, List.of(new MapRenderer.Layer(List.of(
                cell("x", "POLYGON ((2 2, 8 2, 8 8, 2 8, 2 2))", "POINT (5 5)")),
                Style.forGrid(GridLevel.COUNTY, Style.OUTLINE))));
        byte[] png = ImageEncoder.encode(img, ImageFormat.PNG8, null);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(back.getColorModel()).isInstanceOf(IndexColorModel.class);
        assertThat(back.getRGB(0, 0) >>> 24).isZero();
        assertThat(back.getRGB(32, 32) >>> 24).isZero();
        assertThat(back.getRGB(13, 32) >>> 24).as("the outline at x = 2").isGreaterThan(128);
    }

    @Test
    void image_formats_parse_leniently_and_refuse_what_we_cannot_write() {
        assertThat(ImageFormat.parse("image/png; mode=8bit")).isEqualTo(ImageFormat.PNG8);
        assertThat(ImageFormat.parse("IMAGE/PNG")).isEqualTo(ImageFormat.PNG);
        assertThat(ImageFormat.parse("image/jpeg")).isEqualTo(ImageFormat.JPEG);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ImageFormat.parse("image/gif"))
                .hasMessageContaining("'image/gif' is not supported");
    }
}
