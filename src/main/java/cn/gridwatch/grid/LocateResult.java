package cn.gridwatch.grid;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

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

    /**
     * The same answer with the cells whose code fails {@code visible} blanked out (code and name
     * null) and left out of the overlays; when anything was blanked, {@code message} says so.
     */
    public LocateResult restrictedTo(Predicate<String> visible, String hiddenMessage) {
        boolean hidden = false;
        List<Entry> kept = new ArrayList<>(levels.size());
        for (Entry e : levels) {
            if (e.code() != null && !visible.test(e.code())) {
                kept.add(new Entry(e.level(), null, null));
                hidden = true;
            } else {
                kept.add(e);
            }
        }
        List<GridCellRef> keptOverlays = overlays.stream().filter(o -> visible.test(o.code())).toList();
        hidden |= keptOverlays.size() != overlays.size();
        String m = hidden ? (message == null ? hiddenMessage : message + "; " + hiddenMessage) : message;
        return new LocateResult(lon, lat, date, inside, m, List.copyOf(kept), keptOverlays);
    }

    /** The code at a level, or null. */
    public String codeAt(GridLevel level) {
        return levels.get(level.rank() - 1).code();
    }
}
