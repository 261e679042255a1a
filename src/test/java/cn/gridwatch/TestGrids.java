package cn.gridwatch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.TestHttp.Reply;
import java.nio.charset.StandardCharsets;

/**
 * Small, readable grid fixtures for HTTP tests: GeoJSON builders and the "small city" used by the
 * API, tile and feature tests — a 2x2 degree city near Changsha (430100), two counties split at
 * 113°E, four townships and two villages in 430102001 (so the other townships have no villages).
 * Coordinates are EPSG:4490 lon/lat.
 */
public final class TestGrids {
    private TestGrids() {
    }

    /** Imports every level of the small city through the HTTP API, valid from 2024-01-01. */
    public static void loadSmallCity(TestHttp http) {
        importOk(http, "city", fc(feature("430100", "长沙市", box(112, 27, 114, 29))));
        importOk(http, "county", fc(
                feature("430102", "芙蓉区", box(112, 27, 113, 29)),
                feature("430103", "天心区", box(113, 27, 114, 29))));
        importOk(http, "township", fc(
                feature("430102001", "定王台街道", box(112, 27, 113, 28)),
                feature("430102002", "文艺路街道", box(112, 28, 113, 29)),
                feature("430103001", "坡子街街道", box(113, 27, 114, 28)),
                feature("430103002", "城南路街道", box(113, 28, 114, 29))));
        importOk(http, "village", fc(
                feature("430102001001", "解放东村社区", box(112, 27, 112.5, 28)),
                feature("430102001002", "马王堆社区", box(112.5, 27, 113, 28))));
    }

    /** Uploads a GeoJSON body as {@code fileName} for {@code level} in EPSG:4490, valid from 2024-01-01. */
    public static Reply importGeoJson(TestHttp http, String level, String fileName, String body) {
        return http.post("/api/grids/import?level=" + level + "&crs=EPSG:4490&validFrom=2024-01-01&filename=" + fileName,
                body.getBytes(StandardCharsets.UTF_8), "application/geo+json");
    }

    /** {@link #importGeoJson} that must succeed (something changed, or nothing needed to). */
    public static void importOk(TestHttp http, String level, String body) {
        Reply r = importGeoJson(http, level, level + ".geojson", body);
        assertThat(r.status()).as(r.body()).isIn(200, 201);
    }

    public static String fc(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    public static String feature(String code, String name, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":\"" + name + "\"},\"geometry\":"
                + geometry + "}";
    }

    /** An axis-aligned rectangle as a GeoJSON Polygon. */
    public static String box(double x0, double y0, double x1, double y1) {
        return "{\"type\":\"Polygon\",\"coordinates\":[[[" + x0 + "," + y0 + "],[" + x1 + "," + y0 + "],[" + x1 + ","
                + y1 + "],[" + x0 + "," + y1 + "],[" + x0 + "," + y0 + "]]]}";
    }
}
