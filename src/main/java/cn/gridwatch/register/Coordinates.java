package cn.gridwatch.register;

import cn.gridwatch.db.GeometryCodec;
import cn.gridwatch.geo.ChinaOffsets;
import cn.gridwatch.geo.CrsRegistry;
import cn.gridwatch.geo.GeometryTransform;
import java.util.Locale;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * Turns the coordinate columns of a register row, given in the CRS the importer declared, into
 * EPSG:4490 geometry (x = longitude, y = latitude): {@code lon}/{@code lat} points, {@code wkt}
 * tracks and {@code zone_wkt} protection zones. A coordinate outside the declared CRS's range or
 * outside China (the GCJ-02 box, lon 72.0..137.8, lat 0.8..55.8) is refused with the values in the
 * message, which is how swapped columns and wrongly declared CRSs are caught. Thread-safe.
 */
public final class Coordinates {
    private static final Set<String> TRACK_TYPES = Set.of("Point", "MultiPoint", "LineString", "MultiLineString");
    private final String crs;
    private final GeometryTransform transform;
    private final GeometryFactory factory = GeometryCodec.factory();

    /** @param crs the declared CRS (any {@link CrsRegistry} identifier) */
    public Coordinates(String crs) {
        this.crs = CrsRegistry.canonical(crs);
        this.transform = CrsRegistry.toCgcs2000(this.crs);
    }

    public String crs() {
        return crs;
    }

    /** The point (x, y) of the declared CRS in EPSG:4490. */
    public Geometry point(double x, double y) {
        double[] p = CrsRegistry.toCgcs2000(crs, x, y);
        checkChina(p[0], p[1], "(" + x + ", " + y + ")");
        return factory.createPoint(new Coordinate(p[0], p[1]));
    }

    /** A track or set of points from WKT in the declared CRS. */
    public Geometry track(String wkt) {
        Geometry g = read(wkt);
        if (!TRACK_TYPES.contains(g.getGeometryType())) {
            throw new IllegalArgumentException("must be a Point, MultiPoint, LineString or MultiLineString, but is a "
                    + g.getGeometryType());
        }
        return toCgcs2000(g);
    }

    /** A protection zone (Polygon or MultiPolygon WKT in the declared CRS) as a valid MultiPolygon. */
    public Geometry zone(String wkt) {
        Geometry g = read(wkt);
        if (g instanceof Polygon p) {
            g = factory.createMultiPolygon(new Polygon[] {p});
        }
        if (!(g instanceof MultiPolygon)) {
            throw new IllegalArgumentException("must be a Polygon or MultiPolygon, but is a " + g.getGeometryType());
        }
        Geometry out = toCgcs2000(g);
        IsValidOp valid = new IsValidOp(out);
        if (!valid.isValid()) {
            throw new IllegalArgumentException("is not a valid polygon: " + valid.getValidationError().getMessage()
                    + " at " + valid.getValidationError().getCoordinate());
        }
        return out;
    }

    private Geometry read(String wkt) {
        Geometry g;
        try {
            g = new WKTReader(factory).read(wkt);
        } catch (ParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("is not WKT: " + e.getMessage(), e);
        }
        if (g.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        return g;
    }

    private Geometry toCgcs2000(Geometry g) {
        Geometry out = transform.apply(g);
        out.setSRID(GeometryCodec.CGCS2000);
        for (Coordinate c : out.getCoordinates()) {
            checkChina(c.x, c.y, String.format(Locale.ROOT, "a vertex near (%.6f, %.6f)", c.x, c.y));
        }
        return out;
    }

    private void checkChina(double lon, double lat, String what) {
        if (ChinaOffsets.outsideChina(lon, lat)) {
            throw new IllegalArgumentException(what + " in " + crs + " lies outside China (lon 72.0..137.8,"
                    + " lat 0.8..55.8 in EPSG:4490); are lon and lat swapped, or is the CRS not " + crs + "?");
        }
    }
}
