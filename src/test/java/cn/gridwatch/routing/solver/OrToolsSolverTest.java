package cn.gridwatch.routing.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gridwatch.SharedData;
import cn.gridwatch.routing.TravelMatrix;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The OR-Tools adapter on small hand-checkable problems and one real TSPLIB instance. */
class OrToolsSolverTest {
    private static final SolverOptions QUICK = SolverOptions.deterministic(200, Duration.ofSeconds(30));
    private final OrToolsSolver solver = new OrToolsSolver();

    /** Manhattan distances between integer points; travel time = distance. */
    private static long[][] manhattan(int[][] pts) {
        long[][] m = new long[pts.length][pts.length];
        for (int i = 0; i < pts.length; i++) {
            for (int j = 0; j < pts.length; j++) {
                m[i][j] = Math.abs(pts[i][0] - pts[j][0]) + Math.abs(pts[i][1] - pts[j][1]);
            }
        }
        return m;
    }

    @Test
    void the_native_library_loads() {
        OrToolsSolver.loadNative();
        OrToolsSolver.loadNative(); // twice is harmless
    }

    @Test
    void bad_problems_are_refused_naming_the_value() {
        long[][] ok = {{0, 1}, {1, 0}};
        assertThatThrownBy(() -> RoutingProblem.builder(new long[][] {{0, -5}, {1, 0}}, ok))
                .hasMessageContaining("time[0][1] must be >= 0, but was: -5");
        assertThatThrownBy(() -> RoutingProblem.builder(ok, new long[][] {{0, 1}, {1}}))
                .hasMessageContaining("distance[1] must have 2 entries, but has 1");
        assertThatThrownBy(() -> RoutingProblem.builder(ok, ok).vehicle(new Vehicle(0, 7, 0, 10)))
                .hasMessageContaining("vehicles[0].end").hasMessageContaining("was: 7");
        assertThatThrownBy(() -> RoutingProblem.builder(ok, ok).vehicle(new Vehicle(0, 0, 50, 10)))
                .hasMessageContaining("latestEnd must be >= earliestStart 50, but was: 10");
        assertThatThrownBy(() -> RoutingProblem.builder(ok, ok).windows(1,
                List.of(new TimeWindow(0, 10), new TimeWindow(5, 20))))
                .hasMessageContaining("windows of node 1").hasMessageContaining("overlap");
        assertThatThrownBy(() -> RoutingProblem.builder(ok, ok).vehicle(new Vehicle(0, 0, 0, 10)).penalty(0, 5).build())
                .hasMessageContaining("node 0 is a vehicle's start or end");
        assertThatThrownBy(() -> RoutingProblem.builder(ok, ok).vehicle(new Vehicle(0, 0, 0, 10))
                .allowedVehicles(1, 3).build())
                .hasMessageContaining("allowedVehicles of node 1 must be in 0..0, but has: 3");
        assertThatThrownBy(() -> RoutingProblem.builder(ok, ok).build()).hasMessageContaining("at least one vehicle");
        assertThatThrownBy(() -> new TimeWindow(10, 5)).hasMessageContaining("[10, 5]");
        assertThatThrownBy(() -> new SolverOptions(Duration.ZERO, 10, 0, 0, 1, null, false)).hasMessageContaining("timeLimit");
        assertThatThrownBy(() -> new SolverOptions(Duration.ofSeconds(1), 10, 0, 0, 1, "RANDOM", false))
                .hasMessageContaining("firstSolution").hasMessageContaining("'RANDOM'");
    }

