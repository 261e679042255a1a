package cn.gridwatch.grid.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link RoadSketch} as OSM XML 0.6 (all nodes, then all ways, no timestamps or users), the
 * format the road importer reads, so the demo goes through the same import as real data. UTF-8; the
 * same sketch gives a byte-identical file. Stateless and thread-safe.
 */
final class OsmXmlWriter {
    private OsmXmlWriter() {
    }

    static void write(RoadSketch s, Path file, String note) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            w.write("<!-- " + note.replace("--", "-") + " -->\n");
            w.write("<osm version=\"0.6\" generator=\"gridwatch generate --mode demo\">\n");
            double[] box = bounds(s);
            w.write(String.format(Locale.ROOT, "  <bounds minlat=\"%.7f\" minlon=\"%.7f\" maxlat=\"%.7f\" maxlon=\"%.7f\"/>%n",
                    box[1], box[0], box[3], box[2]));
            int id = 1;
            for (double[] n : s.nodes()) {
                w.write(String.format(Locale.ROOT, "  <node id=\"%d\" lat=\"%.7f\" lon=\"%.7f\"/>%n", id++, n[1], n[0]));
            }
            for (RoadSketch.Way way : s.ways()) {
                w.write("  <way id=\"" + way.id() + "\">\n");
                for (long ref : way.refs()) {
                    w.write("    <nd ref=\"" + ref + "\"/>\n");
                }
                for (Map.Entry<String, String> t : way.tags().entrySet()) {
                    w.write("    <tag k=\"" + escape(t.getKey()) + "\" v=\"" + escape(t.getValue()) + "\"/>\n");
                }
                w.write("  </way>\n");
            }
            w.write("</osm>\n");
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }

    private static double[] bounds(RoadSketch s) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double[] n : s.nodes()) {
            b[0] = Math.min(b[0], n[0]);
            b[1] = Math.min(b[1], n[1]);
            b[2] = Math.max(b[2], n[0]);
            b[3] = Math.max(b[3], n[1]);
        }
        return b;
    }

    private static String escape(String v) {
        return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
