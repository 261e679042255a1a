package cn.gridwatch.register;

import cn.gridwatch.grid.LocateResult;
import java.util.Objects;

/**
 * The cell codes a located row belongs to at each level (null where no cell covers it), as stored in
 * the {@code city_code .. village_code} columns of every located register table. Immutable.
 */
public record GridCells(String city, String county, String township, String village) {
    public static final GridCells NONE = new GridCells(null, null, null, null);

    /** The codes of a locate answer (levels city, county, township, village in that order). */
    public static GridCells of(LocateResult r) {
        return new GridCells(r.levels().get(0).code(), r.levels().get(1).code(), r.levels().get(2).code(),
                r.levels().get(3).code());
    }

    /** The finest code there is, or null outside the grid. */
    public String finest() {
        return village != null ? village : township != null ? township : county != null ? county : city;
    }

    public boolean sameAs(GridCells o) {
        return Objects.equals(city, o.city) && Objects.equals(county, o.county)
                && Objects.equals(township, o.township) && Objects.equals(village, o.village);
    }
}
