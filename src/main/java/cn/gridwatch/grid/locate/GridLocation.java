package cn.gridwatch.grid.locate;

import cn.gridwatch.grid.GridCell;
import cn.gridwatch.grid.GridLevel;
import java.util.List;
import java.util.Optional;

/**
 * Where a point (longitude, latitude in EPSG:4490) lies in the grid: at each admin level the cell
 * whose geometry covers the point (the lowest code when several do), {@code null} when none does;
 * and every overlay cell (park, key grid) covering the point, in ascending code. Immutable.
 */
public record GridLocation(
        GridCell city,
        GridCell county,
        GridCell township,
        GridCell village,
        List<GridCell> overlays) {

    public GridLocation {
        overlays = List.copyOf(overlays);
    }

    /** The cell at {@code level}, or empty when no cell of that level covers the point. */
    public Optional<GridCell> at(GridLevel level) {
        switch (level) {
            case CITY:
                return Optional.ofNullable(city);
            case COUNTY:
                return Optional.ofNullable(county);
            case TOWNSHIP:
                return Optional.ofNullable(township);
            default:
                return Optional.ofNullable(village);
        }
    }

    /** The code at {@code level}, or {@code null}; handy in tests and logs. */
    public String codeAt(GridLevel level) {
        return at(level).map(GridCell::code).orElse(null);
    }
}
