package cn.gridwatch.grid.generate;

/**
 * Size of a generated fictional province: number of cities and mean number of children per unit
 * (each actual count varies between 80% and 120% of the mean). {@link #HUNAN_SIZE} matches the scale
 * of Hunan in DOMAIN.md (14 cities, ~122 counties, ~1,900 townships, ~24,000 villages). Immutable.
 */
public record ProvincePlan(int cities, double countiesPerCity, double townshipsPerCounty, double villagesPerTownship) {
    /** About 14 cities, 120 counties, 1,900 townships and 24,000 villages. */
    public static final ProvincePlan HUNAN_SIZE = new ProvincePlan(14, 8.7, 16.3, 12.6);

    public ProvincePlan {
        if (cities < 1 || cities > 99) {
            throw new IllegalArgumentException("cities must be in 1..99, but was: " + cities);
        }
        checkMean("countiesPerCity", countiesPerCity, 60);
        checkMean("townshipsPerCounty", townshipsPerCounty, 80);
        checkMean("villagesPerTownship", villagesPerTownship, 150);
    }

    static void checkMean(String name, double value, double max) {
        if (!(value >= 1 && value <= max)) {
            throw new IllegalArgumentException(name + " must be in 1.." + (int) max + ", but was: " + value);
        }
    }
}
