package cn.gridwatch.map.features;

import cn.gridwatch.db.Database;
import cn.gridwatch.grid.NotFoundException;
import cn.gridwatch.map.FeaturePage;
import cn.gridwatch.map.FeatureRow;
import cn.gridwatch.map.table.TableFeatureSource;
import cn.gridwatch.map.table.TableFilter;
import java.time.Instant;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * Read use cases of the features API: pages of a collection, one feature, a collection's extent.
 * {@code scopePrefix} limits every answer to codes starting with it ("" for everything); for register
 * collections that is the finest grid code of each row. The filter's time applies to timed collections
 * (null: their default window, {@code TimeRange#isAll()}: none) and is ignored by the others.
 * Never imports Javalin. Thread-safe.
 */
public final class FeaturesService {
    /** Items per page when the client does not say, and the most it may ask for. */
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 10_000;

    private final Database db;
    private final TableFeatureSource tables;
    private final FeaturesRepository repo = new FeaturesRepository();

    public FeaturesService(Database db, TableFeatureSource tables) {
        this.db = db;
        this.tables = tables;
    }

    /**
     * A page of {@code coll} in {@code bbox} (null: anywhere) with what {@code filter} asks: its time,
     * vendor parameters ({@code plan}, {@code level}) and viewer apply to register collections, its
     * scope to every collection.
     */
    public FeaturePage page(FeatureCollectionDef coll, TableFilter filter, Envelope bbox, int limit, int offset) {
        String scopePrefix = filter.scopePrefix();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be in 1.." + MAX_LIMIT + ", but was: " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, but was: " + offset);
        }
        if (!coll.layer().isGrid()) {
            return tables.page(coll.layer(), bbox, filter, limit, offset);
        }
        return db.withConnection("reading items of " + coll.id(),
                c -> repo.page(c, coll, scopePrefix, bbox, limit, offset));
    }

    /** @throws NotFoundException naming the feature and collection */
    public FeatureRow one(FeatureCollectionDef coll, String scopePrefix, TableFilter.Viewer viewer, String featureId) {
        Optional<FeatureRow> row = coll.layer().isGrid()
                ? db.withConnection("reading feature " + featureId + " of " + coll.id(),
                        c -> repo.one(c, coll, scopePrefix, featureId))
                : tables.one(coll.layer(), featureId, scopePrefix, viewer);
        return row.orElseThrow(() -> new NotFoundException("no feature '" + featureId + "' in collection '"
                + coll.id() + "'"));
    }

    /** {@code [minLon, minLat, maxLon, maxLat]}, or null when the collection is empty. */
    public double[] extent(FeatureCollectionDef coll, String scopePrefix) {
        if (!coll.layer().isGrid()) {
            return tables.extent(coll.layer(), scopePrefix);
        }
        return db.withConnection("reading the extent of " + coll.id(), c -> repo.extent(c, coll, scopePrefix));
    }

    /** The first and last time of a timed collection's rows, or null (untimed or empty). */
    public Instant[] timeExtent(FeatureCollectionDef coll) {
        return coll.layer().timed() ? tables.timeExtent(coll.layer()) : null;
    }
}
