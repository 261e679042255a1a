package cn.gridwatch.routing.network.osm;

import java.util.List;
import java.util.Map;

/**
 * A road network read from one OSM file, ready to write: vertices 1..n ({@code vertexOsmIds[i]} and
 * lon/lat at {@code vertexXy[2i], vertexXy[2i+1]} belong to vertex i+1) and edges, plus what the
 * import report tells about it. Immutable by convention.
 *
 * @param osmNodes nodes in the file
 * @param osmWays ways in the file
 * @param routableWays ways cars may use ({@link WayRules})
 * @param missingNodes references of routable ways to nodes the file does not hold (clipped
 *     extracts); the ways are cut there
 * @param components undirected connected pieces
 * @param isolatedEdges edges on pieces too small to snap to
 */
public record BuiltNetwork(String format, long osmNodes, long osmWays, int routableWays, long missingNodes,
        long[] vertexOsmIds, double[] vertexXy, List<BuiltEdge> edges, int components, int largestComponentVertices,
        int isolatedEdges, int oneWayEdges, double lengthKm, Map<String, Integer> edgesByClass) {

    public int vertexCount() {
        return vertexOsmIds.length;
    }
}
