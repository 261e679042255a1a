package cn.gridwatch.grid.io;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature as read from a source file, before any validation or CRS transform.
 *
 * @param number     1-based feature number (GeoJSON, Shapefile, GeoPackage) or the 1-based line
 *                   number where the record starts (CSV); what rejections cite
 * @param properties attribute values as read (strings, numbers, booleans, nested maps); never null
 * @param geometry   the geometry in the source CRS, or {@code null} when missing or unparseable
 * @param geometryError why the geometry could not be read, or {@code null}
 */
public record SourceFeature(int number, Map<String, Object> properties, Geometry geometry, String geometryError) {
}
