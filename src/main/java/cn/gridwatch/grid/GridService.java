package cn.gridwatch.grid;

import cn.gridwatch.db.Database;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Read use cases on the grid: one cell with its parent and children, lists, version history,
 * dated snapshots for the in-memory locate index, and an SQL locate for dated queries and
 * cross-checks. Dates are calendar days; {@code null} means the current versions. Geometries are
 * EPSG:4490, x = longitude, y = latitude. Thread-safe.
 */
public final class GridService {
    private final Database db;
    private final GridRepository repo = new GridRepository();

    public GridService(Database db) {
        this.db = db;
    }

    /**
     * The cell {@code code} (6/9/12-digit admin codes are normalized; other codes are taken as they
     * are) valid on {@code date}, with parent and children.
     *
     * @throws NotFoundException naming the code and date when there is no such cell
     */
    public GridCellDetail get(String code, LocalDate date) {
        String key = lookupCode(code);
        return db.inTransaction("reading grid cell " + key, c -> {
            GridCell cell = repo.find(c, key, null, date).orElseThrow(() -> new NotFoundException(
                    "no grid cell with code '" + code + "'" + (date == null ? " is current" : " valid on " + date)));
            GridCellRef parent = cell.parentCode() == null ? null : repo.find(c, cell.parentCode(), null, date)
                    .map(p -> new GridCellRef(p.code(), p.name(), p.level(), p.kind())).orElse(null);
            return new GridCellDetail(cell, parent, repo.children(c, cell.code(), date));
        });
    }

    public List<GridCell> list(GridListQuery query) {
        return db.withConnection("listing grid cells", c -> repo.list(c, query));
    }

    /** Every version of {@code code}, oldest first. @throws NotFoundException when it never existed */
    public List<GridCell> history(String code) {
        String key = lookupCode(code);
        List<GridCell> versions = db.withConnection("reading the history of grid cell " + key,
                c -> repo.history(c, key));
        if (versions.isEmpty()) {
            throw new NotFoundException("no grid cell with code '" + code + "' has ever been imported");
        }
        return versions;
    }

    /** Streams every cell valid on {@code date} (current when null) to {@code sink}, level then code. */
    public void loadSnapshot(LocalDate date, Consumer<GridCell> sink) {
        db.inTransaction("loading the grid snapshot" + (date == null ? "" : " of " + date), c -> {
            repo.snapshot(c, date, sink);
            return null;
        });
    }

    /** All cells valid on {@code date} (current when null). */
    public List<GridCell> loadSnapshot(LocalDate date) {
        List<GridCell> out = new ArrayList<>();
        loadSnapshot(date, out::add);
        return out;
    }

    /** Per level, the ADMIN cell covering (lon, lat) in EPSG:4490 on {@code date}; ties → smallest code. */
    public List<GridCellRef> locateSql(double lon, double lat, LocalDate date) {
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("point (" + lon + ", " + lat + ") is not a lon/lat in EPSG:4490");
        }
        return db.withConnection("locating " + lon + "," + lat, c -> repo.locate(c, lon, lat, date));
    }

    public long currentVersion() {
        return db.withConnection("reading the grid version", repo::currentVersion);
    }

    private static String lookupCode(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("grid code is missing");
        }
        String t = code.trim();
        return t.matches("\\d{6}|\\d{9}|\\d{12}") ? AdminCode.normalize(t) : t;
    }
}
