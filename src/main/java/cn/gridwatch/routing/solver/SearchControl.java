package cn.gridwatch.routing.solver;

import com.google.ortools.constraintsolver.RoutingModel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches and stops one search from another thread: counts accepted solutions as they are found and
 * cancels the running OR-Tools search on request ({@code RoutingModel.CancelSearch}, an atomic flag
 * the search polls; the search then returns at once and the adapter reports {@code cancelled}). A
 * cancel that comes before the search starts stops it as soon as it does. One per solve; {@link #cancel}
 * and the getters are thread-safe, the package-private hooks are called on the solving thread.
 */
public final class SearchControl {
    private final AtomicLong solutions = new AtomicLong();
    private volatile boolean cancelled;
    private RoutingModel running; // guarded by this; native object, only touched while attached

    /** Stops the search (now, or as soon as it starts). Safe from any thread, any number of times. */
    public void cancel() {
        cancelled = true;
        synchronized (this) {
            if (running != null) {
                running.CancelSearch();
            }
        }
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Solutions accepted so far by the search (0 before it starts). */
    public long solutions() {
        return solutions.get();
    }

    synchronized void attach(RoutingModel routing) {
        running = routing;
        if (cancelled) {
            routing.CancelSearch();
        }
    }

    /** Called before the model is freed: no cancel may touch it afterwards. */
    synchronized void detach() {
        running = null;
    }

    /** At each accepted solution, on the search thread. */
    void solutionFound(RoutingModel routing) {
        solutions.incrementAndGet();
        if (cancelled) {
            routing.CancelSearch();
        }
    }
}
