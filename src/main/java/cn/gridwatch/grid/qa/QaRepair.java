package cn.gridwatch.grid.qa;

import java.time.LocalDate;

/**
 * One geometry repaired by {@link GridQaService#repair}: the cell, why it was invalid, geodesic area
 * (m²) before and after, the day the repaired version starts, and what was done
 * ({@code new_version}, {@code corrected_in_place} when the old version started that same day, or
 * {@code skipped} with the reason in {@code note}). Immutable.
 */
public record QaRepair(String code, String name, String invalidReason, double areaBeforeM2, double areaAfterM2,
                       LocalDate validFrom, String action, String note) {
}
