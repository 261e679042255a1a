package cn.gridwatch.routing.solver;

/**
 * One vehicle of a {@link RoutingProblem}: it leaves node {@code start} no earlier than
 * {@code earliestStart} and must be back at node {@code end} by {@code latestEnd} (problem time
 * units); {@code capacity} bounds the sum of the demands it serves ({@link Long#MAX_VALUE}: none).
 * In a plan a vehicle is one team on one day. Immutable.
 */
public record Vehicle(int start, int end, long earliestStart, long latestEnd, long capacity) {
    public static final long NO_CAPACITY = Long.MAX_VALUE;

    public Vehicle(int start, int end, long earliestStart, long latestEnd) {
        this(start, end, earliestStart, latestEnd, NO_CAPACITY);
    }
}
