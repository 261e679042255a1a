package cn.gridwatch.routing.network.osm;

import java.util.Arrays;

/**
 * An open-addressing hash map from {@code long} keys (OSM ids) to {@code int} values, without boxing,
 * so a city's worth of node ids fits in a few arrays. {@link #MISSING} is returned for absent keys.
 * Not thread-safe.
 */
public final class LongIntMap {
    public static final int MISSING = Integer.MIN_VALUE;
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    public LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        allocate(cap);
    }

    private void allocate(int cap) {
        keys = new long[cap];
        Arrays.fill(keys, EMPTY);
        values = new int[cap];
        mask = cap - 1;
    }

    public int size() {
        return size;
    }

    /** The value stored for {@code key}, or {@link #MISSING}. */
    public int get(long key) {
        int i = slot(key);
        return keys[i] == key ? values[i] : MISSING;
    }

    public boolean containsKey(long key) {
        return keys[slot(key)] == key;
    }

    public void put(long key, int value) {
        checkKey(key);
        int i = slot(key);
        if (keys[i] != key) {
            keys[i] = key;
            size++;
            values[i] = value;
            growIfFull();
        } else {
            values[i] = value;
        }
    }

    /** Adds {@code delta} to the value of {@code key} (absent counts as 0) and returns the new value. */
    public int add(long key, int delta) {
        checkKey(key);
        int i = slot(key);
        if (keys[i] != key) {
            keys[i] = key;
            values[i] = delta;
            size++;
            growIfFull();
            return delta;
        }
        values[i] += delta;
        return values[i];
    }

    /** Calls {@code action} for every entry, in no particular order. */
    public void forEach(Entry action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                action.accept(keys[i], values[i]);
            }
        }
    }

    /** An entry visitor. */
    @FunctionalInterface
    public interface Entry {
        void accept(long key, int value);
    }

    private int slot(long key) {
        int i = (int) mix(key) & mask;
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void growIfFull() {
        if (size * 2 <= keys.length) {
            return;
        }
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(keys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int j = slot(oldKeys[i]);
                keys[j] = oldKeys[i];
                values[j] = oldValues[i];
            }
        }
    }

    private static void checkKey(long key) {
        if (key == EMPTY) {
            throw new IllegalArgumentException("key " + key + " is reserved");
        }
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        return k;
    }
}
