package cn.gridwatch.stats;

import java.util.List;

/**
 * The register values statistics count by, in report order: the ids allowed by the V4 check
 * constraints on {@code pollution_source.category}, {@code pollution_source.inspection_class} and
 * {@code monitoring_point.type}. Constants; thread-safe.
 */
public final class Vocabulary {
    public static final List<String> SOURCE_CATEGORIES = List.of("enterprise", "key_discharger", "construction_site",
            "restaurant", "petrol_station", "cement_grinding", "other");
    public static final List<String> SOURCE_CLASSES = List.of("special", "key", "general");
    public static final List<String> STATION_TYPES = List.of("national_air", "provincial_air", "township_air",
            "micro_air", "composition", "lidar", "vehicle_exhaust", "water_national", "water_provincial",
            "drinking_water", "outfall");

    private Vocabulary() {
    }
}
