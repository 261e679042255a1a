package cn.gridwatch.grid.qa;

import cn.gridwatch.grid.AdminCode;
import java.time.LocalDate;

/**
 * Which cells to check: current ADMIN cells ({@code date} null) or those valid on {@code date},
 * under {@code rootCode} (the root and its whole subtree by code prefix; null = everything).
 * Overlaps, gaps and outside parts smaller than {@code toleranceM2} (m²) are ignored. Immutable.
 */
public record QaRequest(String rootCode, LocalDate date, double toleranceM2) {
    public static final double DEFAULT_TOLERANCE_M2 = 1.0;

    public QaRequest {
        rootCode = rootCode == null || rootCode.isBlank() ? null : AdminCode.normalize(rootCode);
        if (!(toleranceM2 >= 0)) {
            throw new IllegalArgumentException("QA tolerance must be >= 0 m², but was: " + toleranceM2);
        }
    }

    public static QaRequest all() {
        return new QaRequest(null, null, DEFAULT_TOLERANCE_M2);
    }

    public static QaRequest under(String rootCode) {
        return new QaRequest(rootCode, null, DEFAULT_TOLERANCE_M2);
    }

    /** The code prefix selecting the subtree: 4 digits for a city, 6 county, 9 township, 12 village. */
    public String codePrefix() {
        if (rootCode == null) {
            return "";
        }
        switch (AdminCode.levelOf(rootCode)) {
            case CITY:
                return rootCode.substring(0, 4);
            case COUNTY:
                return rootCode.substring(0, 6);
            case TOWNSHIP:
                return rootCode.substring(0, 9);
            default:
                return rootCode;
        }
    }
}
