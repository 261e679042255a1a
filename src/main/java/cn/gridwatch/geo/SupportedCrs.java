package cn.gridwatch.geo;

import java.util.Locale;
import java.util.Objects;

/**
 * One coordinate reference system that gridwatch accepts from users, as resolved by
 * {@link CrsRegistry#parse(String)}.
 *
 * <p>{@code id} is the canonical identifier ("EPSG:4490", "CRS:84", "GCJ-02", ...). {@code srid} is
 * the SRID that geometries in this CRS carry: the EPSG code, 4326 for CRS:84 (same datum and units,
 * only the WMS axis order differs) and 0 for GCJ-02 and BD-09, which have no EPSG code.
 * {@code axisOrderYX} is the axis order an OGC request (WMS 1.3.0, WFS 2) uses for this CRS: true
 * for EPSG geographic CRSs (lat/lon) and for the Gauss-Krüger zones (northing/easting). Inside
 * gridwatch every geometry is x = longitude/easting, y = latitude/northing whatever this flag says.
 *
 * <p>Immutable and thread-safe.
 */
public record SupportedCrs(String id, Kind kind, int srid, boolean axisOrderYX) {
    /** EPSG:3857 bound, metres: the Mercator square plus one metre for rounding. */
    private static final double WEB_MERCATOR_LIMIT_M = WebMercator.MAX_EXTENT_M + 1.0;

    /** The families of supported CRSs; each family has one conversion to and from CGCS2000. */
    public enum Kind {
        /** Longitude/latitude in degrees on CGCS2000 or WGS84 (treated as the same datum). */
        GEOGRAPHIC,
        /** Spherical (pseudo) Mercator in metres, EPSG:3857. */
        WEB_MERCATOR,
        /** CGCS2000 3-degree Gauss-Krüger zone in metres, EPSG:4513..4554. */
        GAUSS_KRUGER,
        /** GCJ-02 longitude/latitude in degrees (AMap/Gaode, Tencent). */
        GCJ02,
        /** BD-09 longitude/latitude in degrees (Baidu). */
        BD09
    }

    public SupportedCrs {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }

    /** True when coordinates are longitude/latitude in degrees (including GCJ-02 and BD-09). */
    public boolean isGeographic() {
        return kind == Kind.GEOGRAPHIC || kind == Kind.GCJ02 || kind == Kind.BD09;
    }

    /**
     * Throws {@link IllegalArgumentException} naming this CRS and the coordinate when {@code (x, y)}
     * is not {@link #inRange}. This is how a wrongly declared source CRS is caught.
     */
    public void checkInRange(double x, double y) {
        if (!inRange(x, y)) {
            throw new IllegalArgumentException("coordinate (" + x + ", " + y + ") is outside the valid range of "
                    + id + " " + rangeDescription() + "; is the source CRS really " + id + "?");
        }
    }

    /**
     * Whether {@code (x, y)} can be a coordinate of this CRS: finite, and longitude in [-180, 180] and
     * latitude in [-90, 90] for geographic CRSs, inside the Mercator square for EPSG:3857, for a
     * Gauss-Krüger zone an easting at most 350 km from the central meridian (a zone is about 170 km
     * either side; twice that leaves room for data kept in a neighbouring zone) and a northing in
     * [0, 10 000 km].
     */
    public boolean inRange(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return false;
        }
        return switch (kind) {
            case GEOGRAPHIC, GCJ02, BD09 -> x >= -180 && x <= 180 && y >= -90 && y <= 90;
            case WEB_MERCATOR -> Math.abs(x) <= WEB_MERCATOR_LIMIT_M && Math.abs(y) <= WEB_MERCATOR_LIMIT_M;
            case GAUSS_KRUGER -> Math.abs(x - GaussKruger.falseEasting(srid))
                    <= GaussKruger.MAX_DISTANCE_FROM_CENTRAL_MERIDIAN_M
                    && y >= 0 && y <= GaussKruger.MAX_NORTHING_M;
        };
    }

    /** The valid range in words, for error messages. */
    public String rangeDescription() {
        return switch (kind) {
            case GEOGRAPHIC, GCJ02, BD09 -> "longitude/latitude (lon in [-180, 180], lat in [-90, 90])";
            case WEB_MERCATOR -> "metres (x and y in [-20037508.34, 20037508.34])";
            case GAUSS_KRUGER -> String.format(Locale.ROOT,
                    "easting/northing (x = easting in [%.0f, %.0f], y = northing in [0, %.0f], central meridian %.0fE)",
                    GaussKruger.falseEasting(srid) - GaussKruger.MAX_DISTANCE_FROM_CENTRAL_MERIDIAN_M,
                    GaussKruger.falseEasting(srid) + GaussKruger.MAX_DISTANCE_FROM_CENTRAL_MERIDIAN_M,
                    GaussKruger.MAX_NORTHING_M, GaussKruger.centralMeridian(srid));
        };
    }

    @Override
    public String toString() {
        return id;
    }
}
