package cn.gridwatch.geo;

import org.locationtech.jts.geom.Geometry;

/**
 * A coordinate transformation applied to whole JTS geometries. Implementations return a new
 * geometry (the input is not modified) whose SRID is the target CRS's EPSG code (4490 for
 * CGCS2000). Implementations are thread-safe.
 */
public interface GeometryTransform {
    Geometry apply(Geometry geometry);
}
