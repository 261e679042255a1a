package cn.gridwatch.map;

import java.util.Map;

/**
 * One feature as the features API returns it: its id, its properties in display order and its
 * geometry as GeoJSON text (lon/lat, EPSG:4490 = CRS84 to within a metre). Immutable if the map is.
 */
public record FeatureRow(String id, Map<String, Object> properties, String geometryJson) {
}
