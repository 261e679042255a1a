package cn.gridwatch.geo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.Proj4jException;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.proj.Projection;

/**
 * CGCS2000 3-degree Gauss-Krüger zones, EPSG:4513..4554, converted to and from CGCS2000 lon/lat
 * (EPSG:4490) with proj4j. Projected coordinates are x = easting, y = northing in metres; geographic
 * ones are longitude/latitude in degrees.
 *
 * <p>EPSG:4513..4533 are zones 25..45 (central meridian 3 x zone, 75E..135E) whose false easting
 * carries the zone number ({@code zone * 1e6 + 500000}); EPSG:4534..4554 are the same central
 * meridians with false easting 500000. All: transverse Mercator, lat_0 = 0, k = 1, GRS80. The
 * definitions come from proj4j-epsg and are checked against these rules when first loaded.
 *
 * <p>Thread-safe: CRS objects are immutable once built and cached; the proj4j
 * {@link CoordinateTransform}s behind the returned {@link PointOp}s are not thread-safe, so every
 * call of {@link #toLonLat} / {@link #fromLonLat} builds a fresh one for the caller to use on one
 * thread.
 */
final class GaussKruger {
    static final int FIRST_PREFIXED = 4513;
    static final int LAST_PREFIXED = 4533;
    static final int FIRST_UNPREFIXED = 4534;
    static final int LAST_UNPREFIXED = 4554;
    /** Widest accepted distance of an easting from the central meridian, metres (a zone is ~170 km). */
    static final double MAX_DISTANCE_FROM_CENTRAL_MERIDIAN_M = 350_000;
    /** Largest accepted northing, metres (about latitude 90). */
    static final double MAX_NORTHING_M = 10_000_000;

    private static final CRSFactory CRS_FACTORY = new CRSFactory();
    private static final CoordinateTransformFactory TRANSFORM_FACTORY = new CoordinateTransformFactory();
    private static final Map<Integer, CoordinateReferenceSystem> CACHE = new ConcurrentHashMap<>();

    private GaussKruger() {
    }

    static boolean isZone(int epsg) {
        return epsg >= FIRST_PREFIXED && epsg <= LAST_UNPREFIXED;
    }

    static double centralMeridian(int epsg) {
        checkZone(epsg);
        int index = epsg <= LAST_PREFIXED ? epsg - FIRST_PREFIXED : epsg - FIRST_UNPREFIXED;
        return 75 + 3 * index;
    }

    static double falseEasting(int epsg) {
        checkZone(epsg);
        if (epsg <= LAST_PREFIXED) {
            int zone = (int) centralMeridian(epsg) / 3;
            return zone * 1_000_000.0 + 500_000.0;
        }
        return 500_000.0;
    }

    /** A new converter from this zone's easting/northing to CGCS2000 lon/lat; use it on one thread. */
    static PointOp toLonLat(int epsg) {
        return using(TRANSFORM_FACTORY.createTransform(crs(epsg), crs(4490)));
    }

    /** A new converter from CGCS2000 lon/lat to this zone's easting/northing; use it on one thread. */
    static PointOp fromLonLat(int epsg) {
        return using(TRANSFORM_FACTORY.createTransform(crs(4490), crs(epsg)));
    }

    /** The proj4j definition of a zone or of EPSG:4490, loaded once. */
    static CoordinateReferenceSystem crs(int epsg) {
        CoordinateReferenceSystem cached = CACHE.get(epsg);
        return cached != null ? cached : load(epsg);
    }

    private static PointOp using(CoordinateTransform transform) {
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate out = new ProjCoordinate();
        return (x, y) -> {
            in.setValue(x, y);
            try {
                transform.transform(in, out);
            } catch (Proj4jException e) {
                throw new IllegalArgumentException("cannot convert coordinate (" + x + ", " + y + ") from "
                        + transform.getSourceCRS().getName() + " to " + transform.getTargetCRS().getName()
                        + ": " + e.getMessage(), e);
            }
            return new double[] {out.x, out.y};
        };
    }

    // synchronized: proj4j's factory reads its resource files without documenting thread-safety
    private static synchronized CoordinateReferenceSystem load(int epsg) {
        CoordinateReferenceSystem crs = CACHE.get(epsg);
        if (crs == null) {
            crs = CRS_FACTORY.createFromName("EPSG:" + epsg);
            if (epsg != 4490) {
                verify(epsg, crs.getProjection());
            }
            CACHE.put(epsg, crs);
        }
        return crs;
    }

    private static void verify(int epsg, Projection p) {
        boolean ok = Math.abs(p.getProjectionLongitudeDegrees() - centralMeridian(epsg)) < 1e-9
                && p.getFalseEasting() == falseEasting(epsg)
                && p.getFalseNorthing() == 0
                && p.getScaleFactor() == 1.0
                && p.getProjectionLatitude() == 0
                && p.getEllipsoid().getEquatorRadius() == 6_378_137.0
                && Math.abs(p.getEllipsoid().getEccentricitySquared() - 0.00669438002290) < 1e-12;
        if (!ok) {
            throw new IllegalStateException("proj4j-epsg definition of EPSG:" + epsg
                    + " is not a CGCS2000 3-degree Gauss-Krüger zone with central meridian "
                    + centralMeridian(epsg) + "E and false easting " + falseEasting(epsg) + ": "
                    + p.getPROJ4Description());
        }
    }

    private static void checkZone(int epsg) {
        if (!isZone(epsg)) {
            throw new IllegalArgumentException("EPSG:" + epsg + " is not a CGCS2000 3-degree Gauss-Krüger zone"
                    + " (EPSG:" + FIRST_PREFIXED + "..EPSG:" + LAST_UNPREFIXED + ")");
        }
    }
}
