package cn.gridwatch.map.style;

import java.awt.Color;

/**
 * How one kind of feature is drawn, and what the legend calls it. Points get a {@link Marker} of
 * {@code size} pixels (its outer diameter), filled with {@code fill} and outlined with
 * {@code stroke}; lines and areas are outlined with {@code stroke} at {@code strokeWidth} pixels and
 * areas filled with {@code fill} (null: no fill; alpha is honoured). Immutable and thread-safe.
 *
 * @param title the legend text, Chinese first, e.g. {@code 国控站 National}
 */
public record Symbol(String title, Marker marker, float size, Color fill, Color stroke, float strokeWidth) {
    public Symbol {
        if (strokeWidth < 0 || size < 0) {
            throw new IllegalArgumentException("symbol '" + title + "' needs sizes >= 0, but was: size " + size
                    + ", stroke width " + strokeWidth);
        }
    }

    /** An outline (line or area boundary) without fill. */
    public static Symbol line(String title, Color stroke, float width) {
        return new Symbol(title, Marker.NONE, 0, null, stroke, width);
    }

    /** A filled area with an outline. */
    public static Symbol area(String title, Color fill, Color stroke, float width) {
        return new Symbol(title, Marker.NONE, 0, fill, stroke, width);
    }

    /** A point marker with a 1-pixel dark outline. */
    public static Symbol point(String title, Marker marker, float size, Color fill) {
        return new Symbol(title, marker, size, fill, new Color(0x333333), 1f);
    }

    /** A point marker with its own outline colour and width. */
    public static Symbol point(String title, Marker marker, float size, Color fill, Color stroke, float width) {
        return new Symbol(title, marker, size, fill, stroke, width);
    }

    public boolean isPoint() {
        return marker != Marker.NONE;
    }
}
