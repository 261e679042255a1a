package cn.gridwatch.map.wms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gridwatch.map.render.ImageFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing GetMap parameters and the version negotiation, without a server. */
class GetMapRequestTest {
    private static WmsParams params(String query) {
        Map<String, List<String>> m = new java.util.LinkedHashMap<>();
        for (String kv : query.split("&")) {
            String[] p = kv.split("=", 2);
            m.put(p[0], List.of(p.length > 1 ? p[1] : ""));
        }
        return WmsParams.of(m);
    }

    private static final String BASE = "layers=grid_city,grid_county&styles=,&width=10&height=20&format=image/png";

    @Test
    void in_130_a_lat_lon_crs_takes_the_bbox_y_first() {
        GetMapRequest r = GetMapRequest.parse(params(BASE + "&crs=EPSG:4490&bbox=27,112,29,114"), WmsVersion.V130, true);
        assertThat(r.bbox().getMinX()).isEqualTo(112);
        assertThat(r.bbox().getMinY()).isEqualTo(27);
        GetMapRequest crs84 = GetMapRequest.parse(params(BASE + "&crs=CRS:84&bbox=112,27,114,29"), WmsVersion.V130, true);
        assertThat(crs84.bbox()).isEqualTo(r.bbox());
        GetMapRequest v111 = GetMapRequest.parse(params(BASE + "&srs=EPSG:4490&bbox=112,27,114,29"), WmsVersion.V111, true);
        assertThat(v111.bbox()).isEqualTo(r.bbox());
    }

    @Test
    void empty_styles_mean_the_default_outline_for_every_layer() {
        GetMapRequest r = GetMapRequest.parse(params(BASE + "&crs=EPSG:3857&bbox=0,0,10,10"), WmsVersion.V130, true);
        assertThat(r.styles()).extracting(s -> s.name()).containsExactly("outline", "outline");
        assertThat(r.format()).isEqualTo(ImageFormat.PNG);
        assertThat(r.background()).isNotNull();
    }

    @Test
    void bad_values_name_the_parameter_and_carry_the_ogc_code() {
        assertThatThrownBy(() -> GetMapRequest.parse(params(BASE + "&crs=GCJ-02&bbox=0,0,1,1"), WmsVersion.V130, true))
                .isInstanceOfSatisfying(WmsException.class, e -> assertThat(e.code()).isEqualTo("InvalidCRS"));
        assertThatThrownBy(() -> GetMapRequest.parse(params(BASE + "&crs=EPSG:4490&bbox=0,0,1"), WmsVersion.V130, true))
                .isInstanceOfSatisfying(WmsException.class, e -> assertThat(e.locator()).isEqualTo("BBOX"));
        assertThatThrownBy(() -> GetMapRequest.bgcolor("red"))
                .hasMessage("BGCOLOR must be 0xRRGGBB, but was: 'red'");
        assertThatThrownBy(() -> GetMapRequest.styles("outline", GetMapRequest.layers("grid_city,grid_county", "LAYERS")))
                .isInstanceOfSatisfying(WmsException.class, e -> assertThat(e.code()).isEqualTo("StyleNotDefined"));
        assertThatThrownBy(() -> GetMapRequest.layers("grid_city,", "LAYERS"))
                .isInstanceOfSatisfying(WmsException.class, e -> assertThat(e.code()).isEqualTo("LayerNotDefined"));
    }

    @Test
    void version_negotiation_follows_the_ogc_rule() {
        assertThat(WmsVersion.negotiate(null)).isEqualTo(WmsVersion.V130);
        assertThat(WmsVersion.negotiate("1.3.0")).isEqualTo(WmsVersion.V130);
        assertThat(WmsVersion.negotiate("1.4")).isEqualTo(WmsVersion.V130);
        assertThat(WmsVersion.negotiate("1.1.1")).isEqualTo(WmsVersion.V111);
        assertThat(WmsVersion.negotiate("1.2.9")).isEqualTo(WmsVersion.V111);
        assertThat(WmsVersion.negotiate("1.0.0")).isEqualTo(WmsVersion.V111);
    }

    @Test
    void gauss_kruger_zones_are_the_3_degree_bands_the_extent_touches() {
        assertThat(CapabilitiesWriter.gaussKrugerZones(new org.locationtech.jts.geom.Envelope(112.7, 113.3, 27.4, 27.9)))
                .containsExactly("EPSG:4547");
        assertThat(CapabilitiesWriter.gaussKrugerZones(new org.locationtech.jts.geom.Envelope(112, 114, 27, 29)))
                .containsExactly("EPSG:4546", "EPSG:4547");
    }
}
