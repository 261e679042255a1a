package cn.gridwatch.routing;

import java.util.List;

/**
 * Travel times (seconds) and distances (metres) between points, {@code seconds[i][j]} from point i
 * to point j in the order the points were given. {@link #UNREACHABLE} marks a pair with no path.
 * {@code method} says how the figures were made ({@code road} on the road network,
 * {@code great_circle} for the fallback, {@code mixed} when some pairs fell back); {@code notes} say
 * which points were snapped where, which fell back and which are unreachable, in words a plan can
 * show. Arrays are owned by the record once built: do not change them. Immutable by convention.
 */
public record TravelMatrix(long[][] seconds, long[][] meters, String method, List<String> notes) {
    public static final long UNREACHABLE = Long.MAX_VALUE / 4;

    public TravelMatrix {
        if (seconds.length != meters.length) {
            throw new IllegalArgumentException("seconds has " + seconds.length + " rows but meters has " + meters.length);
        }
        notes = List.copyOf(notes);
    }

    public int size() {
        return seconds.length;
    }

    public boolean reachable(int from, int to) {
        return seconds[from][to] < UNREACHABLE;
    }
}
