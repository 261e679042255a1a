package cn.gridwatch.grid.imports;

import org.locationtech.jts.geom.MultiPolygon;

/**
 * A feature that passed validation: normalized code, name, parent, the geometry transformed to
 * EPSG:4490 as a MultiPolygon, its hash, and why it is invalid (null when valid). Immutable.
 */
record PreparedCell(int feature, String code, String name, String parentCode, MultiPolygon geometry,
                    String geomHash, String invalidReason) {
}
