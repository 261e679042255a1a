package cn.gridwatch.map.table;

import cn.gridwatch.db.Database;
import cn.gridwatch.map.FeaturePage;
import cn.gridwatch.map.FeatureRow;
import cn.gridwatch.map.MapFeature;
import cn.gridwatch.map.MapLayer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * Read use cases of the register layers for maps, feature info, vector tiles and the features API,
 * each on its own pooled connection. The {@link TableFilter} carries the viewer's jurisdiction and
 * time range; a timed layer asked without a time gets its default window, ending now by
 * {@code clock}. Read-only. Thread-safe.
 */
public final class TableFeatureSource {
    /** The most features of one layer drawn on one map; beyond it a map shows the first by code. */
    public static final int MAX_DRAWN = 50_000;

    private final Database db;
    private final Clock clock;
    private final TableRepository repo = new TableRepository();
    private final MapDataVersions versions;

    public TableFeatureSource(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.versions = new MapDataVersions(db);
    }

    /** The versions of the data behind the table layers (for caches keyed on them). */
    public MapDataVersions versions() {
        return versions;
    }

    /** Features of {@code layer} in a lon/lat box, lines and areas simplified to {@code toleranceDeg} (0: none). */
    public List<MapFeature> draw(MapLayer layer, Envelope lonLat, double toleranceDeg, TableFilter f) {
        check(layer);
        return db.withConnection("reading " + layer.name() + " for a map", c -> repo.draw(c, layer, lonLat,
                toleranceDeg, f.effectiveTime(layer.table(), clock), f, MAX_DRAWN));
    }

    /** At most {@code max} features within {@code radiusDeg} of (lon, lat), nearest first, with attributes. */
    public List<MapFeature> near(MapLayer layer, double lon, double lat, double radiusDeg, TableFilter f, int max) {
        check(layer);
        return db.withConnection("reading " + layer.name() + " at a point", c -> repo.near(c, layer, lon, lat,
                radiusDeg, f.effectiveTime(layer.table(), clock), f, max));
    }

    /** One page of features in {@code bbox} (null: anywhere), ordered by code. */
    public FeaturePage page(MapLayer layer, Envelope bbox, TableFilter f, int limit, int offset) {
        check(layer);
        return db.withConnection("reading items of " + layer.name(), c -> repo.page(c, layer, bbox,
                f.effectiveTime(layer.table(), clock), f, limit, offset));
    }

    /** The feature with id {@code id} if the viewer may see it (the default time window does not apply). */
    public Optional<FeatureRow> one(MapLayer layer, String id, String scopePrefix, TableFilter.Viewer viewer) {
        check(layer);
        return db.withConnection("reading feature " + id + " of " + layer.name(),
                c -> repo.one(c, layer, id, null, new TableFilter(null, scopePrefix, java.util.Map.of(), viewer)));
    }

    /** {@code [minLon, minLat, maxLon, maxLat]} of what the viewer sees of the layer (any time), or null. */
    public double[] extent(MapLayer layer, String scopePrefix) {
        check(layer);
        return db.withConnection("reading the extent of " + layer.name(),
                c -> repo.extent(c, layer, null, new TableFilter(null, scopePrefix, java.util.Map.of(), TableFilter.Viewer.PRIVILEGED)));
    }

    /** The first and last time of a timed layer's rows, or null when it has none. */
    public Instant[] timeExtent(MapLayer layer) {
        check(layer);
        if (!layer.timed()) {
            throw new IllegalArgumentException("layer " + layer.name() + " has no time");
        }
        return db.withConnection("reading the time extent of " + layer.name(), c -> repo.timeExtent(c, layer));
    }

    /** The MVT tile z/x/y of {@code layer}; lines and areas simplified by {@code simplifyMetres} (0: not). */
    public byte[] mvt(MapLayer layer, int z, int x, int y, double simplifyMetres, TableFilter f) {
        check(layer);
        return db.withConnection("building tile " + layer.name() + "/" + z + "/" + x + "/" + y, c -> repo.mvt(c, layer,
                z, x, y, simplifyMetres, f.effectiveTime(layer.table(), clock), f));
    }

    private static void check(MapLayer layer) {
        if (layer.table() == null) {
            throw new IllegalArgumentException("layer " + layer.name() + " is not a register layer");
        }
    }
}
