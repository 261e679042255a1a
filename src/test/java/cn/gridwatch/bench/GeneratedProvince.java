package cn.gridwatch.bench;

import cn.gridwatch.grid.GridCell;
import cn.gridwatch.grid.GridKind;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.generate.GeneratedCell;
import cn.gridwatch.grid.generate.GeneratedGrid;
import cn.gridwatch.grid.generate.GridGenerator;
import cn.gridwatch.grid.generate.ProvincePlan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The province the project's own generator makes ({@link GridGenerator#province} with
 * {@link ProvincePlan#HUNAN_SIZE}: 14 cities, ~123 counties, ~1,939 townships, ~23,960 villages,
 * every level tiling its parent exactly), as admin {@link GridCell}s valid from 2024-01-01.
 * EPSG:4490, x = longitude, y = latitude. Deterministic per seed; generating takes a few seconds.
 */
public final class GeneratedProvince implements GridSource {
    private static final LocalDate VALID_FROM = LocalDate.of(2024, 1, 1);
    private final long seed;

    public GeneratedProvince(long seed) {
        this.seed = seed;
    }

    @Override
    public List<GridCell> cells() {
        GeneratedGrid grid = new GridGenerator().province(seed, ProvincePlan.HUNAN_SIZE);
        List<GridCell> cells = new ArrayList<>();
        long id = 1;
        for (GridLevel level : GridLevel.values()) {
            for (GeneratedCell c : grid.level(level)) {
                c.geometry().setSRID(4490);
                cells.add(new GridCell(id++, c.code(), level, GridKind.ADMIN, c.name(), c.parentCode(), VALID_FROM, null,
                        c.geometry()));
            }
        }
        return cells;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "generated province (GridGenerator.province, seed %d, HUNAN_SIZE)", seed);
    }
}
