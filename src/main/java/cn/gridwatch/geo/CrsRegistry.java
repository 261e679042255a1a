package cn.gridwatch.geo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.gridwatch.geo.SupportedCrs.Kind;

/**
 * The coordinate reference systems gridwatch accepts from users, and transforms between each of them
 * and the stored CRS, CGCS2000 longitude/latitude (EPSG:4490, SRID 4490).
 *
 * <p>Identifiers are trimmed and case-insensitive: {@code EPSG:4490}, {@code EPSG:4326},
 * {@code CRS:84}, {@code EPSG:3857} (alias {@code EPSG:900913}), the CGCS2000 3-degree Gauss-Krüger
 * zones {@code EPSG:4513}..{@code EPSG:4554}, {@code GCJ-02} (aliases {@code GCJ02}, {@code GCJ}) and
 * {@code BD-09} (aliases {@code BD09}, {@code BD}). EPSG codes may be plain numbers ({@code 4326}) or
 * OGC URNs/URIs ({@code urn:ogc:def:crs:EPSG::4490}). CGCS2000 and WGS84 are treated as the same
 * datum, so EPSG:4326 and CRS:84 convert to EPSG:4490 by copying the numbers.
 *
 * <p>Coordinates are always x = longitude/easting, y = latitude/northing, whatever the CRS's OGC axis
 * order ({@link #axisOrderIsYX}); swapping axes for a WMS 1.3.0 request is the caller's job.
 *
 * <p>Source coordinates and results are checked against their CRS's valid range
 * ({@link SupportedCrs#inRange}); a failure throws {@link IllegalArgumentException} naming the CRS
 * and the coordinate, which is how an importer catches a wrongly declared CRS.
 *
 * <p>Stateless and thread-safe; the returned transforms are thread-safe too.
 */
public final class CrsRegistry {
    /** The stored CRS: CGCS2000 longitude/latitude. */
    public static final SupportedCrs CGCS2000 = new SupportedCrs("EPSG:4490", Kind.GEOGRAPHIC, 4490, true);

    private static final SupportedCrs WGS84 = new SupportedCrs("EPSG:4326", Kind.GEOGRAPHIC, 4326, true);
    private static final SupportedCrs CRS84 = new SupportedCrs("CRS:84", Kind.GEOGRAPHIC, 4326, false);
    private static final SupportedCrs WEB_MERCATOR = new SupportedCrs("EPSG:3857", Kind.WEB_MERCATOR, 3857, false);
    private static final SupportedCrs GCJ02 = new SupportedCrs("GCJ-02", Kind.GCJ02, 0, false);
    private static final SupportedCrs BD09 = new SupportedCrs("BD-09", Kind.BD09, 0, false);

    private static final Map<String, SupportedCrs> NAMED = Map.ofEntries(
            Map.entry("CRS:84", CRS84), Map.entry("CRS84", CRS84), Map.entry("OGC:CRS84", CRS84),
            Map.entry("URN:OGC:DEF:CRS:OGC:1.3:CRS84", CRS84),
            Map.entry("HTTP://WWW.OPENGIS.NET/DEF/CRS/OGC/1.3/CRS84", CRS84),
            Map.entry("GCJ-02", GCJ02), Map.entry("GCJ02", GCJ02), Map.entry("GCJ", GCJ02),
            Map.entry("BD-09", BD09), Map.entry("BD09", BD09), Map.entry("BD", BD09));

    private static final List<String> EPSG_PREFIXES = List.of(
            "EPSG:", "URN:OGC:DEF:CRS:EPSG::", "HTTP://WWW.OPENGIS.NET/DEF/CRS/EPSG/0/");

    private static final String SUPPORTED_SUMMARY = "EPSG:4490 (CGCS2000), EPSG:4326, CRS:84,"
            + " EPSG:3857 (alias EPSG:900913), EPSG:4513..EPSG:4554 (CGCS2000 3-degree Gauss-Krüger zones),"
            + " GCJ-02 (aliases GCJ02, GCJ), BD-09 (aliases BD09, BD)";

    private static final List<String> SUPPORTED = buildSupported();

    private CrsRegistry() {
    }

    /**
     * Resolves a user-declared CRS identifier.
     *
     * @throws IllegalArgumentException naming the identifier and listing the supported ones
     */
    public static SupportedCrs parse(String crsId) {
        if (crsId == null || crsId.isBlank()) {
            throw unknown(crsId);
        }
        String key = crsId.trim().toUpperCase(Locale.ROOT);
        SupportedCrs named = NAMED.get(key);
        if (named != null) {
            return named;
        }
        for (String prefix : EPSG_PREFIXES) {
            if (key.startsWith(prefix)) {
                key = key.substring(prefix.length());
                break;
            }
        }
        if (key.isEmpty() || key.length() > 6 || !key.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw unknown(crsId);
        }
        int code = Integer.parseInt(key);
        return switch (code) {
            case 4490 -> CGCS2000;
            case 4326 -> WGS84;
            case 3857, 900913 -> WEB_MERCATOR;
            default -> {
                if (!GaussKruger.isZone(code)) {
                    throw unknown(crsId);
                }
                yield new SupportedCrs("EPSG:" + code, Kind.GAUSS_KRUGER, code, true);
            }
        };
    }

