package cn.gridwatch.routing.plan;

import cn.gridwatch.routing.solver.SolverOptions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;

/**
 * Everything a plan is computed from, resolved: teams with members and home counties, the days,
 * working hours (the same every day, local time {@link #ZONE}), the targets, the rule, the balance
 * options and the solver limits. A patrol route is one team (the officer) on one day under
 * {@link CrossRule#NONE}. Immutable.
 *
 * @param maxStopsPerDay     at most this many inspections per team and day (0: no cap)
 * @param balanceCoefficient weight of the latest return over all teams and days against total
 *                           travel seconds (0: no balancing; see {@link RoutePlanner})
 */
public record PlanInput(String kind, String name, CrossRule rule, List<Team> teams, List<LocalDate> days,
                        DailyWindow hours, List<PlanTarget> targets, int maxStopsPerDay, long balanceCoefficient,
                        SolverOptions solver, Instant sealedUntil, Long drawId) {
    /** Plans are in China Standard Time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final int MAX_TEAMS = 100;
    public static final int MAX_DAYS = 31;
    public static final int MAX_TARGETS = 2000;

    public PlanInput {
        teams = List.copyOf(teams);
        days = List.copyOf(new TreeSet<>(days));
        targets = List.copyOf(targets);
        if (teams.isEmpty() || teams.size() > MAX_TEAMS) {
            throw new IllegalArgumentException("'teams' must have 1.." + MAX_TEAMS + " teams, but has " + teams.size());
        }
        if (days.isEmpty() || days.size() > MAX_DAYS) {
            throw new IllegalArgumentException("'days' must have 1.." + MAX_DAYS + " days, but has " + days.size());
        }
        if (targets.isEmpty() || targets.size() > MAX_TARGETS) {
            throw new IllegalArgumentException("a plan needs 1.." + MAX_TARGETS + " targets, but has " + targets.size());
        }
        if (maxStopsPerDay < 0) {
            throw new IllegalArgumentException("'maxStopsPerDay' must be >= 0, but was: " + maxStopsPerDay);
        }
        if (balanceCoefficient < 0 || balanceCoefficient > 1000) {
            throw new IllegalArgumentException("'balance' must be in 0..1000, but was: " + balanceCoefficient);
        }
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (PlanTarget t : targets) {
            if (!codes.add(t.code())) {
                throw new IllegalArgumentException("target " + t.code() + " is listed twice");
            }
        }
    }
}
