package cn.gridwatch.register;

/** Where a register's rows are: nowhere, at a point ({@code lon}, {@code lat}), or a point or a track. */
public enum GeometryKind {
    /** Not located (people, meters). */
    NONE,
    /** {@code lon}, {@code lat}. */
    POINT,
    /** {@code lon}, {@code lat}, or {@code wkt}: a MultiPoint, LineString or MultiLineString (patrol tracks). */
    POINT_OR_TRACK
}
