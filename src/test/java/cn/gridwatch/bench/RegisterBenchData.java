package cn.gridwatch.bench;

import cn.gridwatch.sources.CreditCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Writes a city-scale register for the register benchmark ({@code bench/registers.sh}): sources
 * spread uniformly over the demo city's outline (EPSG:4490), half with a valid unified social credit
 * code, 2% special and 15% key class; and patrol records in 2024, each near one to three of those
 * sources, one in ten with a short track instead of a point. The same seed gives the same files.
 *
 * <p>Usage: {@code RegisterBenchData --grid gis-data --out DIR [--sources 50000] [--patrols 200000] [--seed 42]}
 */
public final class RegisterBenchData {
    private static final String[] CATEGORIES = {"enterprise", "enterprise", "enterprise", "key_discharger",
        "construction_site", "restaurant", "restaurant", "petrol_station", "cement_grinding", "other"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
            .withZone(ZoneOffset.ofHours(8));

    private RegisterBenchData() {
    }

    public static void main(String[] args) throws IOException {
        Path grid = Path.of(arg(args, "--grid", "gis-data"));
        Path out = Path.of(arg(args, "--out", "var/bench/registers"));
        int sources = Integer.parseInt(arg(args, "--sources", "50000"));
        int patrols = Integer.parseInt(arg(args, "--patrols", "200000"));
        SplittableRandom rnd = new SplittableRandom(Long.parseLong(arg(args, "--seed", "42")));
        Files.createDirectories(out);
        Geometry city = outline(grid.resolve("city.geojson"));
        double[][] xy = new double[sources][];
        String[] codes = new String[sources];
        writeSources(out.resolve("sources.csv"), city, rnd, xy, codes);
        writePatrols(out.resolve("patrols.csv"), patrols, rnd, xy, codes);
        System.out.printf("wrote %d sources and %d patrols to %s%n", sources, patrols, out);
    }

    private static void writeSources(Path file, Geometry city, SplittableRandom rnd, double[][] xy, String[] codes)
            throws IOException {
        PreparedGeometry inside = PreparedGeometryFactory.prepare(city);
        Envelope e = city.getEnvelopeInternal();
        GeometryFactory f = city.getFactory();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("code,name,category,industry,address,permit_no,inspection_class,class_reason,status,lon,lat\n");
            for (int i = 0; i < xy.length; i++) {
                double lon;
                double lat;
                do {
                    lon = round(e.getMinX() + rnd.nextDouble() * e.getWidth());
                    lat = round(e.getMinY() + rnd.nextDouble() * e.getHeight());
                } while (!inside.covers(f.createPoint(new Coordinate(lon, lat))));
                xy[i] = new double[] {lon, lat};
                String first17 = String.format(Locale.ROOT, "9143200%010d", i);
                codes[i] = i % 2 == 0 ? first17 + CreditCode.checkCharacter(first17)
                        : String.format(Locale.ROOT, "XY-%06d", i);
                double c = rnd.nextDouble();
                String cls = c < 0.02 ? "special" : c < 0.17 ? "key" : "general";
                String reason = cls.equals("general") ? "" : cls.equals("key") ? "重点排污单位名录" : "群众投诉集中";
                w.write(String.join(",", codes[i], "企业" + i, CATEGORIES[rnd.nextInt(CATEGORIES.length)], "制造业",
                        "湘源市某路" + i + "号", i % 3 == 0 ? "P" + i : "", cls, reason, "active",
                        Double.toString(lon), Double.toString(lat)));
                w.write('\n');
            }
        }
    }

    private static void writePatrols(Path file, int n, SplittableRandom rnd, double[][] xy, String[] codes)
            throws IOException {
        long year = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("code,officer,started_at,ended_at,checked,findings,source_codes,lon,lat,wkt\n");
            for (int i = 0; i < n; i++) {
                int s = rnd.nextInt(xy.length);
                StringBuilder linked = new StringBuilder(codes[s]);
                for (int k = rnd.nextInt(3); k > 0; k--) {
                    linked.append(';').append(codes[rnd.nextInt(xy.length)]);
                }
                long start = year + rnd.nextLong(365L * 86_400);
                long end = start + 3600 + rnd.nextLong(2 * 3600);
                double lon = round(xy[s][0] + (rnd.nextDouble() - 0.5) * 0.002);
                double lat = round(xy[s][1] + (rnd.nextDouble() - 0.5) * 0.002);
                String point = Double.toString(lon) + "," + lat + ",";
                if (i % 10 == 0) {
                    point = ",,\"LINESTRING (" + lon + " " + lat + ", " + round(lon + 0.003) + " " + round(lat + 0.001)
                            + ", " + round(lon + 0.005) + " " + round(lat - 0.002) + ")\"";
                }
                w.write(String.join(",", "PT-" + i, "网格员" + rnd.nextInt(300), TIME.format(Instant.ofEpochSecond(start)),
                        TIME.format(Instant.ofEpochSecond(end)), "废气;废水", i % 20 == 0 ? "发现问题" : "",
                        linked.toString(), point));
                w.write('\n');
            }
        }
    }

    private static Geometry outline(Path cityFile) throws IOException {
        JsonNode root = new ObjectMapper().readTree(cityFile.toFile());
        try {
            return new GeoJsonReader().read(root.get("features").get(0).get("geometry").toString());
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IOException("cannot read the city outline in " + cityFile, e);
        }
    }

    private static double round(double d) {
        return Math.round(d * 1e6) / 1e6;
    }

    private static String arg(String[] args, String name, String dflt) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return dflt;
    }
}
