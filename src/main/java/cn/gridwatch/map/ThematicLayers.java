package cn.gridwatch.map;

import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.map.style.Style;
import cn.gridwatch.map.style.Symbol;
import java.awt.Color;
import java.util.Map;

/**
 * Thematic (choropleth) layers of the current admin grid cells, shaded by a count computed at the
 * time of the request. Cells of one level are shown, village by default; {@code LEVEL=} (city,
 * county, township, village or 1..4; WMS vendor parameter, {@code level=} in tile and features URLs)
 * picks another. A cell's figure counts the rows whose grid code at that level is the cell's (short
 * codes padded to 12 digits, as the statistics do). Officers see only the cells of their
 * jurisdiction. Immutable.
 *
 * <ul>
 *   <li>{@code grid_overdue}: open problems (status not closed or closed_unfixed) whose deadline has
 *       passed (deadline &lt; now), per cell; attributes {@code overdue} and {@code open}.
 *   <li>{@code grid_patrol_coverage}: the share of the cell's active pollution sources that a patrol
 *       record started in the last {@value #COVERAGE_DAYS} days checked (patrol_source), in percent;
 *       attributes {@code sources}, {@code patrolled}, {@code coverage_pct} (null without sources).
 *       This is the simple "any patrol in 30 days" figure for the map; the statistics' coverage
 *       (/api/stats) applies the per-class required counts of the patrol rules over a period.
 * </ul>
 */
public final class ThematicLayers {
    static final int COVERAGE_DAYS = 30;
    /** Cells of each level they count for: the row's four codes, padded to 12 digits. */
    private static final String CELLS_OF_ROW = "cross join lateral (values (rpad(x.city_code, 12, '0')),"
            + " (rpad(x.county_code, 12, '0')), (rpad(x.township_code, 12, '0')), (rpad(x.village_code, 12, '0')))"
            + " as v(cell)";
    /** The admin cells valid today (the server's date, as the grid layers draw them): none that start later. */
    private static final String CELLS_OF_TODAY = "g.kind = 'admin' and g.valid_from <= current_date"
            + " and (g.valid_to is null or g.valid_to > current_date)";
    /** The cell's code in the column of its level, so the jurisdiction filter applies to cells as to rows. */
    private static final String CELL_CODES = "case when g.level = 1 then g.code end as city_code,"
            + " case when g.level = 2 then g.code end as county_code,"
            + " case when g.level = 3 then g.code end as township_code,"
            + " case when g.level = 4 then g.code end as village_code";
    private static final String OVERDUE = "(select g.code, g.name, g.level, g.geom, " + CELL_CODES + ","
            + " coalesce(o.overdue, 0) as overdue, coalesce(o.open, 0) as open"
            + " from grid_cell g left join (select v.cell, count(*) filter (where x.deadline < now()) as overdue,"
            + " count(*) as open from (select city_code, county_code, township_code, village_code, deadline"
            + " from problem where status not in ('closed', 'closed_unfixed')) x " + CELLS_OF_ROW
            + " where v.cell is not null group by v.cell) o on o.cell = g.code"
            + " where " + CELLS_OF_TODAY + ") go";
    private static final String COVERAGE = "(select g.code, g.name, g.level, g.geom, " + CELL_CODES + ","
            + " coalesce(c.sources, 0) as sources, coalesce(c.patrolled, 0) as patrolled,"
            + " case when c.sources > 0 then round(100.0 * c.patrolled / c.sources, 1) end as coverage_pct"
            + " from grid_cell g left join (select v.cell, count(*) as sources,"
            + " count(*) filter (where x.patrolled) as patrolled from (select s.city_code, s.county_code,"
            + " s.township_code, s.village_code, exists (select 1 from patrol_source ps join patrol_record p"
            + " on p.id = ps.patrol_id where ps.source_id = s.id and p.started_at > now() - interval '"
            + COVERAGE_DAYS + " days' and p.started_at <= now()) as patrolled"
            + " from pollution_source s where s.status = 'active') x " + CELLS_OF_ROW
            + " where v.cell is not null group by v.cell) c on c.cell = g.code"
            + " where " + CELLS_OF_TODAY + ") gc";

    public static final TableLayer.Param LEVEL = new TableLayer.Param("level", "level", ThematicLayers::level,
            (short) GridLevel.VILLAGE.rank(), "the grid level shown: city, county, township or village");

