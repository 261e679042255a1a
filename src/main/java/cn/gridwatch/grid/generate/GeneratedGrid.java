package cn.gridwatch.grid.generate;

import cn.gridwatch.grid.GridLevel;
import java.util.List;

/**
 * A generated hierarchy, one list per level, each in code order. {@code cities} is empty when the
 * hierarchy was built from real counties. Every unit of one level is exactly tiled by its children
 * of the next level. Immutable.
 */
public record GeneratedGrid(
        List<GeneratedCell> cities,
        List<GeneratedCell> counties,
        List<GeneratedCell> townships,
        List<GeneratedCell> villages) {

    public GeneratedGrid {
        cities = List.copyOf(cities);
        counties = List.copyOf(counties);
        townships = List.copyOf(townships);
        villages = List.copyOf(villages);
    }

    /** The units of one level. */
    public List<GeneratedCell> level(GridLevel level) {
        switch (level) {
            case CITY:
                return cities;
            case COUNTY:
                return counties;
            case TOWNSHIP:
                return townships;
            default:
                return villages;
        }
    }
}
