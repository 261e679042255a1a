package cn.gridwatch.register;

import cn.gridwatch.db.Database;
import cn.gridwatch.grid.GridLocateService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-assigns every located register row when the grid changes: recomputes the cells of the current
 * rows of each table in {@link GridAssignments#ENTITY_TYPES} (problems included) with the in-memory
 * index, rewrites the cell columns of the rows whose cells changed and closes and opens their
 * {@code grid_assignment} rows, so the history keeps the old cells. Runs in one transaction under
 * the register lock and records the grid version and date it applied in {@code register_grid_state};
 * when several instances hear the same change, the first does the work and the others find the
 * version already applied and return. A run that finds the grid applied (a restart, another
 * instance) reads that one row and neither takes the lock nor scans; a new day with the same grid
 * version scans only when some cell starts or ends between the applied date and today. Thread-safe.
 */
public final class RegisterReassigner {
    private static final Logger LOG = LoggerFactory.getLogger(RegisterReassigner.class);
    private final Database db;
    private final GridLocateService locate;

    public RegisterReassigner(Database db, GridLocateService locate) {
        this.db = db;
        this.locate = locate;
    }

    /**
     * What one run did: the grid version it applied, whether another run had applied it already, and
     * per table how many rows were looked at and how many changed cells.
     */
    public record Result(long gridVersion, boolean alreadyApplied, Map<String, int[]> tables, long millis) {
        public int changed() {
            return tables.values().stream().mapToInt(t -> t[1]).sum();
        }
    }

    /** Brings every located row in line with the current grid, unless that was done already. */
    public Result reassign() {
        long t0 = System.nanoTime();
        Result r = db.inTransaction("re-assigning register rows to the changed grid", c -> {
            // most runs find the grid applied: checked before the lock, so they never wait behind an import
            GridLocateService.Snapshot seen = CurrentGrid.snapshot(c, locate);
            if (applied(c, seen, false)) {
                return new Result(seen.version(), true, Map.of(), 0);
            }
            RegisterLock.lock(c);
            GridLocateService.Snapshot grid = CurrentGrid.snapshot(c, locate);
            if (applied(c, grid, true)) {
                return new Result(grid.version(), true, Map.of(), 0);
            }
            Map<String, int[]> tables = new LinkedHashMap<>();
            for (String table : new TreeSet<>(GridAssignments.ENTITY_TYPES)) {
                tables.put(table, reassign(c, table, grid));
            }
            try (PreparedStatement ps = c.prepareStatement("update register_grid_state set grid_version = ?,"
                    + " grid_date = ?, reassigned_at = now()")) {
                ps.setLong(1, grid.version());
                ps.setObject(2, grid.date());
                ps.executeUpdate();
            }
            return new Result(grid.version(), false, tables, 0);
        });
        Result done = new Result(r.gridVersion(), r.alreadyApplied(), r.tables(), (System.nanoTime() - t0) / 1_000_000);
        if (!done.alreadyApplied()) {
            LOG.info("registers re-assigned to grid version {}: {} rows changed cells in {} ms", done.gridVersion(),
                    done.changed(), done.millis());
        }
        return done;
    }

    /**
     * Whether the rows are in line with {@code grid}: the same grid version was applied on its date, or
     * on another date with the same cells valid on both. {@code locked}: under the register lock, where
     * such a date is moved on to {@code grid}'s so that the next runs need not compare again.
     */
    private static boolean applied(Connection c, GridLocateService.Snapshot grid, boolean locked) throws SQLException {
        long version;
        LocalDate date;
        try (PreparedStatement ps = c.prepareStatement("select grid_version, grid_date from register_grid_state"
                + (locked ? " for update" : ""));
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("register_grid_state has no row; was migration V5 applied?");
            }
            version = rs.getLong(1);
            date = rs.getObject(2, LocalDate.class);
        }
        if (version != grid.version() || date == null) {
            return false;
        }
        if (date.equals(grid.date())) {
            return true;
        }
        if (!locked || cellsChangeBetween(c, date, grid.date())) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("update register_grid_state set grid_date = ?")) {
            ps.setObject(1, grid.date());
            ps.executeUpdate();
        }
        return true;
    }

    /** Whether a cell version starts or ends after the earlier of two dates and on or before the later. */
    private static boolean cellsChangeBetween(Connection c, LocalDate a, LocalDate b) throws SQLException {
        LocalDate from = a.isBefore(b) ? a : b;
        LocalDate to = a.isBefore(b) ? b : a;
        try (PreparedStatement ps = c.prepareStatement("select exists (select 1 from grid_cell"
                + " where valid_from > ? and valid_from <= ? or valid_to > ? and valid_to <= ?)")) {
            ps.setObject(1, from);
            ps.setObject(2, to);
            ps.setObject(3, from);
            ps.setObject(4, to);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** @return {rows looked at, rows whose cells changed} */
    private static int[] reassign(Connection c, String table, GridLocateService.Snapshot grid) throws SQLException {
        String point = table.equals("patrol_record") ? "ST_GeometryN(ST_Points(geom), 1)" : "geom";
        String sql = "select id, ST_X(" + point + "), ST_Y(" + point + "), city_code, county_code, township_code,"
                + " village_code from " + table + (table.equals("monitoring_point") ? " where valid_to is null" : "");
        List<Long> ids = new ArrayList<>();
        List<GridCells> stored = new ArrayList<>();
        double[] lon = new double[1024];
        double[] lat = new double[1024];
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int i = ids.size();
                    if (i == lon.length) {
                        lon = java.util.Arrays.copyOf(lon, i * 2);
                        lat = java.util.Arrays.copyOf(lat, i * 2);
                    }
                    ids.add(rs.getLong(1));
                    lon[i] = rs.getDouble(2);
                    lat[i] = rs.getDouble(3);
                    stored.add(new GridCells(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
        int n = ids.size();
        GridCells[] now = CellLocator.locate(grid.index(), java.util.Arrays.copyOf(lon, n), java.util.Arrays.copyOf(lat, n));
        List<Long> changedIds = new ArrayList<>();
        List<GridCells> changedCells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!now[i].sameAs(stored.get(i))) {
                changedIds.add(ids.get(i));
                changedCells.add(now[i]);
            }
        }
        AssignmentBatch.updateCells(c, table, changedIds, changedCells);
        AssignmentBatch.record(c, table, changedIds, changedCells, grid.version());
        return new int[] {n, changedIds.size()};
    }
}
