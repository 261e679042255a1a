package cn.gridwatch.map.wms;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.TestServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * A small grid for WMS tests: a 2x2 degree city (112..114E, 27..29N) split at 113E into two
 * counties (a vertical boundary whose pixel column is known in every CRS), four townships and two
 * villages; plus byte-level HTTP for images.
 */
final class WmsFixture {
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    private WmsFixture() {
    }

    static void load(TestServer server) {
        upload(server, "city", fc(feature("430100", "长沙市", box(112, 27, 114, 29))));
        upload(server, "county", fc(
                feature("430102", "芙蓉区", box(112, 27, 113, 29)),
                feature("430103", "天心区", box(113, 27, 114, 29))));
        upload(server, "township", fc(
                feature("430102001", "定王台街道", box(112, 27, 113, 28)),
                feature("430102002", "文艺路街道", box(112, 28, 113, 29)),
                feature("430103001", "坡子街街道", box(113, 27, 114, 28)),
                feature("430103002", "城南路街道", box(113, 28, 114, 29))));
        upload(server, "village", fc(
                feature("430102001001", "解放东村社区", box(112, 27, 112.5, 28)),
                feature("430102001002", "马王堆社区", box(112.5, 27, 113, 28))));
    }

    private static void upload(TestServer server, String level, String body) {
        assertThat(server.http().post("/api/grids/import?level=" + level + "&crs=EPSG:4490&validFrom=2024-01-01&filename="
                + level + ".geojson", body.getBytes(StandardCharsets.UTF_8), "application/geo+json").status())
                .as("import of " + level).isEqualTo(201);
    }

    static String fc(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    static String feature(String code, String name, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":\"" + name + "\"},\"geometry\":"
                + geometry + "}";
    }

    static String box(double x0, double y0, double x1, double y1) {
        return "{\"type\":\"Polygon\",\"coordinates\":[[[" + x0 + "," + y0 + "],[" + x1 + "," + y0 + "],[" + x1 + ","
                + y1 + "],[" + x0 + "," + y1 + "],[" + x0 + "," + y0 + "]]]}";
    }

    /** A raw GET with a bearer token. */
    static HttpResponse<byte[]> get(int port, String token, String pathAndQuery, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Authorization", "Bearer " + token);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static BufferedImage image(byte[] bytes) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            assertThat(img).as("decodable image, got: " + new String(bytes, 0, Math.min(300, bytes.length),
                    StandardCharsets.UTF_8)).isNotNull();
            return img;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The column (0-based) with the most pixels darker than {@code threshold} (sum of RGB) in rows y0..y1. */
    static int darkestColumn(BufferedImage img, int y0, int y1, int threshold) {
        int best = -1;
        int bestCount = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            int n = 0;
            for (int y = y0; y < y1; y++) {
                if (isDark(img.getRGB(x, y), threshold)) {
                    n++;
                }
            }
            if (n > bestCount) {
                bestCount = n;
                best = x;
            }
        }
        return best;
    }

    static boolean isDark(int argb, int threshold) {
        int a = argb >>> 24;
        int sum = ((argb >> 16) & 0xFF) + ((argb >> 8) & 0xFF) + (argb & 0xFF);
        return a > 128 && sum < threshold;
    }

    static int darkPixels(BufferedImage img, int x0, int y0, int x1, int y1, int threshold) {
        int n = 0;
        for (int x = Math.max(0, x0); x < Math.min(img.getWidth(), x1); x++) {
            for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y1); y++) {
                if (isDark(img.getRGB(x, y), threshold)) {
                    n++;
                }
            }
        }
        return n;
    }
}