    @Test
    void a_tour_round_a_rectangle_visits_the_corners_in_ring_order() {
        // depot (0,0); the other points lie on the rectangle's boundary, given in scrambled order
        int[][] pts = {{0, 0}, {4, 3}, {0, 3}, {4, 0}, {2, 0}, {2, 3}};
        long[][] m = manhattan(pts);
        RoutingProblem p = RoutingProblem.builder(m, m).cost(RoutingProblem.Cost.DISTANCE)
                .vehicle(new Vehicle(0, 0, 0, RoutingProblem.UNBOUNDED_TIME)).build();
        RoutingSolution s = solver.solve(p, QUICK);
        List<Integer> order = s.routes().get(0).visits().stream().map(RoutingSolution.Visit::node).toList();
        // the perimeter (14) is the only optimum; either direction
        assertThat(s.totalDistance()).isEqualTo(14);
        assertThat(order).isIn(List.of(4, 3, 1, 5, 2), List.of(2, 5, 1, 3, 4));
        assertThat(s.status()).isEqualTo("ok");
        assertThat(s.unserved()).isEmpty();
    }

    @Test
    void time_windows_override_the_shorter_order_and_the_schedule_waits_for_them() {
        // 1 is near, 2 is far; 2 opens early and closes soon, so 2 must come first
        int[][] pts = {{0, 0}, {1, 0}, {10, 0}};
        long[][] m = manhattan(pts);
        RoutingProblem p = RoutingProblem.builder(m, m)
                .vehicle(new Vehicle(0, 0, 0, 100))
                .service(1, 5).service(2, 5)
                .window(2, 12, 15)
                .window(1, 30, 40)
                .build();
        RoutingSolution s = solver.solve(p, QUICK);
        RoutingSolution.Route r = s.routes().get(0);
        assertThat(r.visits()).extracting(RoutingSolution.Visit::node).containsExactly(2, 1);
        RoutingSolution.Visit first = r.visits().get(0);
        assertThat(first.arrival()).isEqualTo(10);
        assertThat(first.start()).isEqualTo(12); // waits two units for the window
        assertThat(first.departure()).isEqualTo(17);
        RoutingSolution.Visit second = r.visits().get(1);
        assertThat(second.arrival()).isEqualTo(26);
        assertThat(second.start()).isEqualTo(30);
        assertThat(r.endTime()).isEqualTo(36);
        assertThat(Schedule.violations(p, r)).isEmpty();
    }

    @Test
    void a_visit_goes_only_to_a_vehicle_allowed_there() {
        int[][] pts = {{0, 0}, {100, 0}, {1, 0}, {101, 0}};
        long[][] m = manhattan(pts);
        // vehicle 0 sits at 0, vehicle 1 at 100; node 2 is next to vehicle 0 but only vehicle 1 may serve it
        RoutingProblem p = RoutingProblem.builder(m, m)
                .vehicle(new Vehicle(0, 0, 0, 1000)).vehicle(new Vehicle(1, 1, 0, 1000))
                .allowedVehicles(2, 1).allowedVehicles(3, 0)
                .build();
        RoutingSolution s = solver.solve(p, QUICK);
        Map<Integer, Integer> vehicleOf = new java.util.HashMap<>();
        s.routes().forEach(r -> r.visits().forEach(v -> vehicleOf.put(v.node(), r.vehicle())));
        assertThat(vehicleOf).containsEntry(2, 1).containsEntry(3, 0);
    }

    @Test
    void visits_that_cannot_be_served_come_back_with_the_reason() {
        int[][] pts = {{0, 0}, {1, 0}, {2, 0}, {3, 0}, {4, 0}, {5, 0}};
        long[][] m = manhattan(pts);
        long[][] t = manhattan(pts);
        t[0][2] = TravelMatrix.UNREACHABLE; // 2 cannot be reached from the depot (directly)
        t[1][2] = TravelMatrix.UNREACHABLE;
        t[3][2] = TravelMatrix.UNREACHABLE;
        t[4][2] = TravelMatrix.UNREACHABLE;
        t[5][2] = TravelMatrix.UNREACHABLE;
        RoutingProblem p = RoutingProblem.builder(t, m)
                .vehicle(new Vehicle(0, 0, 0, 100, 1))
                .penalty(1, 1000).penalty(2, 1000).penalty(3, 1000).penalty(4, 1000).penalty(5, 500)
                .allowedVehicles(1)                   // nobody may serve 1
                .window(3, 200, 300)                  // 3 opens after the vehicle's day
                .demand(4, 1).demand(5, 1)            // capacity 1: 4 or 5, and 5 is cheaper to drop
                .build();
        RoutingSolution s = solver.solve(p, QUICK);
        Map<Integer, RoutingSolution.Reason> why = s.unserved().stream()
                .collect(Collectors.toMap(RoutingSolution.Unserved::node, RoutingSolution.Unserved::reason));
        assertThat(why).containsExactlyInAnyOrderEntriesOf(Map.of(
                1, RoutingSolution.Reason.NO_ALLOWED_VEHICLE,
                2, RoutingSolution.Reason.UNREACHABLE,
                3, RoutingSolution.Reason.OUTSIDE_TIME_WINDOWS,
                5, RoutingSolution.Reason.DROPPED));
        assertThat(s.routes()).hasSize(1);
        assertThat(s.routes().get(0).visits()).extracting(RoutingSolution.Visit::node).containsExactly(4);
        assertThat(s.unserved()).allSatisfy(u -> assertThat(u.detail()).isNotBlank());
    }

