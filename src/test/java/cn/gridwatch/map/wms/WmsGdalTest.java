package cn.gridwatch.map.wms;

import static cn.gridwatch.map.wms.WmsFixture.darkestColumn;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.TestServer;
import cn.gridwatch.db.TestDatabase;
import cn.gridwatch.geo.WebMercator;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GDAL's WMS driver as the client (gdalinfo and gdal_translate as subprocesses, the API token in
 * the URL as GIS tools send it), over the {@link WmsFixture} grid.
 */
class WmsGdalTest {
    private static TestDatabase.Fresh db;
    private static TestServer server;
    private static String url;

    private final Path dir = Path.of("target", "wms", "gdal");

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        server = new TestServer(db);
        WmsFixture.load(server);
        url = "http://127.0.0.1:" + server.port() + "/wms?access_token=" + server.tokenFor(TestServer.ADMIN);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void gdalinfo_lists_every_grid_layer_from_the_capabilities() {
        String out = run("gdalinfo", "WMS:" + url);
        for (String layer : List.of("grid_city", "grid_county", "grid_township", "grid_village")) {
            assertThat(out).contains("LAYERS=" + layer);
        }
        assertThat(out).contains("村/社区网格");
    }

    @Test
    void gdal_translate_draws_the_county_boundary_at_the_same_column_in_epsg4490_130_and_epsg3857_111() throws IOException {
        // 112.5..113.5E, 27.5..28.5N; the counties meet at 113E, the middle column in both CRSs
        // (Web Mercator x is linear in longitude)
        BufferedImage geographic = translate("1.3.0", "EPSG:4490", 112.5, 28.5, 113.5, 27.5);
        double[] ul = WebMercator.fromLonLat(112.5, 28.5);
        double[] lr = WebMercator.fromLonLat(113.5, 27.5);
        BufferedImage mercator = translate("1.1.1", "EPSG:3857", ul[0], ul[1], lr[0], lr[1]);
        assertThat(geographic.getWidth()).isEqualTo(400);
        int a = darkestColumn(geographic, 20, 380, 500);
        int b = darkestColumn(mercator, 20, 380, 500);
        assertThat(a).isBetween(198, 201);
        assertThat(Math.abs(a - b)).isLessThanOrEqualTo(1);
    }

    private BufferedImage translate(String version, String crs, double ulx, double uly, double lrx, double lry)
            throws IOException {
        // GDAL 3.6 sends x,y order for EPSG:4490 even in 1.3.0 unless told; WMS 1.3.0 wants lat,lon
        boolean yx = version.equals("1.3.0") && cn.gridwatch.geo.CrsRegistry.axisOrderIsYX(crs);
        String xml = String.format(Locale.ROOT, """
                <GDAL_WMS>
                  <Service name="WMS">
                    <Version>%s</Version>
                    <ServerUrl>%s</ServerUrl>
                    <%s>%s</%s>
                    <ImageFormat>image/png</ImageFormat>
                    <Layers>grid_county</Layers>
                    <Styles></Styles>
                    <BBoxOrder>%s</BBoxOrder>
                  </Service>
                  <DataWindow>
                    <UpperLeftX>%.10f</UpperLeftX><UpperLeftY>%.10f</UpperLeftY>
                    <LowerRightX>%.10f</LowerRightX><LowerRightY>%.10f</LowerRightY>
                    <SizeX>400</SizeX><SizeY>400</SizeY>
                  </DataWindow>
                  <BlockSizeX>400</BlockSizeX><BlockSizeY>400</BlockSizeY>
                  <BandsCount>3</BandsCount>
                </GDAL_WMS>
                """, version, url.replace("&", "&amp;"), version.equals("1.3.0") ? "CRS" : "SRS", crs,
                version.equals("1.3.0") ? "CRS" : "SRS", yx ? "yxYX" : "xyXY", ulx, uly, lrx, lry);
        Files.createDirectories(dir);
        Path service = dir.resolve(crs.replace(':', '_') + ".xml");
        Files.writeString(service, xml, StandardCharsets.UTF_8);
        Path png = dir.resolve(crs.replace(':', '_') + ".png");
        String out = run("gdal_translate", "--debug", "on", "-of", "PNG", service.toString(), png.toString());
        Files.writeString(dir.resolve(crs.replace(':', '_') + ".log"), out);
        assertThat(out).contains(yx ? "bbox=27.5" : "bbox=");
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img).as("gdal_translate output " + png).isNotNull();
        return img;
    }

    private static String run(String... command) {
        List<String> cmd = new ArrayList<>(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.toLowerCase(Locale.ROOT).endsWith("_proxy"));
        pb.environment().put("NO_PROXY", "127.0.0.1,localhost");
        pb.environment().put("GDAL_HTTP_TIMEOUT", "30");
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", cmd) + " timed out:\n" + out);
            }
            assertThat(p.exitValue()).as(String.join(" ", cmd) + " output:\n" + out).isZero();
            return out;
        } catch (IOException e) {
            throw new AssertionError("could not run " + cmd.get(0) + " (is gdal-bin installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
