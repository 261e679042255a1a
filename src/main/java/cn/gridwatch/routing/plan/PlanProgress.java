package cn.gridwatch.routing.plan;

import cn.gridwatch.routing.solver.SearchControl;

/**
 * How far one plan computation has got, and its stop switch: the phase ({@code matrix}, then
 * {@code solving}, then {@code saving}), the solutions the search has accepted, and {@link #cancel},
 * which stops the search at once (the travel matrix is finished first) and makes the computation end
 * with {@link PlanCancelledException} before anything is stored. Written by the computing thread,
 * read and cancelled from others: thread-safe.
 */
public final class PlanProgress {
    public static final String MATRIX = "matrix";
    public static final String SOLVING = "solving";
    public static final String SAVING = "saving";
    private final SearchControl search = new SearchControl();
    private volatile String phase = MATRIX;

    public String phase() {
        return phase;
    }

    void phase(String p) {
        phase = p;
    }

    public long solutions() {
        return search.solutions();
    }

    public void cancel() {
        search.cancel();
    }

    public boolean cancelled() {
        return search.cancelled();
    }

    SearchControl search() {
        return search;
    }

    /** @throws PlanCancelledException once {@link #cancel} has been called */
    void check() {
        if (search.cancelled()) {
            throw new PlanCancelledException("the plan was cancelled during the " + phase + " phase; nothing was stored");
        }
    }
}