    @Test
    void berlin52_reaches_the_optimum_7542_and_the_same_limit_gives_the_same_tour() {
        Tsplib t = Tsplib.read(SharedData.file("benchmarks/tsplib/berlin52.tsp"));
        List<Integer> opt = Tsplib.readTour(SharedData.file("benchmarks/tsplib/berlin52.opt.tour"));
        assertThat(t.tourLength(opt)).isEqualTo(7542); // the EUC_2D rule reproduces the published optimum
        SolverOptions o = SolverOptions.deterministic(1000, Duration.ofMinutes(5));
        RoutingSolution a = solver.solve(t.problem(), o);
        RoutingSolution b = solver.solve(t.problem(), o);
        assertThat(t.tourLength(Tsplib.tour(a))).isBetween(7542L, 7542L * 101 / 100);
        assertThat(a.reproducible()).isTrue();
        assertThat(a.stopReason()).isEqualTo("solution_limit");
        assertThat(Tsplib.tour(b)).isEqualTo(Tsplib.tour(a));
        assertThat(b.objective()).isEqualTo(a.objective());
        assertThat(new java.util.TreeSet<>(Tsplib.tour(a))).hasSize(52);
    }

    @Test
    void a_search_stopped_by_its_time_limit_says_it_is_not_reproducible() {
        Tsplib t = Tsplib.read(SharedData.file("benchmarks/tsplib/kroA100.tsp"));
        RoutingSolution s = solver.solve(t.problem(), SolverOptions.timeLimited(Duration.ofMillis(300)));
        assertThat(s.stopReason()).isEqualTo("time_limit");
        assertThat(s.reproducible()).isFalse();
        assertThat(s.servedCount()).isEqualTo(99);
    }

    @Test
    void a_search_cancelled_from_another_thread_stops_long_before_its_limits_and_counts_its_solutions()
            throws Exception {
        Tsplib t = Tsplib.read(SharedData.file("benchmarks/tsplib/kroA100.tsp"));
        SearchControl control = new SearchControl();
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<RoutingSolution> f = other.submit(() -> solver.solve(t.problem(),
                    SolverOptions.timeLimited(Duration.ofMinutes(10)), control));
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (control.solutions() < 5 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(control.solutions()).isGreaterThanOrEqualTo(5); // the progress counter moves
            control.cancel();
            RoutingSolution s = f.get(60, java.util.concurrent.TimeUnit.SECONDS); // far below the 10-minute limit
            assertThat(s.status()).isEqualTo("cancelled");
            assertThat(s.stopReason()).isEqualTo("cancelled");
            assertThat(s.routes()).isEmpty();
            assertThat(s.reproducible()).isFalse();
        } finally {
            other.shutdownNow();
        }
        // cancelled before it starts: it returns without searching
        SearchControl early = new SearchControl();
        early.cancel();
        assertThat(solver.solve(t.problem(), SolverOptions.timeLimited(Duration.ofMinutes(10)), early).status())
                .isEqualTo("cancelled");
    }
}
