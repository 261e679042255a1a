package cn.gridwatch.routing.network;

import com.google.protobuf.ByteString;
import crosby.binary.Osmformat;
import crosby.binary.file.BlockOutputStream;
import crosby.binary.file.FileBlock;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper: writes nodes and ways as an OSM PBF file with the osmpbf library's protobuf classes
 * (one header block, one zlib-compressed data block with a DenseNodes group and a ways group).
 */
final class PbfWriter {
    private final List<long[]> nodes = new ArrayList<>(); // id, lat*1e7, lon*1e7
    private final List<Object[]> ways = new ArrayList<>(); // id, refs, tags
    private final List<String> requiredFeatures = new ArrayList<>(List.of("OsmSchema-V0.6", "DenseNodes"));

    PbfWriter node(long id, double lon, double lat) {
        nodes.add(new long[] {id, Math.round(lat * 1e7), Math.round(lon * 1e7)});
        return this;
    }

    PbfWriter way(long id, long[] refs, Map<String, String> tags) {
        ways.add(new Object[] {id, refs.clone(), new LinkedHashMap<>(tags)});
        return this;
    }

    PbfWriter requireFeature(String f) {
        requiredFeatures.add(f);
        return this;
    }

    @SuppressWarnings("unchecked")
    void write(Path file) throws IOException {
        Map<String, Integer> strings = new LinkedHashMap<>();
        strings.put("", 0);
        Osmformat.DenseNodes.Builder dense = Osmformat.DenseNodes.newBuilder();
        long id = 0;
        long lat = 0;
        long lon = 0;
        for (long[] n : nodes) {
            dense.addId(n[0] - id).addLat(n[1] - lat).addLon(n[2] - lon);
            id = n[0];
            lat = n[1];
            lon = n[2];
        }
        Osmformat.PrimitiveGroup.Builder wayGroup = Osmformat.PrimitiveGroup.newBuilder();
        for (Object[] w : ways) {
            Osmformat.Way.Builder wb = Osmformat.Way.newBuilder().setId((Long) w[0]);
            long prev = 0;
            for (long r : (long[]) w[1]) {
                wb.addRefs(r - prev);
                prev = r;
            }
            for (Map.Entry<String, String> t : ((Map<String, String>) w[2]).entrySet()) {
                wb.addKeys(strings.computeIfAbsent(t.getKey(), k -> strings.size()));
                wb.addVals(strings.computeIfAbsent(t.getValue(), k -> strings.size()));
            }
            wayGroup.addWays(wb);
        }
        Osmformat.StringTable.Builder table = Osmformat.StringTable.newBuilder();
        strings.keySet().forEach(s -> table.addS(ByteString.copyFromUtf8(s)));
        Osmformat.PrimitiveBlock block = Osmformat.PrimitiveBlock.newBuilder()
                .setStringtable(table)
                .addPrimitivegroup(Osmformat.PrimitiveGroup.newBuilder().setDense(dense))
                .addPrimitivegroup(wayGroup)
                .build();
        Osmformat.HeaderBlock header = Osmformat.HeaderBlock.newBuilder()
                .addAllRequiredFeatures(requiredFeatures).setWritingprogram("gridwatch tests").build();
        try (OutputStream os = Files.newOutputStream(file)) {
            BlockOutputStream out = new BlockOutputStream(os);
            out.write(FileBlock.newInstance("OSMHeader", header.toByteString(), null));
            out.write(FileBlock.newInstance("OSMData", block.toByteString(), null));
            out.flush();
        }
    }
}
