package cn.gridwatch.routing.plan;

import cn.gridwatch.routing.TravelMatrix;
import cn.gridwatch.routing.TravelMatrixProvider;
import cn.gridwatch.routing.solver.OrToolsSolver;
import cn.gridwatch.routing.solver.RoutingProblem;
import cn.gridwatch.routing.solver.RoutingSolution;
import cn.gridwatch.routing.solver.TimeWindow;
import cn.gridwatch.routing.solver.Vehicle;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateList;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Turns a {@link PlanInput} into a routing problem, solves it and reads the answer back as team days.
 *
 * <ul>
 *   <li>Nodes: the distinct team start and end points, then the targets; one travel matrix from the
 *       provider (road network or great-circle fallback, whose notes the plan keeps).
 *   <li>Vehicles: team x day, vehicle {@code d * teams + t}; all work in seconds since local
 *       midnight inside the working hours, so a target's daily windows apply on every day.
 *   <li>The own-county rule is a hard constraint: a target may only go to the vehicles of eligible
 *       teams ({@code setAllowedVehiclesForIndex}); with no eligible team it is not even offered to
 *       the solver. Every stop of the answer is checked against the rule again.
 *   <li>Every target is optional with a drop penalty of {@code (6 - priority)} units, a unit being
 *       more than any target can cost to serve, so the solver serves all it can and, when time runs
 *       short, drops the least important first.
 *   <li>Balance: the global span of the time dimension (the latest return of any team on any day)
 *       weighted by {@code balanceCoefficient} against travel seconds, and optionally a cap on
 *       inspections per team and day.
 * </ul>
 * Thread-safe (each call builds its own model).
 */
