package cn.gridwatch.routing.network.osm;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The OSM file formats the importer reads, found from the file's first bytes (not its name, which
 * an upload may get wrong): OSM XML, gzip-compressed OSM XML, and the PBF format. Immutable.
 */
public enum OsmFormat {
    XML("osm"), XML_GZ("osm.gz"), PBF("osm.pbf");

    private final String id;

    OsmFormat(String id) {
        this.id = id;
    }

    /** The id stored with a network: {@code osm}, {@code osm.gz} or {@code osm.pbf}. */
    public String id() {
        return id;
    }

    /**
     * Looks at the first bytes of {@code file}.
     *
     * @throws IllegalArgumentException naming the file when it is none of the three formats
     */
    public static OsmFormat sniff(Path file) throws IOException {
        byte[] head = new byte[64];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                byte[] inner = in.readNBytes(64);
                if (looksLikeXml(inner, inner.length)) {
                    return XML_GZ;
                }
            } catch (IOException e) {
                throw new IllegalArgumentException(file.getFileName() + " starts like gzip but does not decompress: "
                        + e.getMessage(), e);
            }
            throw new IllegalArgumentException(file.getFileName() + " is gzip-compressed but does not hold OSM XML");
        }
        if (looksLikePbf(head, n)) {
            return PBF;
        }
        if (looksLikeXml(head, n)) {
            return XML;
        }
        if (n >= 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h') {
            throw new IllegalArgumentException(file.getFileName() + " is bzip2-compressed; decompress it first "
                    + "(bunzip2) or convert it to .osm.pbf");
        }
        throw new IllegalArgumentException(file.getFileName() + " is not an OSM file: expected OSM XML (.osm), "
                + "gzip-compressed OSM XML (.osm.gz) or OSM PBF (.osm.pbf)");
    }

    /** PBF: a 4-byte big-endian header length, then a BlobHeader whose type (field 1) is "OSMHeader". */
    private static boolean looksLikePbf(byte[] b, int n) {
        if (n < 15 || b[0] != 0 || b[1] != 0 || b[4] != 0x0a || b[5] != 9) {
            return false;
        }
        return new String(b, 6, 9, StandardCharsets.US_ASCII).equals("OSMHeader");
    }

    private static boolean looksLikeXml(byte[] b, int n) {
        int i = 0;
        if (n >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
            i = 3; // UTF-8 byte order mark
        }
        while (i < n && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        return i < n && b[i] == '<';
    }
}
