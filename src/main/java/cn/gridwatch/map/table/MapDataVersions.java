package cn.gridwatch.map.table;

import cn.gridwatch.db.Database;
import cn.gridwatch.map.TableLayer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The versions of the data behind the table layers ({@code map_data_version}, V10): one counter per
 * source, bumped by triggers in every writing transaction, so a reader that sees a new version sees
 * the rows written with it. A layer's version is the sum of its sources' counters (each only
 * grows, so the sum changes whenever one does). The seven counters are kept in memory and re-read
 * (one small query) when this instance has committed a transaction since the last read
 * ({@link Database#commits()}: every write through this instance is seen by the next request,
 * without a database read per cached tile otherwise), and at least every
 * {@value #MAX_AGE_MS} ms for writes by other instances or tools sharing the database.
 * Thread-safe (a benign race: two threads may both re-read).
 */
public final class MapDataVersions {
    /** Writes by other instances are seen within this long. */
    static final long MAX_AGE_MS = 1000;

    private record Snapshot(long commits, long readAtNanos, Map<String, Long> versions) {
    }

    private final Database db;
    private volatile Snapshot last;

    public MapDataVersions(Database db) {
        this.db = db;
    }

    /** Every source's version: from memory, re-read after a local commit or {@value #MAX_AGE_MS} ms. */
    public Map<String, Long> current() {
        Snapshot s = last;
        long commits = db.commits(); // before the read: a commit racing it makes the next call re-read
        long now = System.nanoTime();
        if (s != null && s.commits() == commits && now - s.readAtNanos() < MAX_AGE_MS * 1_000_000L) {
            return s.versions();
        }
        Map<String, Long> v = read();
        last = new Snapshot(commits, now, v);
        return v;
    }

    /** Every source's version, read from the database now. */
    public Map<String, Long> read() {
        return db.withConnection("reading the map data versions", c -> {
            Map<String, Long> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select source, version from map_data_version");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return Map.copyOf(out);
        });
    }

    /** The combined version of {@code sources} in {@code versions} (0 for none). */
    public static long of(Collection<String> sources, Map<String, Long> versions) {
        long sum = 0;
        for (String s : sources) {
            sum += versions.getOrDefault(s, 0L);
        }
        return sum;
    }

    /** The combined version of every source. */
    public long all() {
        return of(TableLayer.DATA_SOURCES, current());
    }

    /** The combined version of {@code layer}'s sources. */
    public long of(TableLayer layer) {
        return layer.sources().isEmpty() ? 0 : of(layer.sources(), current());
    }
}
