package cn.gridwatch.routing.network.osm;

import java.util.Map;

/**
 * Receives the nodes and ways of an OSM file in file order. Readers skip what the handler does not
 * want (a pass over ways does not decode node coordinates where the format allows). Relations are
 * never delivered. Coordinates are WGS84/CGCS2000 degrees, x = longitude, y = latitude.
 */
public interface OsmHandler {
    /** Whether {@link #node} should be called on this pass. */
    boolean wantsNodes();

    /** Whether {@link #way} should be called on this pass. */
    boolean wantsWays();

    void node(long id, double lon, double lat);

    /** A way with its node references in order and all its tags (the map may be reused after the call). */
    void way(long id, long[] refs, Map<String, String> tags);
}
