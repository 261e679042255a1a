package cn.gridwatch.map.render;

import cn.gridwatch.grid.GridLevel;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * One grid cell as the renderer sees it: code, Chinese name, level, a (possibly simplified) shape
 * and a label anchor inside the unsimplified shape. Geometries are EPSG:4490, x = longitude.
 * Immutable if the geometries are not mutated.
 */
public record MapFeature(String code, String name, GridLevel level, Geometry geometry, Point labelPoint) {
}
