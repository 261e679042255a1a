package cn.gridwatch.map.render;

import cn.gridwatch.grid.GridLevel;
import java.awt.Color;

/**
 * How one layer is drawn: outline colour and width in pixels, an optional fill, and labels
 * ({@code labelSize} in points, 0 = no labels) drawn only between {@code labelMinScale} and
 * {@code labelMaxScale} (OGC scale denominators, 0 = no limit). Immutable and thread-safe.
 */
public record Style(String name, Color stroke, float strokeWidth, Color fill, float labelSize, Color labelColor,
        double labelMinScale, double labelMaxScale) {
    public static final String OUTLINE = "outline";
    public static final String OUTLINE_LABELS = "outline_labels";

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
        return switch (level) {
            case CITY -> new Style(n, new Color(0x8B1A1A), 3.5f, null, labels ? 16 : 0, new Color(0x5A0E0E), 0, 0);
            case COUNTY -> new Style(n, new Color(0xC0392B), 2.5f, null, labels ? 14 : 0, new Color(0x7B241C), 0, 5e6);
            case TOWNSHIP -> new Style(n, new Color(0x1F618D), 1.5f, null, labels ? 12 : 0, new Color(0x154360), 0, 1e6);
            case VILLAGE -> new Style(n, new Color(0x27AE60), 0.8f, null, labels ? 10 : 0, new Color(0x145A32), 0, 2.5e5);
        };
    }
}
