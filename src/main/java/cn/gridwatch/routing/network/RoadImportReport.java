package cn.gridwatch.routing.network;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a road import did: {@code status} is {@code imported} (new name), {@code replaced} (the name
 * existed; the old network is gone) or {@code unchanged} (the same file was already imported under
 * that name; nothing written). Counts describe the file and the network built from it; times are
 * milliseconds (reading and building, writing). Immutable.
 */
public record RoadImportReport(String status, String name, long networkId, String file, String format,
        String sha256, long osmNodes, long osmWays, int routableWays, int vertices, int edges, double lengthKm,
        int oneWayEdges, int components, int largestComponentVertices, int isolatedEdges, long missingNodes,
        Map<String, Integer> edgesByClass, long readMillis, long writeMillis) {

    public RoadImportReport {
        edgesByClass = Map.copyOf(edgesByClass);
    }

    /** A short readable summary for the command line. */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "road network '%s' %s (id %d) from %s (%s)%n", name, status, networkId,
                file, format));
        b.append(String.format(Locale.ROOT, "  file: %,d nodes, %,d ways, %,d routable ways%s%n", osmNodes, osmWays,
                routableWays, missingNodes == 0 ? ""
                : String.format(Locale.ROOT, ", %,d node references missing (ways cut there)", missingNodes)));
        b.append(String.format(Locale.ROOT, "  network: %,d vertices, %,d edges (%,d one-way), %.1f km%n", vertices,
                edges, oneWayEdges, lengthKm));
        b.append(String.format(Locale.ROOT, "  connectivity: %,d pieces, the largest with %,d vertices; %,d edges on"
                + " isolated pieces (not snapped to)%n", components, largestComponentVertices, isolatedEdges));
        b.append("  edges by class: ").append(new TreeMap<>(edgesByClass)).append('\n');
        b.append(String.format(Locale.ROOT, "  read %.1f s, write %.1f s%n", readMillis / 1000.0, writeMillis / 1000.0));
        return b.toString();
    }
}
