package cn.gridwatch.map;

import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.map.style.Style;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One published layer, the same in WMS, vector and PNG tiles and the features API: its name (in
 * URLs, as WMS layer, tile layer and collection id), a title (Chinese first) and description, where
 * its features come from (a grid level, or a register {@link TableLayer}), the scales it draws at
 * in WMS and PNG tiles (OGC scale denominators, 0.28 mm pixels; 0 = no limit), the lowest zoom
 * with vector tiles, and its named styles (the first is the default). Immutable and thread-safe.
 */
public record MapLayer(String name, String title, String description, GridLevel level, TableLayer table,
        double minScale, double maxScale, int minZoom, List<Style> styles) {
    /** Label priority of register features: after every grid level. */
    public static final int REGISTER_LABEL_RANK = 10;

    public MapLayer {
        Objects.requireNonNull(name, "name");
        if ((level == null) == (table == null)) {
            throw new IllegalArgumentException("layer " + name + " needs exactly one of a grid level and a table");
        }
        if (styles.isEmpty()) {
            throw new IllegalArgumentException("layer " + name + " needs at least one style");
        }
        styles = List.copyOf(styles);
    }

    /** A grid level's layer with the styles {@code outline} (default) and {@code outline_labels}. */
    public static MapLayer grid(String name, String title, GridLevel level, double maxScale, int minZoom) {
        return new MapLayer(name, title, level.chinese() + " (" + level.id() + ") cells of the grid, current versions",
                level, null, 0, maxScale, minZoom,
                List.of(Style.forGrid(level, Style.OUTLINE), Style.forGrid(level, Style.OUTLINE_LABELS)));
    }

    /** A register layer read from {@code table}, drawn in {@code styles} (the first is the default). */
    public static MapLayer table(String name, String title, String description, TableLayer table, double maxScale,
            int minZoom, Style... styles) {
        return new MapLayer(name, title, description, null, table, 0, maxScale, minZoom, List.of(styles));
    }

    public boolean isGrid() {
        return level != null;
    }

    /** True when the layer is filtered by time (WMS TIME, the features API's datetime). */
    public boolean timed() {
        return table != null && table.timed();
    }

    public Style defaultStyle() {
        return styles.get(0);
    }

    /**
     * The style called {@code styleName}; blank or {@code default} is the default style.
     *
     * @throws IllegalArgumentException naming the style, the layer and the styles it has
     */
    public Style style(String styleName) {
        String n = styleName == null ? "" : styleName.trim();
        if (n.isEmpty() || n.equalsIgnoreCase("default")) {
            return defaultStyle();
        }
        for (Style s : styles) {
            if (s.name().equals(n) || s.name().equals(n.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("style '" + styleName + "' is not defined for layer " + name + "; use one of "
                + styles.stream().map(Style::name).toList());
    }

    /** True when the layer draws at {@code scaleDenominator}. */
    public boolean visibleAt(double scaleDenominator) {
        return (minScale <= 0 || scaleDenominator >= minScale) && (maxScale <= 0 || scaleDenominator < maxScale);
    }

    /** Label priority: grid levels by rank (coarser first), then registers. */
    public int labelRank() {
        return level != null ? level.rank() : REGISTER_LABEL_RANK;
    }
}
