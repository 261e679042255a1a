package cn.gridwatch.dispatch;

/**
 * How strongly a source near a station is suspected of causing a high reading: closer and more
 * upwind is more suspect.
 *
 * <pre>
 * weight = distanceFactor × windFactor
 * distanceFactor = 1 − 0.9 · d / R                    (1 at the station, 0.1 at the radius R)
 * windFactor     = F + (1 − F) · (1 + cos Δ) / 2      (F = 0.2, the floor)
 * Δ              = bearing(station → source) − windFrom
 * </pre>
 * {@code windFrom} is where the wind blows from (meteorological convention, degrees clockwise from
 * north), so a source lying in that bearing from the station is upwind: Δ = 0 gives windFactor 1,
 * a source straight downwind (Δ = 180°) gets the floor 0.2, one across the wind 0.6. The floor keeps
 * downwind sources on the list (winds turn within the hour; a source next to the station matters
 * whatever the wind). Without a wind direction, or in calm air (speed below
 * {@value #CALM_MS} m/s, where the vane says little), windFactor is 1 for every source.
 * Pure and thread-safe.
 */
public final class UpwindWeight {
    public static final double FLOOR = 0.2;
    public static final double CALM_MS = 0.5;
    public static final double DISTANCE_AT_RADIUS = 0.1;

    private UpwindWeight() {
    }

    /**
     * @param distanceM    geodesic distance station → source, metres (0..radiusM)
     * @param bearingDeg   bearing station → source, degrees clockwise from north; null when they coincide
     * @param windFromDeg  wind direction (from), degrees; null when unknown
     * @param windSpeedMs  wind speed in m/s; null when unknown (the direction is then trusted)
     * @param radiusM      the search radius, metres
     */
    public static double weight(double distanceM, Double bearingDeg, Double windFromDeg, Double windSpeedMs,
            double radiusM) {
        double d = Math.min(Math.max(distanceM, 0), radiusM);
        double distanceFactor = 1 - (1 - DISTANCE_AT_RADIUS) * d / radiusM;
        return distanceFactor * windFactor(bearingDeg, windFromDeg, windSpeedMs);
    }

    /** The directional part alone (1 when the wind says nothing). */
    public static double windFactor(Double bearingDeg, Double windFromDeg, Double windSpeedMs) {
        if (bearingDeg == null || windFromDeg == null || (windSpeedMs != null && windSpeedMs < CALM_MS)) {
            return 1;
        }
        double delta = Math.toRadians(bearingDeg - windFromDeg);
        return FLOOR + (1 - FLOOR) * (1 + Math.cos(delta)) / 2;
    }
}
