package cn.gridwatch.routing.plan;

import cn.gridwatch.geo.CrsRegistry;
import cn.gridwatch.http.JsonFields;
import cn.gridwatch.inspection.DrawRequest;
import cn.gridwatch.routing.solver.SolverOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The two plan requests as given (before targets and teams are looked up in the registers), and
 * their JSON form. Coordinates are converted to EPSG:4490 from the request's {@code crs} (default
 * EPSG:4490; GCJ-02 and BD-09 allowed). Every error names the field by its path. Immutable.
 */
public final class PlanRequests {
    /** Plans stop when the improvement stalls, at most after this many solutions: reproducible. */
    public static final long DEFAULT_SOLUTION_LIMIT = 2000;
    /** ... or after this long, whichever comes first (then the plan says it is not reproducible). */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(300);
    public static final int DEFAULT_SERVICE_MINUTES = 90;
    public static final int DEFAULT_PATROL_SERVICE_MINUTES = 20;
    public static final int MAX_PATROL_TARGETS = 300;

    private PlanRequests() {
    }

    /** A target: a source by register code, or a point by hand (code, name, lon, lat), with its options. */
    public record TargetSpec(String path, String sourceCode, String code, String name, Double lon, Double lat,
                             Long serviceSeconds, int priority, List<DailyWindow> windows) {
    }

    /** A team: inspector codes from the register, where it starts and ends (EPSG:4490). */
    public record TeamSpec(String path, String name, List<String> members, double startLon, double startLat,
                           double endLon, double endLat, TeamBreak lunch) {
    }

    /**
     * {@code POST /api/plans/patrol}: explicit targets, or {@code cell} for the sources in that cell's
     * subtree that are due for patrol on {@code date} (default: the officer's own cell);
     * {@code officer} is a user name (default: the caller).
     */
    public record Patrol(String name, LocalDate date, DailyWindow hours, long serviceSeconds, double startLon,
                         double startLat, double endLon, double endLat, List<TargetSpec> targets, String cell,
                         String officer, SolverOptions solver, TeamBreak lunch) {
    }

    /** {@code POST /api/plans/joint}: targets from a draw ({@code drawId}) and/or a list. */
    public record Joint(String name, CrossRule rule, List<LocalDate> days, DailyWindow hours, long serviceSeconds,
                        List<TeamSpec> teams, Long drawId, List<TargetSpec> targets, int maxStopsPerDay, long balance,
                        Instant sealedUntil, SolverOptions solver) {
    }

    private static final Set<String> PATROL_FIELDS = Set.of("name", "date", "workStart", "workEnd", "serviceMinutes",
            "start", "end", "targets", "cell", "officer", "crs", "solver", "break");
    private static final Set<String> JOINT_FIELDS = Set.of("name", "rule", "days", "firstDay", "dayCount", "workStart",
            "workEnd", "serviceMinutes", "teams", "drawId", "targets", "maxStopsPerDay", "balance", "sealedUntil", "crs",
            "solver", "break");
    private static final Set<String> TARGET_FIELDS = Set.of("sourceCode", "code", "name", "lon", "lat",
            "serviceMinutes", "priority", "windows");
    private static final Set<String> TEAM_FIELDS = Set.of("name", "members", "start", "end", "break");

    public static Patrol patrol(JsonFields j) {
        j.allow(PATROL_FIELDS);
        String crs = crs(j);
        double[] start = point(j, "start", crs, true);
        double[] end = j.has("end") ? point(j, "end", crs, true) : start;
        List<TargetSpec> targets = targets(j, crs);
        String cell = j.text("cell");
        if (!targets.isEmpty() && cell != null) {
            throw new IllegalArgumentException("give either 'targets' or 'cell' (the sources due for patrol), not both");
        }

        if (targets.size() > MAX_PATROL_TARGETS) {
            throw new IllegalArgumentException("'targets' may have at most " + MAX_PATROL_TARGETS + " entries for a "
                    + "patrol route, but has " + targets.size());
        }
        String dateText = j.requiredText("date");
        DailyWindow hours = hours(j, "08:30", "17:30");
        return new Patrol(j.text("name") == null ? "巡查路线 " + dateText : j.text("name"),
                date("date", dateText), hours,
                60L * j.integer("serviceMinutes", 0, 720, DEFAULT_PATROL_SERVICE_MINUTES), start[0], start[1], end[0],
                end[1], targets, cell, j.text("officer"), solver(j), lunch(j, hours, null));
    }