public final class RoutePlanner {
    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4490);
    private final OrToolsSolver solver = new OrToolsSolver();

    public PlanResult plan(PlanInput in, TravelMatrixProvider provider) {
        return plan(in, provider, new PlanProgress());
    }

    /** The same, reporting to and stoppable through {@code progress}. @throws PlanCancelledException */
    public PlanResult plan(PlanInput in, TravelMatrixProvider provider, PlanProgress progress) {
        progress.check();
        List<Team> teams = in.teams();
        Map<String, Integer> depotNode = new LinkedHashMap<>();
        List<Coordinate> points = new ArrayList<>();
        int[] startNode = new int[teams.size()];
        int[] endNode = new int[teams.size()];
        for (int t = 0; t < teams.size(); t++) {
            Team team = teams.get(t);
            startNode[t] = depot(depotNode, points, team.startLon(), team.startLat());
            endNode[t] = depot(depotNode, points, team.endLon(), team.endLat());
        }
        int base = points.size();
        for (PlanTarget target : in.targets()) {
            points.add(new Coordinate(target.lon(), target.lat()));
        }
        long t0 = System.nanoTime();
        TravelMatrix m = provider.matrix(points);
        long matrixMillis = (System.nanoTime() - t0) / 1_000_000;

        progress.check();
        progress.phase(PlanProgress.SOLVING);
        RoutingProblem problem = problem(in, m, startNode, endNode, base);
        RoutingSolution s = solver.solve(problem, in.solver(), progress.search());
        progress.check();

        List<PlanResult.TeamDay> routes = new ArrayList<>();
        for (RoutingSolution.Route r : s.routes()) {
            routes.add(teamDay(in, r, base, points, provider));
        }
        checkOwnCountyRule(in, routes);
        List<PlanResult.Unserved> unserved = new ArrayList<>();
        for (RoutingSolution.Unserved u : s.unserved()) {
            PlanTarget target = in.targets().get(u.node() - base);
            unserved.add(unserved(in, target, u));
        }
        PlanResult.Solver stats = new PlanResult.Solver(s.status(), s.stopReason(), s.reproducible(), s.solutions(),
                s.wallMillis(), s.objective(), matrixMillis, in.solver().timeLimit().toMillis(),
                in.solver().hasSolutionLimit() ? in.solver().solutionLimit() : null);
        return new PlanResult(routes, unserved, m.method(), m.notes(), stats);
    }

    private static int depot(Map<String, Integer> nodes, List<Coordinate> points, double lon, double lat) {
        return nodes.computeIfAbsent(lon + "," + lat, k -> {
            points.add(new Coordinate(lon, lat));
            return points.size() - 1;
        });
    }

    private static RoutingProblem problem(PlanInput in, TravelMatrix m, int[] startNode, int[] endNode, int base) {
        int teams = in.teams().size();
        long dayStart = in.hours().startSecond();
        long dayEnd = in.hours().endSecond();
        long cap = in.maxStopsPerDay() > 0 ? in.maxStopsPerDay() : Vehicle.NO_CAPACITY;
        RoutingProblem.Builder b = RoutingProblem.builder(m.seconds(), m.meters()).cost(RoutingProblem.Cost.TIME)
                .balanceCoefficient(in.balanceCoefficient());
        for (int d = 0; d < in.days().size(); d++) {
            for (int t = 0; t < teams; t++) {
                b.vehicle(new Vehicle(startNode[t], endNode[t], dayStart, dayEnd, cap));
            }
        }
        long unit = penaltyUnit(m, dayEnd - dayStart, in.balanceCoefficient());
        for (int k = 0; k < in.targets().size(); k++) {
            PlanTarget target = in.targets().get(k);
            int node = base + k;
            b.service(node, target.serviceSeconds()).penalty(node, unit * (6 - target.priority()));
            if (cap != Vehicle.NO_CAPACITY) {
                b.demand(node, 1);
            }
            if (!target.windows().isEmpty()) {
                b.windows(node, target.windows().stream()
                        .map(w -> new TimeWindow(w.startSecond(), w.endSecond())).toList());
            }
            List<Integer> allowed = new ArrayList<>();
            for (int t = 0; t < teams; t++) {
                if (in.rule().eligible(in.teams().get(t).homeCounties(), target.county())) {
                    for (int d = 0; d < in.days().size(); d++) {
                        allowed.add(d * teams + t);
                    }
                }
            }
            if (allowed.size() < teams * in.days().size()) {
                b.allowedVehicles(node, allowed.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return b.build();
    }

    /** More than serving any one target can cost: two longest legs and a whole day of balance term, ten times. */
    static long penaltyUnit(TravelMatrix m, long dayLength, long balance) {
        long maxLeg = 0;
        for (long[] row : m.seconds()) {
            for (long v : row) {
                if (v < TravelMatrix.UNREACHABLE) {
                    maxLeg = Math.max(maxLeg, v);
                }
            }
        }
        return 10 * (2 * maxLeg + dayLength * (1 + balance));
    }

    private static PlanResult.TeamDay teamDay(PlanInput in, RoutingSolution.Route r, int base, List<Coordinate> points,
            TravelMatrixProvider provider) {
        int teams = in.teams().size();
        int t = r.vehicle() % teams;
        LocalDate day = in.days().get(r.vehicle() / teams);
        // leave later instead of waiting at the first stop
        long shift = r.visits().isEmpty() ? 0 : r.visits().get(0).waiting();
        List<PlanResult.Stop> stops = new ArrayList<>();
        long service = 0;
        long wait = 0;
        for (int i = 0; i < r.visits().size(); i++) {
            RoutingSolution.Visit v = r.visits().get(i);
            PlanTarget target = in.targets().get(v.node() - base);
            long arrival = i == 0 ? v.arrival() + shift : v.arrival();
            stops.add(new PlanResult.Stop(i + 1, target, at(day, arrival), at(day, v.start()), at(day, v.departure()),
                    v.legTime(), v.legDistance()));
            service += target.serviceSeconds();
            wait += v.start() - arrival;
        }
        Team team = in.teams().get(t);
        List<Coordinate> path = new ArrayList<>();
        path.add(new Coordinate(team.startLon(), team.startLat()));
        r.visits().forEach(v -> path.add(points.get(v.node())));
        path.add(new Coordinate(team.endLon(), team.endLat()));
        return new PlanResult.TeamDay(team.no(), day, at(day, r.startTime() + shift), at(day, r.endTime()),
                r.distance(), r.travelTime(), service, wait, stops, geometry(path, provider));
    }

    private static OffsetDateTime at(LocalDate day, long secondOfDay) {
        return day.atStartOfDay(PlanInput.ZONE).plusSeconds(secondOfDay).toOffsetDateTime();
    }

    /** The legs' paths joined into one line, or null when the team never moves. */
    static LineString geometry(List<Coordinate> places, TravelMatrixProvider provider) {
        CoordinateList all = new CoordinateList();
        for (int i = 1; i < places.size(); i++) {
            if (places.get(i - 1).equals2D(places.get(i))) {
                continue;
            }
            LineString leg = provider.path(places.get(i - 1), places.get(i));
            all.add(leg.getCoordinates(), false);
        }
        return all.size() < 2 ? null : GEOMETRY.createLineString(all.toCoordinateArray());
    }

    /** The hard rule, checked on the answer itself. @throws IllegalStateException if a stop breaks it */
    static void checkOwnCountyRule(PlanInput in, List<PlanResult.TeamDay> routes) {
        for (PlanResult.TeamDay r : routes) {
            Team team = in.teams().stream().filter(x -> x.no() == r.teamNo()).findFirst().orElseThrow();
            for (PlanResult.Stop s : r.stops()) {
                if (!in.rule().eligible(team.homeCounties(), s.target().county())) {
                    throw new IllegalStateException("team " + team.name() + " (home counties " + team.homeCounties()
                            + ") was given target " + s.target().code() + " in county " + s.target().county()
                            + ", which the " + in.rule().id() + " rule forbids");
                }
            }
        }
    }

    private static PlanResult.Unserved unserved(PlanInput in, PlanTarget target, RoutingSolution.Unserved u) {
        switch (u.reason()) {
            case NO_ALLOWED_VEHICLE:
                return new PlanResult.Unserved(target, "no_eligible_team", in.rule().noTeamReason(target.county()));
            case UNREACHABLE:
                return new PlanResult.Unserved(target, "unreachable",
                        "no eligible team can travel from its start to the target and on to its end");
            case OUTSIDE_TIME_WINDOWS:
                return new PlanResult.Unserved(target, "outside_time_windows", "no eligible team can begin the "
                        + target.serviceSeconds() / 60 + "-minute inspection " + (target.windows().isEmpty() ? ""
                        : "inside " + target.windows() + " ") + "and be back by the end of the working hours "
                        + in.hours());
            case DROPPED:
                return new PlanResult.Unserved(target, "dropped_for_capacity", "the eligible teams' working time"
                        + (in.maxStopsPerDay() > 0 ? " and the cap of " + in.maxStopsPerDay() + " inspections a day" : "")
                        + " went to other targets (lower priority and out-of-the-way targets are left first)");
            default:
                return new PlanResult.Unserved(target, "no_solution", u.detail());
        }
    }
}
