package cn.gridwatch.grid.qa;

import java.util.List;

/**
 * One QA finding.
 *
 * @param type      one of the {@code QaFinding.*} type constants
 * @param code      the cell the finding is about
 * @param name      its name
 * @param otherCode the other cell involved (overlap partner, parent, majority parent), or null
 * @param areaM2    the area concerned in m² (geodesic, via {@code geography}), or null
 * @param detail    a readable explanation naming the values
 * @param point     a representative point as WKT (EPSG:4490, lon lat), or null
 */
public record QaFinding(String type, String code, String name, String otherCode, Double areaM2, String detail,
                        String point) {
    public static final String INVALID_GEOMETRY = "invalid_geometry";
    public static final String OVERLAP = "overlap";
    public static final String COVERAGE_GAP = "coverage_gap";
    public static final String CHILD_OUTSIDE_PARENT = "child_outside_parent";
    public static final String MISSING_PARENT = "missing_parent";
    public static final String MALFORMED_CODE = "malformed_code";
    public static final String DUPLICATE_CODE = "duplicate_code";
    public static final String PARENT_MISMATCH = "parent_mismatch";

    /** All types in report order. */
    public static final List<String> TYPES = List.of(INVALID_GEOMETRY, OVERLAP, COVERAGE_GAP,
            CHILD_OUTSIDE_PARENT, PARENT_MISMATCH, MISSING_PARENT, MALFORMED_CODE, DUPLICATE_CODE);
}
