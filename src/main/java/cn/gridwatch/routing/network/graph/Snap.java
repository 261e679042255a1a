package cn.gridwatch.routing.network.graph;

/**
 * Where one input point (index {@code point}, lon/lat EPSG:4490) joins the road network.
 * <ul>
 *   <li>{@link Status#ON_ROAD}: on edge {@code edge} (index) of {@code graph} at {@code fraction} of its
 *       length from its source, {@code distanceM} from the point, at (snappedLon, snappedLat);</li>
 *   <li>{@link Status#ISOLATED}: the only roads within reach are a piece not connected to the
 *       network, so the point is unreachable ({@code reason} says which road);</li>
 *   <li>{@link Status#NO_ROAD}: no routable road within the snapping distance; the point is not
 *       covered by any network ({@code distanceM} is to the nearest road anywhere, or NaN when no
 *       network exists).</li>
 * </ul>
 * Immutable.
 */
public record Snap(int point, double lon, double lat, Status status, RoadGraph graph, int edge, double fraction,
        double distanceM, double snappedLon, double snappedLat, String reason) {

    /** How a point relates to the road networks. */
    public enum Status { ON_ROAD, ISOLATED, NO_ROAD }

    public boolean onRoad() {
        return status == Status.ON_ROAD;
    }

    /** The network's name, or null when the point is not on a road. */
    public String networkName() {
        return graph == null ? null : graph.name();
    }
}
