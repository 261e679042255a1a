package cn.gridwatch.map.render;

import cn.gridwatch.grid.GridCell;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.GridLocateService;
import cn.gridwatch.grid.locate.GridIndex;
import cn.gridwatch.map.MapFeature;
import cn.gridwatch.map.MapLayer;
import cn.gridwatch.map.MapLayers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The current grid cells for drawing, from the in-memory grid snapshot of {@link GridLocateService}
 * (the cell versions valid today) instead of a database round trip: per level an {@link STRtree} of
 * the cells' full geometries, built once per snapshot (version and date) on first use. Maps thin the
 * geometry to the pixel while drawing ({@link MapRenderer}), so no per-scale copies are kept.
 * Geometries are EPSG:4490, x = longitude. Thread-safe: the trees are built under a lock and only
 * queried afterwards ({@code STRtree} queries are thread-safe once built).
 */
public final class GridSnapshotSource {
    private static final Comparator<MapFeature> BY_CODE = Comparator.comparing(MapFeature::code);
    private final Supplier<GridLocateService.Snapshot> snapshots;
    private volatile Built built;

    private record Built(long version, LocalDate date, STRtree[] trees) {
    }

    public GridSnapshotSource(Supplier<GridLocateService.Snapshot> snapshots) {
        this.snapshots = snapshots;
    }

    /** The grid version of the snapshot in use (what a map drawn now shows). */
    public long version() {
        return snapshots.get().version();
    }

    /** The current cells of {@code level} whose bounding box meets {@code lonLat}, in code order. */
    public List<MapFeature> inBox(GridLevel level, Envelope lonLat) {
        @SuppressWarnings("unchecked")
        List<MapFeature> hits = current().trees()[level.rank() - 1].query(lonLat);
        List<MapFeature> out = new ArrayList<>(hits);
        out.sort(BY_CODE); // the order the database path draws in, so both give the same image
        return out;
    }

    private Built current() {
        GridLocateService.Snapshot s = snapshots.get();
        Built b = built;
        if (b != null && b.version() == s.version() && b.date().equals(s.date())) {
            return b;
        }
        synchronized (this) {
            b = built;
            if (b == null || b.version() != s.version() || !b.date().equals(s.date())) {
                b = build(s);
                built = b;
            }
            return b;
        }
    }

    private static Built build(GridLocateService.Snapshot s) {
        GridIndex index = s.index();
        STRtree[] trees = new STRtree[GridIndex.LEVELS];
        for (GridLevel level : GridLevel.values()) {
            MapLayer layer = MapLayers.grid(level);
            STRtree tree = new STRtree();
            int n = index.cellCount(level);
            for (int i = 0; i < n; i++) {
                GridCell cell = index.cell(level, i);
                MapFeature f = new MapFeature(layer.name(), cell.code(), cell.name(), null, cell.geometry(), null,
                        layer.labelRank(), Map.of());
                tree.insert(cell.geometry().getEnvelopeInternal(), f);
            }
            tree.build();
            trees[level.rank() - 1] = tree;
        }
        return new Built(s.version(), s.date(), trees);
    }
}
