package cn.gridwatch.grid.locate;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The exact point test of one grid cell's (Multi)Polygon: covered when any polygon component covers
 * the point (interior or boundary), which is what JTS {@code Geometry.covers} and PostGIS
 * {@code ST_Covers} answer for a point. Components are tested separately, so a multipolygon whose
 * parts overlap (invalid, but real data has it) still answers "covered" in the overlap.
 *
 * <p>Coordinates as in the geometry (EPSG:4490: x = longitude, y = latitude). Immutable;
 * {@link #covers} allocates nothing and is thread-safe.
 */
final class CellShape {
    private final PolygonalShape[] parts;

    CellShape(Geometry polygonal) {
        if (!PolygonalShape.isPolygonal(polygonal)) {
            throw new IllegalArgumentException(
                    "grid cell geometry must be a Polygon or MultiPolygon, but was: " + polygonal.getGeometryType());
        }
        int n = polygonal.getNumGeometries();
        int nonEmpty = 0;
        for (int i = 0; i < n; i++) {
            if (!polygonal.getGeometryN(i).isEmpty()) {
                nonEmpty++;
            }
        }
        parts = new PolygonalShape[nonEmpty];
        for (int i = 0, k = 0; i < n; i++) {
            Geometry g = polygonal.getGeometryN(i);
            if (!g.isEmpty()) {
                parts[k++] = new PolygonalShape((Polygon) g);
            }
        }
    }

    /** The polygon components (non-empty ones only). */
    PolygonalShape[] parts() {
        return parts;
    }

    boolean covers(double x, double y) {
        for (PolygonalShape part : parts) {
            if (part.covers(x, y)) {
                return true;
            }
        }
        return false;
    }
}
