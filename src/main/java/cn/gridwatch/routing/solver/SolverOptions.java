package cn.gridwatch.routing.solver;

import java.time.Duration;
import java.util.Locale;

/**
 * How long and how the solver searches. The search is guided local search started from
 * {@code firstSolution}; it stops at whichever limit comes first.
 *
 * <p><b>Determinism.</b> OR-Tools routing runs on one thread and has no random seed, so the same
 * problem and the same limits give the same answer <em>if the search stops at the solution
 * limit or the stall limit</em> (counts of accepted solutions and of neighbours tried, independent
 * of machine speed). A search stopped by the
 * time limit depends on how fast the machine was at that moment and is not reproducible;
 * {@link RoutingSolution#reproducible()} says which limit stopped it. Plans use a solution limit with
 * a generous time limit as a safety net; benchmarks use time limits. Immutable.
 *
 * @param timeLimit     wall-clock bound of the search, 1 ms..1 h
 * @param solutionLimit accepted solutions after which the search stops ({@link Long#MAX_VALUE}: none)
 * @param stallNeighbors neighbours tried without a new accepted solution after which the search
 *                      stops (0: chosen from the problem size; {@link Long#MAX_VALUE}: never)
 * @param firstSolution an OR-Tools {@code FirstSolutionStrategy} name, e.g. {@code PATH_CHEAPEST_ARC}
 * @param log           print OR-Tools' search log to stderr
 */
public record SolverOptions(Duration timeLimit, long solutionLimit, long stallNeighbors, String firstSolution,
                            boolean log) {
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
        firstSolution = checkFirstSolution(firstSolution);
    }

    /** Stops after {@code solutions} accepted solutions (reproducible), or at {@code safety} if that comes first. */
    public static SolverOptions deterministic(long solutions, Duration safety) {
        return new SolverOptions(safety, solutions, 0, "PATH_CHEAPEST_ARC", false);
    }

    /** Stops at {@code limit} only (not reproducible; for benchmarks and "best in N seconds"). */
    public static SolverOptions timeLimited(Duration limit) {
        return new SolverOptions(limit, Long.MAX_VALUE, Long.MAX_VALUE, "PATH_CHEAPEST_ARC", false);
    }

    public SolverOptions withFirstSolution(String strategy) {
        return new SolverOptions(timeLimit, solutionLimit, stallNeighbors, strategy, log);
    }

    public SolverOptions withLog(boolean on) {
        return new SolverOptions(timeLimit, solutionLimit, stallNeighbors, firstSolution, on);
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
