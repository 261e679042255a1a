package cn.gridwatch.bench;

import cn.gridwatch.geo.CrsRegistry;
import cn.gridwatch.geo.SupportedCrs;
import cn.gridwatch.geo.WebMercator;
import cn.gridwatch.grid.GridCell;
import cn.gridwatch.grid.GridKind;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.GridLocateService;
import cn.gridwatch.grid.locate.GridIndex;
import cn.gridwatch.map.MapLayers;
import cn.gridwatch.map.render.GridSnapshotSource;
import cn.gridwatch.map.render.ImageEncoder;
import cn.gridwatch.map.render.ImageFormat;
import cn.gridwatch.map.render.MapImageService;
import cn.gridwatch.map.style.Style;
import cn.gridwatch.map.table.TableFilter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * GetMap's in-process work without HTTP or a database: the demo city's villages
 * ({@code gis-data/villages.geojson}) in an in-memory snapshot, drawn as 256 x 256 EPSG:3857 maps
 * centred on random points of the city (the requests of {@code bench/mapserver/getmap.lua}) in the
 * {@code outline} style, then encoded as PNG by gridwatch's encoder and, for comparison, by ImageIO.
 * One thread; prints the median of {@code --runs} runs of {@code --maps} maps each, per stage, and
 * the mean PNG size. Usage: {@code bench/getmap-render.sh [--zoom=12] [--maps=2000] [--runs=5]}.
 */
public final class GetMapRenderBench {
    private GetMapRenderBench() {
    }

    public static void main(String[] args) throws Exception {
        int zoom = intArg(args, "--zoom", 12);
        int maps = intArg(args, "--maps", 2000);
        int runs = intArg(args, "--runs", 5);
        List<GridCell> cells = villages(Path.of("gis-data", "villages.geojson"));
        GridIndex index = GridIndex.of(cells);
        GridLocateService.Snapshot snap = new GridLocateService.Snapshot(1, LocalDate.now(), index, 0);
        MapImageService images = new MapImageService(null, new GridSnapshotSource(() -> snap), null);
        SupportedCrs crs = CrsRegistry.parse("EPSG:3857");
        Style outline = MapLayers.grid(GridLevel.VILLAGE).style(Style.OUTLINE);
        double size = 2 * WebMercator.MAX_EXTENT_M / (1 << zoom);
        System.out.printf(Locale.ROOT, "%d villages; %d maps of 256 x 256 at zoom %d per run, %d runs; java %s%n",
                cells.size(), maps, zoom, runs, System.getProperty("java.version"));
        double[] render = new double[runs];
        double[] encode = new double[runs];
        double[] imageIo = new double[runs];
        long bytes = 0;
        long ioBytes = 0;
        for (int run = -1; run < runs; run++) { // run -1 warms the JIT
            Random rnd = new Random(42);
            List<BufferedImage> drawn = new ArrayList<>(maps);
            long t0 = System.nanoTime();
            for (int i = 0; i < maps; i++) {
                double[] c = WebMercator.fromLonLat(112.75 + rnd.nextDouble() * 0.55, 27.44 + rnd.nextDouble() * 0.49);
                Envelope box = new Envelope(c[0] - size / 2, c[0] + size / 2, c[1] - size / 2, c[1] + size / 2);
                drawn.add(images.render(new MapImageService.Request(List.of(MapLayers.grid(GridLevel.VILLAGE)),
                        List.of(outline), crs, box, 256, 256, null, null, code -> true, TableFilter.ALL)));
            }
            long t1 = System.nanoTime();
            bytes = 0;
            for (BufferedImage img : drawn) {
                bytes += ImageEncoder.encode(img, ImageFormat.PNG, null).length;
            }
            long t2 = System.nanoTime();
            ioBytes = 0;
            ImageIO.setUseCache(false);
            for (BufferedImage img : drawn) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(img, "png", out);
                ioBytes += out.size();
            }
            long t3 = System.nanoTime();
            if (run >= 0) {
                render[run] = maps / ((t1 - t0) / 1e9);
                encode[run] = maps / ((t2 - t1) / 1e9);
                imageIo[run] = maps / ((t3 - t2) / 1e9);
            }
        }
        System.out.printf(Locale.ROOT, "render:          median %.0f maps/s (%.2f ms each)%n", median(render),
                1000 / median(render));
        System.out.printf(Locale.ROOT, "encode (own):    median %.0f maps/s (%.2f ms each), mean %d bytes%n",
                median(encode), 1000 / median(encode), bytes / maps);
        System.out.printf(Locale.ROOT, "encode (ImageIO): median %.0f maps/s (%.2f ms each), mean %d bytes%n",
                median(imageIo), 1000 / median(imageIo), ioBytes / maps);
        System.out.printf(Locale.ROOT, "load average: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static List<GridCell> villages(Path file) throws IOException, org.locationtech.jts.io.ParseException {
        JsonNode root = cn.gridwatch.Json.MAPPER.readTree(file.toFile());
        GeoJsonReader reader = new GeoJsonReader();
        List<GridCell> out = new ArrayList<>();
        long id = 1;
        for (JsonNode f : root.get("features")) {
            Geometry g = reader.read(f.get("geometry").toString());
            g.setSRID(4490);
            out.add(new GridCell(id++, f.get("properties").get("code").asText(), GridLevel.VILLAGE, GridKind.ADMIN,
                    f.get("properties").get("name").asText(), null, LocalDate.of(2024, 1, 1), null, g));
        }
        return out;
    }

    private static int intArg(String[] args, String name, int dflt) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return Integer.parseInt(a.substring(name.length() + 1));
            }
        }
        return dflt;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
