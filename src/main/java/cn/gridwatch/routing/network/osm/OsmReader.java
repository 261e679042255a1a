package cn.gridwatch.routing.network.osm;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads one pass over an OSM file in any supported {@link OsmFormat}, streaming. Stateless and
 * thread-safe.
 */
public final class OsmReader {
    private OsmReader() {
    }

    /**
     * @throws IllegalArgumentException naming the file (and the line, for XML) when it is malformed
     */
    public static void read(Path file, OsmFormat format, OsmHandler handler) {
        String name = String.valueOf(file.getFileName());
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            switch (format) {
                case PBF:
                    new OsmPbfReader(name).read(raw, handler);
                    break;
                case XML_GZ:
                    try (InputStream in = new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16)) {
                        new OsmXmlReader(name).read(in, handler);
                    }
                    break;
                default:
                    new OsmXmlReader(name).read(raw, handler);
            }
        } catch (EOFException | ZipException e) {
            throw new IllegalArgumentException(name + " is truncated or corrupt: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }
}
