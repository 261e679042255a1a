package cn.gridwatch.grid;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer of a locate: the point in EPSG:4490 (x = longitude, y = latitude), the date, one entry
 * per level (city first; {@code code} and {@code name} null where no cell covers the point) and the
 * overlay cells (parks, key grids). {@code inside} is false when no admin cell of any level covers
 * the point, and {@code message} then says so. Immutable.
 */
public record LocateResult(
        double lon,
        double lat,
        LocalDate date,
        boolean inside,
        String message,
        List<Entry> levels,
        List<GridCellRef> overlays) {

    /** One level's answer. */
    public record Entry(String level, String code, String name) {
    }

    static LocateResult of(double lon, double lat, LocalDate date, List<GridCellRef> perLevel,
            List<GridCellRef> overlays) {
        List<Entry> entries = new ArrayList<>(4);
        boolean inside = false;
        GridLevel[] levels = GridLevel.values();
        for (int i = 0; i < levels.length; i++) {
            GridCellRef r = perLevel.get(i);
            inside |= r != null;
            entries.add(new Entry(levels[i].id(), r == null ? null : r.code(), r == null ? null : r.name()));
        }
        String message = inside ? null : "the point (" + lon + ", " + lat + ") lies outside every grid cell on " + date;
        return new LocateResult(lon, lat, date, inside, message, List.copyOf(entries), List.copyOf(overlays));
    }

    /** The code at a level, or null. */
    public String codeAt(GridLevel level) {
        return levels.get(level.rank() - 1).code();
    }
}
