package cn.gridwatch.grid;

import cn.gridwatch.geo.CrsRegistry;
import cn.gridwatch.grid.locate.GridIndex;
import cn.gridwatch.grid.locate.GridLocation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Locates points in the grid. Today's grid is held in memory as an immutable {@link GridIndex}
 * snapshot that is swapped atomically when the database's grid version changes (any instance's
 * import bumps it and NOTIFYs) or the date rolls over; past dates go to PostGIS with the same
 * covers-and-lowest-code rule, so both paths give the same answer. Thread-safe.
 */
public final class GridLocateService {
    private static final Logger LOG = LoggerFactory.getLogger(GridLocateService.class);

    private final GridService grids;
    private final Clock clock;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    /** The in-memory index and what it was built from. */
    public record Snapshot(long version, LocalDate date, GridIndex index, long buildMillis) {
    }

    public GridLocateService(GridService grids, Clock clock) {
        this.grids = grids;
        this.clock = clock;
    }

    /** Rebuilds the in-memory index from the database if its version or date is out of date. */
    public synchronized Snapshot refresh() {
        long version = grids.currentVersion();
        LocalDate today = LocalDate.now(clock);
        Snapshot s = current.get();
        if (s != null && s.version() == version && s.date().equals(today)) {
            return s;
        }
        long t0 = System.nanoTime();
        List<GridCell> cells = grids.loadSnapshot(today);
        GridIndex index = GridIndex.of(cells);
        Snapshot fresh = new Snapshot(version, today, index, (System.nanoTime() - t0) / 1_000_000);
        current.set(fresh);
        LOG.info("grid index built: version {}, {} cells, {} ms", version, cells.size(), fresh.buildMillis());
        return fresh;
    }

    /** The snapshot in use, building it on first use. */
    public Snapshot snapshot() {
        Snapshot s = current.get();
        if (s == null || !s.date().equals(LocalDate.now(clock))) {
            return refresh();
        }
        return s;
    }

    /**
     * The cell at every level for a point given in {@code crs} (default EPSG:4490) on {@code date}
     * (default today).
     */
    public LocateResult locate(double x, double y, String crs, LocalDate date) {
        String crsId = crs == null || crs.isBlank() ? "EPSG:4490" : crs;
        double[] lonLat = CrsRegistry.toCgcs2000(crsId, x, y);
        double lon = lonLat[0];
        double lat = lonLat[1];
        Snapshot s = snapshot();
        if (date == null || date.equals(s.date())) {
            GridLocation loc = s.index().locate(lon, lat);
            List<GridCellRef> levels = new ArrayList<>(4);
            for (GridLevel level : GridLevel.values()) {
                levels.add(loc.at(level).map(GridLocateService::ref).orElse(null));
            }
            List<GridCellRef> overlays = loc.overlays().stream().map(GridLocateService::ref).toList();
            return LocateResult.of(lon, lat, s.date(), levels, overlays);
        }
        List<GridCellRef> found = grids.locateSql(lon, lat, date);
        List<GridCellRef> levels = new ArrayList<>(4);
        List<GridCellRef> overlays = new ArrayList<>();
        for (GridLevel level : GridLevel.values()) {
            levels.add(found.stream()
                    .filter(r -> r.kind() == GridKind.ADMIN && r.level() == level).findFirst().orElse(null));
        }
        found.stream().filter(r -> r.kind() != GridKind.ADMIN).forEach(overlays::add);
        return LocateResult.of(lon, lat, date, levels, overlays);
    }

    static GridCellRef ref(GridCell c) {
        return new GridCellRef(c.code(), c.name(), c.level(), c.kind());
    }
}