    public static Joint joint(JsonFields j) {
        j.allow(JOINT_FIELDS);
        String crs = crs(j);
        List<TeamSpec> teams = new ArrayList<>();
        DailyWindow hours = hours(j, "08:30", "17:30");
        TeamBreak common = lunch(j, hours, null);
        for (JsonFields t : j.objects("teams")) {
            t.allow(TEAM_FIELDS);
            double[] s = point(t, "start", crs, true);
            double[] e = t.has("end") ? point(t, "end", crs, true) : s;
            List<String> members = t.texts("members");
            if (members.isEmpty()) {
                throw new IllegalArgumentException("'" + t.path("members") + "' must list at least one inspector code");
            }
            teams.add(new TeamSpec(pathOf(t), t.text("name") == null ? "第" + (teams.size() + 1) + "组" : t.text("name"),
                    members, s[0], s[1], e[0], e[1], lunch(t, hours, common)));
        }
        if (teams.isEmpty()) {
            throw new IllegalArgumentException("'teams' is required: at least one team with members and a start");
        }
        Long drawId = j.longValue("drawId");
        List<TargetSpec> targets = targets(j, crs);
        if (drawId == null && targets.isEmpty()) {
            throw new IllegalArgumentException("give 'drawId' (the targets of a draw) or 'targets', or both");
        }
        return new Joint(j.requiredText("name"), CrossRule.parse(j.text("rule")), days(j), hours,
                60L * j.integer("serviceMinutes", 0, 720, DEFAULT_SERVICE_MINUTES), teams, drawId, targets,
                j.integer("maxStopsPerDay", 0, 100, 0), j.integer("balance", 0, 1000, 1),
                DrawRequest.instant("sealedUntil", j.text("sealedUntil")), solver(j));
    }

    private static List<TargetSpec> targets(JsonFields j, String crs) {
        List<TargetSpec> out = new ArrayList<>();
        for (JsonFields t : j.objects("targets")) {
            t.allow(TARGET_FIELDS);
            String sourceCode = t.text("sourceCode");
            Double lon = null;
            Double lat = null;
            if (sourceCode == null) {
                t.requiredText("code");
                double[] p = point(t, null, crs, false);
                lon = p[0];
                lat = p[1];
            } else if (t.has("lon") || t.has("lat") || t.has("code")) {
                throw new IllegalArgumentException("'" + t.path("sourceCode") + "' takes the place from the register; "
                        + "leave out code, lon and lat there");
            }
            List<DailyWindow> windows = windows(t);
            int minutes = t.integer("serviceMinutes", 0, 720, -1);
            out.add(new TargetSpec(pathOf(t), sourceCode, t.text("code"), t.text("name"), lon, lat,
                    minutes < 0 ? null : 60L * minutes, t.integer("priority", 1, 5, PlanTarget.DEFAULT_PRIORITY),
                    windows));
        }
        return out;
    }

    /**
     * {@code windows}: strings {@code "09:00-12:00"} (every day) or {@code "2026-12-01 09:00-11:30"},
     * or objects {@code {"date": "2026-12-01", "from": "09:00", "to": "11:30"}} ({@code date} optional).
     */
    private static List<DailyWindow> windows(JsonFields t) {
        List<DailyWindow> out = new ArrayList<>();
        com.fasterxml.jackson.databind.JsonNode ws = t.node().get("windows");
        if (ws == null || ws.isNull()) {
            return out;
        }
        if (!ws.isArray()) {
            throw new IllegalArgumentException("'" + t.path("windows") + "' must be a list of windows like "
                    + "\"09:00-12:00\" or {\"date\": \"2026-12-01\", \"from\": \"09:00\", \"to\": \"11:30\"}");
        }
        for (int i = 0; i < ws.size(); i++) {
            String field = t.path("windows") + "[" + i + "]";
            com.fasterxml.jackson.databind.JsonNode w = ws.get(i);
            if (w.isTextual()) {
                out.add(DailyWindow.parse(field, w.asText()));
            } else if (w.isObject()) {
                for (java.util.Iterator<String> it = w.fieldNames(); it.hasNext();) {
                    String name = it.next();
                    if (!Set.of("date", "from", "to").contains(name)) {
                        throw new IllegalArgumentException("'" + field + "' has an unknown field '" + name
                                + "'; allowed: date, from, to");
                    }
                }
                LocalDate d = w.hasNonNull("date") ? date(field + ".date", w.get("date").asText()) : null;
                java.time.LocalTime from = DailyWindow.time(field + ".from", w.hasNonNull("from") ? w.get("from").asText()
                        : null);
                java.time.LocalTime to = DailyWindow.time(field + ".to", w.hasNonNull("to") ? w.get("to").asText() : null);
                if (!from.isBefore(to)) {
                    throw new IllegalArgumentException("'" + field + "' must start before it ends, but was " + from + "-"
                            + to);
                }
                out.add(new DailyWindow(from, to, d));
            } else {
                throw new IllegalArgumentException("'" + field + "' must be a string like \"09:00-12:00\" or an object "
                        + "{date, from, to}, but was: " + w);
            }
        }
        return out;
    }

