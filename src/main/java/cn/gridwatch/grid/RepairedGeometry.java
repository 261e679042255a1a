package cn.gridwatch.grid;

import org.locationtech.jts.geom.MultiPolygon;

/**
 * The outcome of {@code ST_MakeValid} on one geometry, keeping only polygonal parts: the repaired
 * MultiPolygon (EPSG:4490; empty when nothing polygonal is left), why the input was invalid
 * ({@code ST_IsValidReason}), and the geodesic areas in m² before and after. Immutable.
 */
public record RepairedGeometry(MultiPolygon geometry, String invalidReason, double areaBeforeM2,
                               double areaAfterM2) {
}
