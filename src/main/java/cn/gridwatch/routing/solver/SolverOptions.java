package cn.gridwatch.routing.solver;

import java.time.Duration;
import java.util.Locale;

/**
 * How long and how the solver searches. The search is guided local search started from
 * {@code firstSolution}; it stops at whichever limit comes first.
 *
 * <p><b>Determinism.</b> OR-Tools routing runs on one thread and has no random seed, so the same
 * problem and the same limits give the same answer <em>if the search stops at a counting limit</em>:
 * the solution limit, the stall limit or the improvement limit, which count accepted solutions and
 * neighbours tried, not seconds. A search stopped by the time limit depends on how fast the machine
 * was at that moment and is not reproducible; {@link RoutingSolution#reproducible()} says which
 * limit stopped it. With a counting limit the adapter also lifts OR-Tools' 100 ms limit on each LNS
 * sub-search (a clock inside the search), so that only the overall time bound remains. Plans
 * ({@link #forPlans}) stop when the improvement per neighbour tried falls below a rate, capped by a
 * solution limit, with a generous time limit only as a safety net; benchmarks use time limits.
 * Immutable.
 *
 * @param timeLimit     wall-clock bound of the search, 1 ms..1 h
 * @param solutionLimit accepted solutions after which the search stops ({@link Long#MAX_VALUE}: none)
 * @param stallNeighbors neighbours tried without a new accepted solution after which the search
 *                      stops (0: chosen from the problem size, on models of at most 80 nodes only;
 *                      {@link Long#MAX_VALUE}: never)
 * @param improvementRate OR-Tools' improvement limit: stop when the objective gained per neighbour
 *                      tried, over the last {@code improvementSolutions} solutions, falls below this
 *                      coefficient (0: off)
 * @param improvementSolutions how many solutions the improvement rate is measured over
 * @param firstSolution an OR-Tools {@code FirstSolutionStrategy} name, e.g. {@code PATH_CHEAPEST_ARC}
 * @param log           print OR-Tools' search log to stderr
 */
public record SolverOptions(Duration timeLimit, long solutionLimit, long stallNeighbors, double improvementRate,
                            int improvementSolutions, String firstSolution, boolean log) {
    public static final Duration MAX_TIME = Duration.ofHours(1);
    public static final String[] FIRST_SOLUTIONS = {
        "AUTOMATIC", "PATH_CHEAPEST_ARC", "PARALLEL_CHEAPEST_INSERTION", "LOCAL_CHEAPEST_INSERTION", "SAVINGS",
        "CHRISTOFIDES", "GLOBAL_CHEAPEST_ARC",
    };

    public SolverOptions {
        checkTimeLimit(timeLimit);
        if (solutionLimit < 1) {
            throw new IllegalArgumentException("solutionLimit must be >= 1, but was: " + solutionLimit);
        }
        if (stallNeighbors < 0) {
            throw new IllegalArgumentException("stallNeighbors must be >= 0 (0: chosen from the problem size), but was: "
                    + stallNeighbors);
        }
        if (!(improvementRate >= 0 && improvementRate < 1e6) || improvementSolutions < 1) {
            throw new IllegalArgumentException("the improvement limit needs a rate >= 0 and at least 1 solution, but was: "
                    + improvementRate + " over " + improvementSolutions);
        }
        firstSolution = checkFirstSolution(firstSolution);
    }

    /** Stops after {@code solutions} accepted solutions (reproducible), or at {@code safety} if that comes first. */
    public static SolverOptions deterministic(long solutions, Duration safety) {
        return new SolverOptions(safety, solutions, 0, 0, 1, "PATH_CHEAPEST_ARC", false);
    }

    /** Stops at {@code limit} only (not reproducible; for benchmarks and "best in N seconds"). */
    public static SolverOptions timeLimited(Duration limit) {
        return new SolverOptions(limit, Long.MAX_VALUE, Long.MAX_VALUE, 0, 1, "PATH_CHEAPEST_ARC", false);
    }

    /**
     * The plan defaults: the savings heuristic as first solution, then guided local search until the
     * improvement rate falls below 2.5 over 50 solutions, at most {@code solutions} solutions, and
     * {@code safety} as the time bound. On the 300-target, 75-vehicle city benchmark on the demo
     * roads the savings start brought the reproducible default from 5% to about 3% above a 5-minute
     * run in about the same minute (parallel cheapest insertion, the earlier default, and four other
     * variants are compared in bench/README.md).
     */
    public static SolverOptions forPlans(long solutions, Duration safety) {
        return new SolverOptions(safety, solutions, 0, 2.5, 50, "SAVINGS", false);
    }

    public SolverOptions withFirstSolution(String strategy) {
        return new SolverOptions(timeLimit, solutionLimit, stallNeighbors, improvementRate, improvementSolutions, strategy,
                log);
    }

    public SolverOptions withLog(boolean on) {
        return new SolverOptions(timeLimit, solutionLimit, stallNeighbors, improvementRate, improvementSolutions,
                firstSolution, on);
    }

    public boolean hasSolutionLimit() {
        return solutionLimit != Long.MAX_VALUE;
    }

    private static void checkTimeLimit(Duration d) {
        if (d == null || d.toMillis() < 1 || d.compareTo(MAX_TIME) > 0) {
            throw new IllegalArgumentException("timeLimit must be between 1 ms and " + MAX_TIME.toMinutes()
                    + " minutes, but was: " + d);
        }
    }

    private static String checkFirstSolution(String s) {
        String u = s == null ? "PATH_CHEAPEST_ARC" : s.trim().toUpperCase(Locale.ROOT);
        for (String ok : FIRST_SOLUTIONS) {
            if (ok.equals(u)) {
                return u;
            }
        }
        throw new IllegalArgumentException("firstSolution must be one of " + String.join(", ", FIRST_SOLUTIONS)
                + ", but was: '" + s + "'");
    }
}
