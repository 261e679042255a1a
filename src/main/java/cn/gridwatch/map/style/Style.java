package cn.gridwatch.map.style;

import cn.gridwatch.grid.GridLevel;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named way to draw one layer: a symbol per feature class (the value of the layer's class
 * attribute, e.g. a station's type) with {@code symbol} for any other class, and labels
 * ({@code labelSize} in points, 0 = none) drawn only between {@code labelMinScale} and
 * {@code labelMaxScale} (OGC scale denominators, 0 = no limit). The legend lists the classes in
 * their order, or the one symbol when there are none. Immutable and thread-safe.
 *
 * @param title the style's human title for capabilities, Chinese first
 */
public record Style(String name, String title, Symbol symbol, Map<String, Symbol> classes, float labelSize,
        Color labelColor, double labelMinScale, double labelMaxScale) {
    public static final String OUTLINE = "outline";
    public static final String OUTLINE_LABELS = "outline_labels";

    public Style {
        classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
    }

    /** One symbol for every feature, no labels. */
    public static Style single(String name, String title, Symbol symbol) {
        return new Style(name, title, symbol, Map.of(), 0, Color.BLACK, 0, 0);
    }

    /**
     * The classes of a {@link #classified} style in legend order, from pairs of class value and
     * symbol: {@code classes("special", starSymbol, "key", squareSymbol)}.
     */
    public static Map<String, Symbol> classes(Object... valueSymbolPairs) {
        Map<String, Symbol> m = new LinkedHashMap<>();
        for (int i = 0; i < valueSymbolPairs.length; i += 2) {
            m.put((String) valueSymbolPairs[i], (Symbol) valueSymbolPairs[i + 1]);
        }
        return m;
    }

    /** A symbol per class (in legend order); {@code other} for features of any other class. */
    public static Style classified(String name, String title, Map<String, Symbol> classes, Symbol other) {
        return new Style(name, title, other, classes, 0, Color.BLACK, 0, 0);
    }

    /** The symbol for a feature of class {@code styleClass} (null: the default symbol). */
    public Symbol symbolFor(String styleClass) {
        if (styleClass == null || classes.isEmpty()) {
            return symbol;
        }
        return classes.getOrDefault(styleClass, symbol);
    }

    /** What the legend shows, in order: the classes, or the single symbol. */
    public List<Symbol> legendEntries() {
        return classes.isEmpty() ? List.of(symbol) : new ArrayList<>(classes.values());
    }

    public boolean labels() {
        return labelSize > 0;
    }

    public boolean labelsAt(double scaleDenominator) {
        return labels() && (labelMinScale <= 0 || scaleDenominator >= labelMinScale)
                && (labelMaxScale <= 0 || scaleDenominator < labelMaxScale);
    }

    /**
     * The named style for a grid level: {@code outline} (the default) or {@code outline_labels}.
     * Coarser levels get wider, darker lines so the hierarchy reads at a glance.
     *
     * @throws IllegalArgumentException naming the style when it is not one of those two
     */
    public static Style forGrid(GridLevel level, String name) {
        boolean labels = switch (name == null || name.isBlank() ? OUTLINE : name.trim()) {
            case OUTLINE -> false;
            case OUTLINE_LABELS -> true;
            default -> throw new IllegalArgumentException("style '" + name + "' is not defined; use "
                    + OUTLINE + " or " + OUTLINE_LABELS);
        };
        String n = labels ? OUTLINE_LABELS : OUTLINE;
        String title = labels ? "边界与名称 Outline with names" : "边界 Outline";
        String legend = level.chinese() + " " + level.id();
        return switch (level) {
            case CITY -> grid(n, title, Symbol.line(legend, new Color(0x8B1A1A), 3.5f), labels ? 16 : 0,
                    new Color(0x5A0E0E), 0);
            case COUNTY -> grid(n, title, Symbol.line(legend, new Color(0xC0392B), 2.5f), labels ? 14 : 0,
                    new Color(0x7B241C), 5e6);
            case TOWNSHIP -> grid(n, title, Symbol.line(legend, new Color(0x1F618D), 1.5f), labels ? 12 : 0,
                    new Color(0x154360), 1e6);
            case VILLAGE -> grid(n, title, Symbol.line(legend, new Color(0x27AE60), 0.8f), labels ? 10 : 0,
                    new Color(0x145A32), 2.5e5);
        };
    }

    private static Style grid(String name, String title, Symbol line, float labelSize, Color labelColor,
            double labelMaxScale) {
        return new Style(name, title, line, Map.of(), labelSize, labelColor, 0, labelMaxScale);
    }
}
