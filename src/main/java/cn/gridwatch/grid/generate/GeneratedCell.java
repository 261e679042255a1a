package cn.gridwatch.grid.generate;

import cn.gridwatch.grid.AdminCode;
import cn.gridwatch.grid.GridLevel;
import org.locationtech.jts.geom.Geometry;

/**
 * One generated administrative unit. {@code code} and {@code parentCode} are 12-digit codes (see
 * {@link AdminCode}); {@code parentCode} is {@code null} for a city. The geometry is a Polygon in
 * EPSG:4490 (x = longitude, y = latitude, SRID 4490, vertices on the 1e-6 degree grid); it is a
 * MultiPolygon only where a real input county has several parts. Immutable if the geometry is not
 * mutated.
 */
public record GeneratedCell(String code, String name, GridLevel level, String parentCode, Geometry geometry) {

    public GeneratedCell {
        if (AdminCode.levelOf(AdminCode.normalize(code)) != level) {
            throw new IllegalArgumentException("code " + code + " does not denote level " + level.id());
        }
    }

    /** The code in its conventional short form: 6 digits for a city or county, 9 for a township. */
    public String shortCode() {
        return AdminCode.shortForm(code);
    }

    /** The parent's code in its short form, or {@code null} for a city. */
    public String shortParentCode() {
        return parentCode == null ? null : AdminCode.shortForm(parentCode);
    }

    /** The same unit with another geometry. */
    public GeneratedCell withGeometry(Geometry g) {
        return new GeneratedCell(code, name, level, parentCode, g);
    }
}
