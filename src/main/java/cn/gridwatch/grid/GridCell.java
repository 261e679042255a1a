package cn.gridwatch.grid;

import java.time.LocalDate;
import org.locationtech.jts.geom.Geometry;

/**
 * One version of a grid cell. Geometry is a (Multi)Polygon in EPSG:4490 (CGCS2000), x = longitude,
 * y = latitude, SRID set to 4490. {@code validTo} is exclusive; {@code null} means still valid.
 * {@code code} is the 12-digit form (see {@link AdminCode}) for admin cells and any stable
 * identifier for parks and key grids. Immutable if the geometry is not mutated.
 */
public record GridCell(
        long id,
        String code,
        GridLevel level,
        GridKind kind,
        String name,
        String parentCode,
        LocalDate validFrom,
        LocalDate validTo,
        Geometry geometry) {

    /** True when this version is in force on {@code date}. */
    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
    }
}