    /** {@code break} of {@code j}, checked against the working hours; {@code dflt} when absent. */
    private static TeamBreak lunch(JsonFields j, DailyWindow hours, TeamBreak dflt) {
        JsonFields o = j.object("break");
        if (o == null) {
            return dflt;
        }
        TeamBreak b;
        try {
            b = TeamBreak.parse(o);
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("'") ? e : new IllegalArgumentException("'" + j.path("break") + "': "
                    + e.getMessage(), e);
        }
        b.checkInside(hours, j.path("break"));
        return b;
    }

    private static String pathOf(JsonFields t) {
        String p = t.path("x");
        return p.substring(0, p.length() - 2);
    }

    /** {@code field: {lon, lat}} (or the object's own lon/lat when {@code field} is null), in EPSG:4490. */
    private static double[] point(JsonFields j, String field, String crs, boolean required) {
        JsonFields o = field == null ? j : j.object(field);
        if (o == null) {
            if (required) {
                throw new IllegalArgumentException("field '" + j.path(field) + "' is required: {\"lon\": .., \"lat\": ..}");
            }
            return null;
        }
        if (field != null) {
            o.allow(Set.of("lon", "lat"));
        }
        double x = o.requiredDouble("lon");
        double y = o.requiredDouble("lat");
        try {
            return CrsRegistry.toCgcs2000(crs, x, y);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + o.path("lon") + "', '" + o.path("lat") + "': " + e.getMessage(), e);
        }
    }

    private static String crs(JsonFields j) {
        return j.text("crs") == null ? "EPSG:4490" : j.text("crs");
    }

    private static DailyWindow hours(JsonFields j, String start, String end) {
        String s = j.text("workStart") == null ? start : j.text("workStart");
        String e = j.text("workEnd") == null ? end : j.text("workEnd");
        try {
            return new DailyWindow(DailyWindow.time("workStart", s), DailyWindow.time("workEnd", e));
        } catch (IllegalArgumentException ex) {
            if (ex.getMessage().startsWith("'")) {
                throw ex;
            }
            throw new IllegalArgumentException("'workStart' must be before 'workEnd', but they were " + s + " and " + e,
                    ex);
        }
    }

    private static List<LocalDate> days(JsonFields j) {
        List<LocalDate> days = new ArrayList<>();
        List<String> given = j.texts("days");
        for (int i = 0; i < given.size(); i++) {
            days.add(date("days[" + i + "]", given.get(i)));
        }
        if (j.has("firstDay")) {
            if (!days.isEmpty()) {
                throw new IllegalArgumentException("give either 'days' or 'firstDay' and 'dayCount', not both");
            }
            LocalDate first = date("firstDay", j.requiredText("firstDay"));
            int n = j.integer("dayCount", 1, PlanInput.MAX_DAYS, 1);
            for (int i = 0; i < n; i++) {
                days.add(first.plusDays(i));
            }
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("'days' (a list of dates) or 'firstDay' and 'dayCount' is required");
        }
        return days;
    }

    private static LocalDate date(String field, String text) {
        try {
            return cn.gridwatch.http.Params.parseDate(field, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("query parameter", "field"), e);
        }
    }

    /** The plan defaults ({@link SolverOptions#forPlans}) with what {@code solver} overrides. */
    private static SolverOptions solver(JsonFields j) {
        SolverOptions d = SolverOptions.forPlans(DEFAULT_SOLUTION_LIMIT, DEFAULT_TIME_LIMIT);
        JsonFields s = j.object("solver");
        if (s == null) {
            return d;
        }
        s.allow(Set.of("timeLimitSeconds", "solutionLimit", "improvementRate", "improvementSolutions",
                "firstSolution"));
        int seconds = s.integer("timeLimitSeconds", 1, 3600, (int) DEFAULT_TIME_LIMIT.toSeconds());
        Long limit = s.longValue("solutionLimit");
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("'solver.solutionLimit' must be >= 1, but was: " + limit);
        }
        java.math.BigDecimal rate = s.decimal("improvementRate");
        if (rate != null && (rate.signum() < 0 || rate.doubleValue() >= 1e6)) {
            throw new IllegalArgumentException("'solver.improvementRate' must be >= 0 (0: off), but was: " + rate);
        }
        return new SolverOptions(Duration.ofSeconds(seconds), limit == null ? d.solutionLimit() : limit, 0,
                rate == null ? d.improvementRate() : rate.doubleValue(),
                s.integer("improvementSolutions", 1, 10_000, d.improvementSolutions()),
                s.text("firstSolution") == null ? d.firstSolution() : s.text("firstSolution"), false);
    }
}
