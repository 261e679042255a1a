package cn.gridwatch.routing.network;

import cn.gridwatch.routing.network.graph.Snap;
import java.util.List;
import org.locationtech.jts.geom.LineString;

/**
 * The route between two points: when {@code reachable}, the road geometry (SRID 4490, lon/lat, from
 * the start's snapped location to the end's; a straight line for the great-circle fallback), seconds
 * and metres along it; {@code method} is {@code road} or {@code great_circle}; {@code notes} say how
 * the points were snapped and, when not reachable, why. Immutable.
 */
public record RoadRoute(boolean reachable, LineString geometry, long seconds, long metres, String method,
        List<String> notes, Snap from, Snap to) {

    public RoadRoute {
        notes = List.copyOf(notes);
    }
}
