package cn.gridwatch.map.render;

import cn.gridwatch.geo.CrsRegistry;
import cn.gridwatch.geo.GeometryTransform;
import cn.gridwatch.geo.SupportedCrs;
import cn.gridwatch.geo.WebMercator;
import java.awt.geom.Path2D;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Turns EPSG:4490 geometries into pixel paths of one canvas: lon/lat to the canvas CRS (computed
 * inline for geographic CRSs and EPSG:3857, through {@link CrsRegistry} for the others), then to
 * pixels (y down). While building a path it drops vertices closer than {@value #MIN_STEP_PX} pixel
 * to the last one kept (the simplification for the scale: it never moves a vertex, costs nothing
 * to cache, and a ring keeps its closing vertex). Not thread-safe: one per render; the path is reused.
 */
final class ScreenPath {
    static final double MIN_STEP_PX = 0.5;
    private static final double MAX_LAT = 85.0511287798066;
    private static final double DEG = Math.PI / 180;

    private enum Mode { LON_LAT, WEB_MERCATOR, OTHER }

    private final Mode mode;
    private final GeometryTransform other;
    private final double sx;
    private final double sy;
    private final double ox;
    private final double oy;
    private final Path2D.Float path = new Path2D.Float(Path2D.WIND_EVEN_ODD, 256);
    private final double[] xy = new double[2];

    /** A canvas of {@code width} x {@code height} pixels showing {@code bbox} (x/y in {@code crs}). */
    ScreenPath(SupportedCrs crs, Envelope bbox, int width, int height) {
        if (crs.isGeographic()) {
            mode = Mode.LON_LAT;
            other = null;
        } else if (crs.kind() == SupportedCrs.Kind.WEB_MERCATOR) {
            mode = Mode.WEB_MERCATOR;
            other = null;
        } else {
            mode = Mode.OTHER;
            other = CrsRegistry.fromCgcs2000(crs.id());
        }
        sx = width / bbox.getWidth();
        sy = height / bbox.getHeight();
        ox = -bbox.getMinX() * sx;
        oy = bbox.getMaxY() * sy;
    }

    /**
     * The geometry's rings and lines as a pixel path (reused: valid until the next call), or null when
     * the geometry lies outside the canvas CRS's valid area.
     */
    Path2D.Float path(Geometry g) {
        path.reset();
        return append(path, g) ? path : null;
    }

    /** Adds the geometry's rings and lines to {@code target}; false (nothing added) outside the canvas CRS. */
    boolean append(Path2D.Float target, Geometry g) {
        Geometry src = toCanvasCrs(g);
        if (src == null) {
            return false;
        }
        appendParts(target, src);
        return true;
    }

    /** The pixel position of a point, in {@code out}; false when it lies outside the canvas CRS. */
    boolean point(Point p, double[] out) {
        if (mode == Mode.OTHER) {
            Geometry t = toCanvasCrs(p);
            if (t == null) {
                return false;
            }
            out[0] = t.getCoordinate().x * sx + ox;
            out[1] = oy - t.getCoordinate().y * sy;
            return true;
        }
        toPixel(p.getX(), p.getY(), out);
        return true;
    }

    private Geometry toCanvasCrs(Geometry g) {
        if (mode != Mode.OTHER) {
            return g;
        }
        try {
            return other.apply(g);
        } catch (IllegalArgumentException outsideCrs) {
            return null; // e.g. a cell far outside a Gauss-Krüger zone: it cannot be on this map
        }
    }

    private void appendParts(Path2D.Float target, Geometry g) {
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p) {
                ring(target, p.getExteriorRing(), true);
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    ring(target, p.getInteriorRingN(h), true);
                }
            } else if (part instanceof LineString l) {
                ring(target, l, l.isClosed());
            } else if (part instanceof GeometryCollection) {
                appendParts(target, part);
            }
        }
    }

    private void ring(Path2D.Float target, LineString line, boolean close) {
        CoordinateSequence cs = line.getCoordinateSequence();
        int n = cs.size();
        if (n == 0) {
            return;
        }
        toPixel(cs.getX(0), cs.getY(0), xy);
        double lastX = xy[0];
        double lastY = xy[1];
        target.moveTo(lastX, lastY);
        for (int i = 1; i < n; i++) {
            toPixel(cs.getX(i), cs.getY(i), xy);
            if (i < n - 1 && Math.abs(xy[0] - lastX) < MIN_STEP_PX && Math.abs(xy[1] - lastY) < MIN_STEP_PX) {
                continue; // within half a pixel of the last vertex kept
            }
            lastX = xy[0];
            lastY = xy[1];
            target.lineTo(lastX, lastY);
        }
        if (close) {
            target.closePath();
        }
    }

    private void toPixel(double x, double y, double[] out) {
        double wx = x;
        double wy = y;
        if (mode == Mode.WEB_MERCATOR) {
            double lat = Math.max(-MAX_LAT, Math.min(MAX_LAT, y));
            wx = x * DEG * WebMercator.RADIUS_M;
            wy = Math.log(Math.tan(Math.PI / 4 + lat * DEG / 2)) * WebMercator.RADIUS_M;
        }
        out[0] = wx * sx + ox;
        out[1] = oy - wy * sy;
    }
}
