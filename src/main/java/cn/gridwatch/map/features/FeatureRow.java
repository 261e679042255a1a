package cn.gridwatch.map.features;

import java.time.LocalDate;

/** One grid cell as a feature: its attributes and its geometry as GeoJSON text (lon/lat, EPSG:4490). */
public record FeatureRow(String code, String name, String level, String parentCode, LocalDate validFrom,
        String geometryJson) {
}
