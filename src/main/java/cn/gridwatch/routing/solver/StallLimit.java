package cn.gridwatch.routing.solver;

import com.google.ortools.constraintsolver.Solver;
import java.util.function.BooleanSupplier;

/**
 * The stagnation limit of a search: true once the solver has tried {@code limit} neighbours since it
 * last accepted a solution. Both are the solver's own counters, so the limit is reproducible (no
 * clock). Handed to {@code Solver.makeCustomLimit}; one per solve, called on the solver's thread only.
 */
final class StallLimit implements BooleanSupplier {
    private final Solver solver;
    private final long limit;
    private long solutions = -1;
    private long neighborsAtLast;
    boolean stalled;

    StallLimit(Solver solver, long limit) {
        this.solver = solver;
        this.limit = limit;
    }

    @Override
    public boolean getAsBoolean() {
        long s = solver.solutions();
        long n = solver.neighbors();
        if (s != solutions) {
            solutions = s;
            neighborsAtLast = n;
            return false;
        }
        if (n - neighborsAtLast >= limit) {
            stalled = true;
            return true;
        }
        return false;
    }
}
