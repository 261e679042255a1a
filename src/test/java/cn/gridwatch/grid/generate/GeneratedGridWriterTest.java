package cn.gridwatch.grid.generate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.grid.GridLevel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class GeneratedGridWriterTest {
    @Test
    void degrees_are_written_with_at_most_six_decimals_and_no_trailing_zeros() {
        assertThat(format(113.5)).isEqualTo("113.5");
        assertThat(format(113.0)).isEqualTo("113");
        assertThat(format(27.000001)).isEqualTo("27.000001");
        assertThat(format(112.1234564)).isEqualTo("112.123456");
        assertThat(format(-0.25)).isEqualTo("-0.25");
    }

    @Test
    void a_clockwise_polygon_is_written_counter_clockwise_with_its_properties_in_order() throws Exception {
        Geometry clockwise = new WKTReader().read("POLYGON ((113 27, 113 28, 114 28, 114 27, 113 27))");
        GeneratedCell cell = new GeneratedCell("432002001000", "五一街道", GridLevel.TOWNSHIP, "432002000000", clockwise);
        String json = new GeneratedGridWriter().toGeoJson(List.of(cell));
        assertThat(json).isEqualTo("""
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"code":"432002001","name":"五一街道","level":"township",\
                "parent":"432002"},"geometry":{"type":"Polygon","coordinates":[[[113,27],[114,27],[114,28],\
                [113,28],[113,27]]]}}
                ]}
                """);
    }

    private static String format(double degrees) {
        StringBuilder sb = new StringBuilder();
        GeneratedGridWriter.number(degrees, sb);
        return sb.toString();
    }
}
