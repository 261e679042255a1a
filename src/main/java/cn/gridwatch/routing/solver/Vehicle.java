package cn.gridwatch.routing.solver;

/**
 * One vehicle of a {@link RoutingProblem}: it leaves node {@code start} no earlier than
 * {@code earliestStart} and must be back at node {@code end} by {@code latestEnd} (problem time
 * units); {@code capacity} bounds the sum of the demands it serves ({@link Long#MAX_VALUE}: none).
 * In a plan a vehicle is one team on one day. A break ({@code breakDuration > 0}) of that length
 * begins between {@code breakEarliest} and {@code breakLatest}; no service overlaps it, travel may be
 * interrupted by it, and a vehicle back at its end before it has to begin takes it there. Immutable.
 */
public record Vehicle(int start, int end, long earliestStart, long latestEnd, long capacity, long breakEarliest,
                      long breakLatest, long breakDuration) {
    public static final long NO_CAPACITY = Long.MAX_VALUE;

    public Vehicle {
        if (breakDuration < 0 || breakDuration > 0 && breakLatest < breakEarliest) {
            throw new IllegalArgumentException("a vehicle's break needs a duration >= 0 and its latest start at or after "
                    + "its earliest, but was: " + breakDuration + " from " + breakEarliest + ".." + breakLatest);
        }
    }

    public Vehicle(int start, int end, long earliestStart, long latestEnd, long capacity) {
        this(start, end, earliestStart, latestEnd, capacity, 0, 0, 0);
    }

    public boolean hasBreak() {
        return breakDuration > 0;
    }

    public Vehicle(int start, int end, long earliestStart, long latestEnd) {
        this(start, end, earliestStart, latestEnd, NO_CAPACITY);
    }
}
