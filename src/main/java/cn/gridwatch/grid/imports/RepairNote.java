package cn.gridwatch.grid.imports;

/**
 * One geometry repaired on request: why it was invalid ({@code ST_IsValidReason}) and its geodesic
 * area (m², on the CGCS2000 ellipsoid via the geography type) before and after {@code ST_MakeValid}.
 */
public record RepairNote(int feature, String code, String invalidReason, double areaBeforeM2, double areaAfterM2) {
}
