package cn.gridwatch.map.style;

/** The shape drawn for a point feature; {@link #NONE} for lines and areas. */
public enum Marker {
    NONE, CIRCLE, SQUARE, TRIANGLE, DIAMOND, STAR
}
