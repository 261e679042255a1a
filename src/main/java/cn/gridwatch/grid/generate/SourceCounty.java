package cn.gridwatch.grid.generate;

import org.locationtech.jts.geom.Geometry;

/**
 * A real county read from a file: its 6-digit code, name and (multi)polygon in EPSG:4490 lon/lat,
 * already reduced to the 1e-6 degree grid. Immutable if the geometry is not mutated.
 */
public record SourceCounty(String code, String name, Geometry geometry) {
}
