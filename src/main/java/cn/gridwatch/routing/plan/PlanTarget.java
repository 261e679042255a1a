package cn.gridwatch.routing.plan;

import java.util.List;

/**
 * A place to inspect: a source from the register ({@code sourceId} set) or a point given by hand.
 * {@code county} is the 6-digit code of the county it lies in (null when outside every county);
 * the own-county rule compares it with the teams' home counties. Service time in seconds,
 * priority 1 (most important) to 5, and optional daily windows for the start of the inspection.
 * Coordinates EPSG:4490, x = lon. Immutable.
 */
public record PlanTarget(String code, String name, Long sourceId, double lon, double lat, String county,
                         long serviceSeconds, int priority, List<DailyWindow> windows) {
    public static final int DEFAULT_PRIORITY = 3;

    public PlanTarget {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a target needs a code");
        }
        if (priority < 1 || priority > 5) {
            throw new IllegalArgumentException("priority of target " + code + " must be in 1..5, but was: " + priority);
        }
        if (serviceSeconds < 0 || serviceSeconds > 12 * 3600) {
            throw new IllegalArgumentException("service time of target " + code + " must be 0..720 minutes, but was: "
                    + serviceSeconds / 60 + " minutes");
        }
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("target " + code + " must have lon/lat in EPSG:4490, but was: "
                    + lon + ", " + lat);
        }
        windows = windows.stream().sorted(java.util.Comparator.comparing(DailyWindow::date,
                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
                .thenComparing(DailyWindow::start)).toList();
        for (int k = 1; k < windows.size(); k++) {
            if (java.util.Objects.equals(windows.get(k).date(), windows.get(k - 1).date())
                    && !windows.get(k).start().isAfter(windows.get(k - 1).end())) {
                throw new IllegalArgumentException("time windows of target " + code + " overlap: " + windows.get(k - 1)
                        + " and " + windows.get(k));
            }
        }
    }

    /**
     * The windows that apply on {@code day}: those dated {@code day} if any, else the daily ones; an
     * empty list means any time; null means not on that day (it has dated windows only, none on it).
     */
    public List<DailyWindow> windowsOn(java.time.LocalDate day) {
        List<DailyWindow> dated = windows.stream().filter(w -> day.equals(w.date())).toList();
        if (!dated.isEmpty()) {
            return dated;
        }
        List<DailyWindow> daily = windows.stream().filter(w -> w.date() == null).toList();
        return daily.isEmpty() && !windows.isEmpty() ? null : daily;
    }

    public PlanTarget withService(long seconds, int prio, List<DailyWindow> ws) {
        return new PlanTarget(code, name, sourceId, lon, lat, county, seconds, prio, ws);
    }
}
