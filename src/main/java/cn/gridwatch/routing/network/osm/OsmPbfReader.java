package cn.gridwatch.routing.network.osm;

import crosby.binary.BinaryParser;
import crosby.binary.Osmformat;
import com.google.protobuf.ByteString;
import crosby.binary.Fileformat;
import crosby.binary.file.FileBlock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Streams the OSM PBF format block by block: the framing (length, BlobHeader, Blob, zlib or raw) is
 * read here, the blocks are decoded by the {@code org.openstreetmap.pbf:osmpbf} parser, so memory
 * holds one block (8,000 entities) at a time. Refuses files that need
 * features it does not understand (history files, for instance). One instance per read; not
 * thread-safe.
 */
final class OsmPbfReader extends BinaryParser {
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_BLOB_BYTES = 32 * 1024 * 1024;
    private static final Set<String> KNOWN_FEATURES = Set.of("OsmSchema-V0.6", "DenseNodes");
    private final String fileName;
    private OsmHandler handler;
    private final Map<String, String> tags = new HashMap<>();

    OsmPbfReader(String fileName) {
        this.fileName = fileName;
    }

    void read(InputStream in, OsmHandler h) {
        this.handler = h;
        try {
            for (int block = 0; readBlock(in, block); block++) {
                // each block is handed to the parser as it is read
            }
            complete();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException(fileName + " is not a readable OSM PBF file: " + e.getMessage(), e);
        }
    }

    /**
     * Reads one length-prefixed blob and parses it; false at a clean end of file. The framing is read
     * here rather than by osmpbf's {@code BlockInputStream}, which takes a file cut inside a block for
     * its end and would import half a file without a word.
     */
    private boolean readBlock(InputStream in, int block) throws IOException {
        byte[] len = in.readNBytes(4);
        if (len.length == 0) {
            return false;
        }
        if (len.length < 4) {
            throw truncated(block);
        }
        int headerSize = ((len[0] & 0xff) << 24) | ((len[1] & 0xff) << 16) | ((len[2] & 0xff) << 8) | (len[3] & 0xff);
        if (headerSize <= 0 || headerSize > MAX_HEADER_BYTES) {
            throw new IllegalArgumentException(fileName + ": block " + block + " has a header of " + headerSize
                    + " bytes; the file is not PBF or is corrupt");
        }
        Fileformat.BlobHeader header = Fileformat.BlobHeader.parseFrom(readFully(in, headerSize, block));
        if (header.getDatasize() < 0 || header.getDatasize() > MAX_BLOB_BYTES) {
            throw new IllegalArgumentException(fileName + ": block " + block + " claims " + header.getDatasize()
                    + " bytes, more than the format allows");
        }
        Fileformat.Blob blob = Fileformat.Blob.parseFrom(readFully(in, header.getDatasize(), block));
        handleBlock(FileBlock.newInstance(header.getType(), data(blob, block), header.getIndexdata()));
        return true;
    }

    private byte[] readFully(InputStream in, int n, int block) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw truncated(block);
        }
        return b;
    }

    private ByteString data(Fileformat.Blob blob, int block) {
        if (blob.hasRaw()) {
            return blob.getRaw();
        }
        if (!blob.hasZlibData()) {
            throw new IllegalArgumentException(fileName + ": block " + block + " uses a compression this importer"
                    + " does not read (only zlib and uncompressed blocks)");
        }
        if (blob.getRawSize() < 0 || blob.getRawSize() > MAX_BLOB_BYTES) {
            throw new IllegalArgumentException(fileName + ": block " + block + " claims " + blob.getRawSize()
                    + " bytes uncompressed, more than the format allows");
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(blob.getZlibData().toByteArray());
            byte[] out = new byte[blob.getRawSize()];
            int n = 0;
            while (n < out.length && !inflater.finished()) {
                int k = inflater.inflate(out, n, out.length - n);
                if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += k;
            }
            if (n != out.length) {
                throw new IllegalArgumentException(fileName + ": block " + block + " decompresses to " + n + " bytes,"
                        + " not the " + out.length + " it claims");
            }
            return ByteString.copyFrom(out);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException(fileName + ": block " + block + " is corrupt: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private IllegalArgumentException truncated(int block) {
        return new IllegalArgumentException(fileName + " ends in the middle of block " + block
                + ": the file is truncated");
    }

    @Override
    protected void parse(Osmformat.HeaderBlock header) {
        for (String f : header.getRequiredFeaturesList()) {
            if (!KNOWN_FEATURES.contains(f)) {
                throw new IllegalArgumentException(fileName + " needs the PBF feature '" + f
                        + "', which this importer does not support (only " + KNOWN_FEATURES + ")");
            }
        }
    }

    @Override
    protected void parseDense(Osmformat.DenseNodes d) {
        if (!handler.wantsNodes()) {
            return;
        }
        long id = 0;
        long lat = 0;
        long lon = 0;
        for (int i = 0; i < d.getIdCount(); i++) {
            id += d.getId(i);
            lat += d.getLat(i);
            lon += d.getLon(i);
            node(id, parseLon(lon), parseLat(lat));
        }
    }

    @Override
    protected void parseNodes(List<Osmformat.Node> nodes) {
        if (!handler.wantsNodes()) {
            return;
        }
        for (Osmformat.Node n : nodes) {
            node(n.getId(), parseLon(n.getLon()), parseLat(n.getLat()));
        }
    }

    private void node(long id, double lon, double lat) {
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException(fileName + ": node " + id + " has coordinates outside the earth: lon "
                    + lon + ", lat " + lat);
        }
        handler.node(id, lon, lat);
    }

    @Override
    protected void parseWays(List<Osmformat.Way> ways) {
        if (!handler.wantsWays()) {
            return;
        }
        for (Osmformat.Way w : ways) {
            tags.clear();
            for (int k = 0; k < w.getKeysCount(); k++) {
                tags.put(getStringById(w.getKeys(k)), getStringById(w.getVals(k)));
            }
            long[] refs = new long[w.getRefsCount()];
            long ref = 0;
            for (int j = 0; j < refs.length; j++) {
                ref += w.getRefs(j);
                refs[j] = ref;
            }
            handler.way(w.getId(), refs, tags);
        }
    }

    @Override
    protected void parseRelations(List<Osmformat.Relation> relations) {
        // relations (turn restrictions, routes) are not used
    }

    @Override
    public void complete() {
        // nothing to finish: every way was delivered as its block was read
    }
}
