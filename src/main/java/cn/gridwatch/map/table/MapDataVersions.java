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
 * grows, so the sum changes whenever one does). Read per request with one primary-key scan of a
 * seven-row table: every instance sharing the database sees an edit as soon as it commits, with no
 * notification to wait for. Stateless and thread-safe.
 */
public final class MapDataVersions {
    private final Database db;

    public MapDataVersions(Database db) {
        this.db = db;
    }

    /** Every source's version. */
    public Map<String, Long> read() {
        return db.withConnection("reading the map data versions", c -> {
            Map<String, Long> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select source, version from map_data_version");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
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
        return of(TableLayer.DATA_SOURCES, read());
    }

    /** The combined version of {@code layer}'s sources. */
    public long of(TableLayer layer) {
        if (layer.sources().isEmpty()) {
            return 0;
        }
        if (layer.sources().size() == 1) {
            String s = layer.sources().iterator().next();
            return db.withConnection("reading the map data version of " + s, c -> {
                try (PreparedStatement ps = c.prepareStatement("select version from map_data_version where source = ?")) {
                    ps.setString(1, s);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getLong(1) : 0L;
                    }
                }
            });
        }
        return of(layer.sources(), read());
    }
}