    static final String OVERDUE_CLASS = "case when overdue = 0 then 'none' when overdue = 1 then '1'"
            + " when overdue <= 3 then '2-3' when overdue <= 9 then '4-9' else '10+' end";
    static final String COVERAGE_CLASS = "case when sources = 0 then 'no_sources'"
            + " when patrolled * 4 < sources then 'lt25' when patrolled * 2 < sources then '25-50'"
            + " when patrolled * 4 < sources * 3 then '50-75' else 'ge75' end";

    public static final java.util.List<MapLayer> ALL = java.util.List.of(
            MapLayer.table("grid_overdue", "逾期问题专题图 Overdue problems by cell",
                    "Grid cells (village level by default; LEVEL=city|county|township|village) shaded by the number"
                            + " of overdue open problems: problems not closed (status other than closed and"
                            + " closed_unfixed) whose deadline is before the time of the request. Breaks: 0, 1,"
                            + " 2-3, 4-9, 10 and more",
                    TableLayer.from(OVERDUE).polygons("geom").name("name").classBy(OVERDUE_CLASS)
                            .columns("level", "overdue", "open").param(LEVEL)
                            .dependsOn("problems").movesWithClock().build(),
                    0, 0, choropleth("overdue", "逾期问题数 Overdue problems", overdueClasses(), 0),
                    choropleth("overdue_labels", "逾期问题数与名称 Overdue problems with names", overdueClasses(), 10)),
            MapLayer.table("grid_patrol_coverage", "巡查覆盖率专题图 Patrol coverage by cell",
                    "Grid cells (village level by default; LEVEL=city|county|township|village) shaded by patrol"
                            + " coverage: the share of the cell's active pollution sources checked by a patrol"
                            + " record (patrol_source) started in the last " + COVERAGE_DAYS + " days. Breaks:"
                            + " under 25%, 25-50%, 50-75%, 75% and more; cells without active sources grey",
                    TableLayer.from(COVERAGE).polygons("geom").name("name").classBy(COVERAGE_CLASS)
                            .columns("level", "sources", "patrolled", "coverage_pct")
                            .param(LEVEL).dependsOn("sources", "patrols").movesWithClock().build(),
                    0, 0, choropleth("coverage", "巡查覆盖率 Patrol coverage", coverageClasses(), 0),
                    choropleth("coverage_labels", "巡查覆盖率与名称 Patrol coverage with names", coverageClasses(),
                            10)));

    private ThematicLayers() {
    }

    private static Object level(String text) {
        try {
            return (short) GridLevel.parse(text).rank();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter LEVEL must be city, county, township or village (or 1..4),"
                    + " but was: '" + text + "'", e);
        }
    }

    private static Style choropleth(String name, String title, Map<String, Symbol> classes, float labelSize) {
        return new Style(name, title, classes.values().iterator().next(), classes, labelSize, new Color(0x222222), 0,
                labelSize > 0 ? 500_000 : 0);
    }

    private static Map<String, Symbol> overdueClasses() {
        Color edge = new Color(0x666666);
        return Style.classes(
                "none", Symbol.area("无逾期 None", new Color(255, 255, 255, 40), edge, 0.6f),
                "1", Symbol.area("1", fill(0xFFFFB2), edge, 0.6f),
                "2-3", Symbol.area("2–3", fill(0xFECC5C), edge, 0.6f),
                "4-9", Symbol.area("4–9", fill(0xFD8D3C), edge, 0.6f),
                "10+", Symbol.area("≥10", fill(0xE31A1C), edge, 0.6f));
    }

    private static Map<String, Symbol> coverageClasses() {
        Color edge = new Color(0x666666);
        return Style.classes(
                "no_sources", Symbol.area("无在产污染源 No active sources", new Color(0xBD, 0xBD, 0xBD, 90), edge, 0.6f),
                "lt25", Symbol.area("<25%", fill(0xD7191C), edge, 0.6f),
                "25-50", Symbol.area("25–50%", fill(0xFDAE61), edge, 0.6f),
                "50-75", Symbol.area("50–75%", fill(0xA6D96A), edge, 0.6f),
                "ge75", Symbol.area("≥75%", fill(0x1A9641), edge, 0.6f));
    }

    private static Color fill(int rgb) {
        return new Color((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, 180);
    }

}
