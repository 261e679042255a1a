package cn.gridwatch.routing.network;

import java.time.Instant;

/**
 * One imported road network as listed by {@code GET /api/roads/networks}: where it came from, when
 * and by whom, and its size. {@code bbox} is minLon, minLat, maxLon, maxLat in EPSG:4490. Immutable.
 */
public record RoadNetworkInfo(long id, String name, String sourceFile, String sourceFormat, String sourceSha256,
        Instant importedAt, String importedBy, long osmNodes, long osmWays, int routableWays, int vertices, int edges,
        double lengthKm, double[] bbox) {
}
