package cn.gridwatch.grid;

import java.time.LocalDate;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * A cell version to be written: a MultiPolygon in EPSG:4490 (x = longitude) and the hash of its
 * normalized WKB ({@link GeometryHash}), which is how unchanged re-imports are recognised. Immutable.
 */
public record CellVersion(String code, GridLevel level, GridKind kind, String name, String parentCode,
                          LocalDate validFrom, MultiPolygon geometry, String geomHash) {
}
