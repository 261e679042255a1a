package cn.gridwatch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.geo.CrsRegistry;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Runs GDAL's command-line tools (gdalinfo, gdal_translate, ogrinfo, ogr2ogr from gdal-bin) as
 * subprocesses for tests that use GDAL as the client of the real server. Every run goes straight to
 * the local server: the {@code *_proxy} variables are removed, {@code NO_PROXY=127.0.0.1,localhost},
 * {@code GDAL_HTTP_TIMEOUT=30} (seconds per request), and the whole run is killed after
 * {@value #TIMEOUT_SECONDS} s. Stateless and thread-safe.
 */
public final class GdalTools {
    /** Wall-clock limit of one tool run, seconds. */
    public static final int TIMEOUT_SECONDS = 120;

    private GdalTools() {
    }

    /** Exit code and merged stdout/stderr of one tool run. */
    public record Result(int exitCode, String output) {
    }

    /** Runs {@code command}, asserts exit code 0 (GDAL's output in the message) and returns the output. */
    public static String run(String... command) {
        Result r = exec(command);
        assertThat(r.exitCode()).as(String.join(" ", command) + " output:\n" + shorten(r.output())).isZero();
        return r.output();
    }

    /** Runs {@code command} without judging its exit code; fails only when it cannot start or times out. */
    public static Result exec(String... command) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.toLowerCase(Locale.ROOT).endsWith("_proxy"));
        pb.environment().put("NO_PROXY", "127.0.0.1,localhost");
        pb.environment().put("GDAL_HTTP_TIMEOUT", "30");
        File log = null;
        try {
            // output to a file, so the timeout holds even when the tool keeps its output open
            log = File.createTempFile("gdal-", ".log");
            pb.redirectOutput(log);
            Process p = pb.start();
            p.getOutputStream().close();
            boolean done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String out = Files.readString(log.toPath(), StandardCharsets.UTF_8);
            if (!done) {
                throw new AssertionError(String.join(" ", command) + " timed out after " + TIMEOUT_SECONDS
                        + " s:\n" + shorten(out));
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new AssertionError("could not run " + command[0] + " (is gdal-bin installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            if (log != null) {
                log.delete();
            }
        }
    }

    /** Runs ogrinfo with {@code args}, sending {@code user:password} as HTTP basic auth (GDAL_HTTP_AUTH). */
    public static String ogrinfoWithBasicAuth(String user, String password, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ogrinfo", "--config", "GDAL_HTTP_AUTH", "BASIC",
                "--config", "GDAL_HTTP_USERPWD", user + ":" + password));
        cmd.addAll(List.of(args));
        return run(cmd.toArray(String[]::new));
    }

    /** A PNG gdal_translate drew through a GDAL_WMS service file, and gdal_translate's output. */
    public record WmsPng(BufferedImage image, Path png, String output) {
    }

    /**
     * Draws one WMS layer as a 400x400 RGB PNG with gdal_translate: writes a GDAL_WMS service file
     * for {@code serverUrl} (which may carry the token in its query), version 1.3.0 (CRS) or 1.1.1
     * (SRS), the window ulx/uly..lrx/lry in {@code crs} units. Files are {@code dir/<crs>.xml} and
     * {@code dir/<crs>.png} ({@code :} as {@code _}); {@code debug} adds {@code --debug on}.
     */
    public static WmsPng wmsToPng(String serverUrl, String version, String crs, String layer, double ulx,
            double uly, double lrx, double lry, Path dir, boolean debug) throws IOException {
        // GDAL 3.6 sends x,y order for EPSG:4490 even in 1.3.0 unless told; WMS 1.3.0 wants lat,lon
        boolean yx = version.equals("1.3.0") && CrsRegistry.axisOrderIsYX(crs);
        String param = version.equals("1.3.0") ? "CRS" : "SRS";
        String xml = String.format(Locale.ROOT, """
                <GDAL_WMS>
                  <Service name="WMS">
                    <Version>%s</Version>
                    <ServerUrl>%s</ServerUrl>
                    <%s>%s</%s>
                    <ImageFormat>image/png</ImageFormat>
                    <Layers>%s</Layers>
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
                """, version, serverUrl.replace("&", "&amp;"), param, crs, param, layer, yx ? "yxYX" : "xyXY",
                ulx, uly, lrx, lry);
        Files.createDirectories(dir);
        String name = crs.replace(':', '_');
        Path service = dir.resolve(name + ".xml");
        Files.writeString(service, xml, StandardCharsets.UTF_8);
        Path png = dir.resolve(name + ".png");
        List<String> cmd = new ArrayList<>(List.of("gdal_translate"));
        if (debug) {
            cmd.addAll(List.of("--debug", "on"));
        }
        cmd.addAll(List.of("-of", "PNG", service.toString(), png.toString()));
        String out = run(cmd.toArray(String[]::new));
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img).as("gdal_translate output " + png).isNotNull();
        return new WmsPng(img, png, out);
    }

    /** Long output cut to its head and tail, so a failure message stays readable. */
    private static String shorten(String out) {
        return out.length() <= 4000 ? out
                : out.substring(0, 2000) + "\n[... " + (out.length() - 4000) + " chars ...]\n"
                        + out.substring(out.length() - 2000);
    }
}
