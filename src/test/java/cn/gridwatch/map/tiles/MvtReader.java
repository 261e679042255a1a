package cn.gridwatch.map.tiles;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of a protobuf reader to check an MVT tile (vector_tile.proto 2.1): per layer its
 * name, feature count, keys and string values. Test helper; not a general decoder.
 */
final class MvtReader {
    /** One decoded layer. */
    record Layer(String name, int features, List<String> keys, List<String> stringValues) {
    }

    private final byte[] b;
    private int pos;

    private MvtReader(byte[] b) {
        this.b = b;
    }

    static Map<String, Layer> layers(byte[] tile) {
        Map<String, Layer> out = new LinkedHashMap<>();
        MvtReader r = new MvtReader(tile);
        while (r.pos < tile.length) {
            long tag = r.varint();
            if ((tag >>> 3) == 3 && (tag & 7) == 2) {
                Layer l = layer(r.bytes());
                out.put(l.name(), l);
            } else {
                r.skip(tag);
            }
        }
        return out;
    }

    private static Layer layer(byte[] data) {
        MvtReader r = new MvtReader(data);
        String name = null;
        int features = 0;
        List<String> keys = new ArrayList<>();
        List<String> values = new ArrayList<>();
        while (r.pos < data.length) {
            long tag = r.varint();
            int field = (int) (tag >>> 3);
            if (field == 1 && (tag & 7) == 2) {
                name = new String(r.bytes(), StandardCharsets.UTF_8);
            } else if (field == 2 && (tag & 7) == 2) {
                r.bytes();
                features++;
            } else if (field == 3 && (tag & 7) == 2) {
                keys.add(new String(r.bytes(), StandardCharsets.UTF_8));
            } else if (field == 4 && (tag & 7) == 2) {
                MvtReader v = new MvtReader(r.bytes());
                while (v.pos < v.b.length) {
                    long vt = v.varint();
                    if ((vt >>> 3) == 1 && (vt & 7) == 2) {
                        values.add(new String(v.bytes(), StandardCharsets.UTF_8));
                    } else {
                        v.skip(vt);
                    }
                }
            } else {
                r.skip(tag);
            }
        }
        return new Layer(name, features, keys, values);
    }

    private long varint() {
        long v = 0;
        for (int shift = 0; ; shift += 7) {
            int x = b[pos++] & 0xff;
            v |= (long) (x & 0x7f) << shift;
            if (x < 0x80) {
                return v;
            }
        }
    }

    private byte[] bytes() {
        int n = (int) varint();
        byte[] out = java.util.Arrays.copyOfRange(b, pos, pos + n);
        pos += n;
        return out;
    }

    private void skip(long tag) {
        switch ((int) (tag & 7)) {
            case 0 -> varint();
            case 1 -> pos += 8;
            case 2 -> bytes();
            case 5 -> pos += 4;
            default -> throw new IllegalStateException("unexpected wire type in tag " + tag);
        }
    }
}
