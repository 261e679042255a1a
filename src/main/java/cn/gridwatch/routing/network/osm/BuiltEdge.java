package cn.gridwatch.routing.network.osm;

import cn.gridwatch.routing.network.RoadClass;

/**
 * One routable edge between two junctions, as the importer writes it. {@code source}/{@code target}
 * are vertex ids 1..n of the network; {@code cost}/{@code reverseCost} are seconds along/against
 * {@code xy} (lon/lat pairs, EPSG:4490), -1 where that direction is not allowed. {@code component}
 * is the undirected connected piece (0 = the largest). Immutable by convention (do not change xy).
 */
public record BuiltEdge(long osmWayId, int source, int target, double lengthM, double cost, double reverseCost,
        RoadClass roadClass, double speedKmh, Double maxspeedKmh, String name, double[] xy, int component,
        boolean isolated) {
}