    /** The canonical identifier, e.g. "EPSG:4490", "EPSG:3857" for "900913", "GCJ-02" for "gcj". */
    public static String canonical(String crsId) {
        return parse(crsId).id();
    }

    /** All canonical identifiers, in a stable order. */
    public static List<String> supported() {
        return SUPPORTED;
    }

    /** True for longitude/latitude CRSs, GCJ-02 and BD-09 included. */
    public static boolean isGeographic(String crsId) {
        return parse(crsId).isGeographic();
    }

    /**
     * True when OGC requests (WMS 1.3.0, WFS 2) give this CRS's coordinates y first: lat/lon for
     * EPSG:4490 and EPSG:4326, northing/easting for the Gauss-Krüger zones. False for CRS:84,
     * EPSG:3857, GCJ-02 and BD-09.
     */
    public static boolean axisOrderIsYX(String crsId) {
        return parse(crsId).axisOrderYX();
    }

    /** A transform from the given CRS to CGCS2000 lon/lat; results carry SRID 4490. */
    public static GeometryTransform toCgcs2000(String crsId) {
        SupportedCrs source = parse(crsId);
        return new PointwiseTransform(() -> toCgcs2000Op(source), CGCS2000.srid());
    }

    /**
     * A transform from CGCS2000 lon/lat to the given CRS; results carry that CRS's SRID (0 for
     * GCJ-02 and BD-09, 4326 for CRS:84).
     */
    public static GeometryTransform fromCgcs2000(String crsId) {
        SupportedCrs target = parse(crsId);
        return new PointwiseTransform(() -> fromCgcs2000Op(target), target.srid());
    }

    /** Converts one point from the given CRS to CGCS2000; returns {@code {lon, lat}}. */
    public static double[] toCgcs2000(String crsId, double x, double y) {
        return toCgcs2000Op(parse(crsId)).apply(x, y);
    }

    /** Converts one CGCS2000 point to the given CRS; returns {@code {x, y}} (lon/lat or easting/northing). */
    public static double[] fromCgcs2000(String crsId, double lon, double lat) {
        return fromCgcs2000Op(parse(crsId)).apply(lon, lat);
    }

    private static PointOp toCgcs2000Op(SupportedCrs source) {
        PointOp convert = switch (source.kind()) {
            case GEOGRAPHIC -> (x, y) -> new double[] {x, y};
            case WEB_MERCATOR -> WebMercator::toLonLat;
            case GAUSS_KRUGER -> GaussKruger.toLonLat(source.srid());
            case GCJ02 -> ChinaOffsets::gcj02ToWgs84;
            case BD09 -> ChinaOffsets::bd09ToWgs84;
        };
        return checked(source, convert, CGCS2000);
    }

    private static PointOp fromCgcs2000Op(SupportedCrs target) {
        PointOp convert = switch (target.kind()) {
            case GEOGRAPHIC -> (x, y) -> new double[] {x, y};
            case WEB_MERCATOR -> WebMercator::fromLonLat;
            case GAUSS_KRUGER -> GaussKruger.fromLonLat(target.srid());
            case GCJ02 -> ChinaOffsets::wgs84ToGcj02;
            case BD09 -> ChinaOffsets::wgs84ToBd09;
        };
        return checked(CGCS2000, convert, target);
    }

    private static PointOp checked(SupportedCrs source, PointOp convert, SupportedCrs target) {
        return (x, y) -> {
            source.checkInRange(x, y);
            double[] result = convert.apply(x, y);
            if (!target.inRange(result[0], result[1])) {
                throw new IllegalArgumentException("coordinate (" + x + ", " + y + ") of " + source.id()
                        + " converts to (" + result[0] + ", " + result[1] + "), outside the valid range of "
                        + target.id() + " " + target.rangeDescription());
            }
            return result;
        };
    }

    private static IllegalArgumentException unknown(String crsId) {
        return new IllegalArgumentException("unsupported CRS '" + crsId + "'; supported: " + SUPPORTED_SUMMARY);
    }

    private static List<String> buildSupported() {
        List<String> ids = new ArrayList<>(List.of("EPSG:4490", "EPSG:4326", "CRS:84", "EPSG:3857"));
        for (int code = GaussKruger.FIRST_PREFIXED; code <= GaussKruger.LAST_UNPREFIXED; code++) {
            ids.add("EPSG:" + code);
        }
        ids.add("GCJ-02");
        ids.add("BD-09");
        return Collections.unmodifiableList(ids);
    }
}
