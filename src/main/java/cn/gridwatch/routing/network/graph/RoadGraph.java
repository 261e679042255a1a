package cn.gridwatch.routing.network.graph;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * One road network held in memory for searches: edges (index = edge id - 1) with their costs in
 * seconds (negative: direction not allowed), lengths in metres and vertices (lon/lat, EPSG:4490), and
 * a compressed adjacency of the allowed directions (arcs). Loaded once from {@code road_edge};
 * immutable after loading and safe to search from many threads (each with its own
 * {@link GraphSearch}).
 */
public final class RoadGraph {
    final long networkId;
    final String name;
    final int vertexCount;
    final int[] source;
    final int[] target;
    final double[] cost;
    final double[] reverseCost;
    final double[] length;
    final String[] roadName;
    final double[][] xy;
    /** Arcs out of vertex v are firstArc[v] .. firstArc[v+1]-1. */
    final int[] firstArc;
    final int[] arcHead;
    final int[] arcEdge;
    final boolean[] arcForward;

    private RoadGraph(long networkId, String name, int vertexCount, int[] source, int[] target, double[] cost,
            double[] reverseCost, double[] length, String[] roadName, double[][] xy) {
        this.networkId = networkId;
        this.name = name;
        this.vertexCount = vertexCount;
        this.source = source;
        this.target = target;
        this.cost = cost;
        this.reverseCost = reverseCost;
        this.length = length;
        this.roadName = roadName;
        this.xy = xy;
        int m = source.length;
        int[] degree = new int[vertexCount + 1];
        for (int e = 0; e < m; e++) {
            if (cost[e] >= 0) {
                degree[source[e]]++;
            }
            if (reverseCost[e] >= 0) {
                degree[target[e]]++;
            }
        }
        firstArc = new int[vertexCount + 1];
        for (int v = 0; v < vertexCount; v++) {
            firstArc[v + 1] = firstArc[v] + degree[v];
        }
        int arcs = firstArc[vertexCount];
        arcHead = new int[arcs];
        arcEdge = new int[arcs];
        arcForward = new boolean[arcs];
        int[] next = firstArc.clone();
        for (int e = 0; e < m; e++) {
            if (cost[e] >= 0) {
                int a = next[source[e]]++;
                arcHead[a] = target[e];
                arcEdge[a] = e;
                arcForward[a] = true;
            }
            if (reverseCost[e] >= 0) {
                int a = next[target[e]]++;
                arcHead[a] = source[e];
                arcEdge[a] = e;
                arcForward[a] = false;
            }
        }
    }

    /** Loads network {@code networkId} (vertex ids 1..n become 0..n-1); null when it does not exist (any more). */
    public static RoadGraph load(Connection c, long networkId) throws SQLException {
        String name;
        int vertices;
        int edges;
        try (PreparedStatement ps = c.prepareStatement("select name, vertices, edges from road_network where id = ?")) {
            ps.setLong(1, networkId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                name = rs.getString(1);
                vertices = rs.getInt(2);
                edges = rs.getInt(3);
            }
        }
        int[] source = new int[edges];
        int[] target = new int[edges];
        double[] cost = new double[edges];
        double[] reverse = new double[edges];
        double[] length = new double[edges];
        String[] names = new String[edges];
        double[][] xy = new double[edges][];
        WKBReader wkb = new WKBReader();
        String sql = "select id, source, target, cost, reverse_cost, length_m, name, ST_AsBinary(geom) from road_edge"
                + " where network_id = ? order by id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(10_000);
            ps.setLong(1, networkId);
            try (ResultSet rs = ps.executeQuery()) {
                int e = 0;
                while (rs.next()) {
                    if (rs.getLong(1) != e + 1) {
                        throw new IllegalStateException("road network " + networkId + ": edge ids are not 1.." + edges);
                    }
                    source[e] = rs.getInt(2) - 1;
                    target[e] = rs.getInt(3) - 1;
                    cost[e] = rs.getDouble(4);
                    reverse[e] = rs.getDouble(5);
                    length[e] = rs.getDouble(6);
                    names[e] = rs.getString(7);
                    xy[e] = coordinates((LineString) wkb.read(rs.getBytes(8)));
                    e++;
                }
                if (e != edges) {
                    return null; // replaced while we read: the caller retries with the new id
                }
            } catch (ParseException e) {
                throw new IllegalStateException("road network " + networkId + " holds a geometry that does not parse", e);
            }
        }
        return new RoadGraph(networkId, name, vertices, source, target, cost, reverse, length, names, xy);
    }

    private static double[] coordinates(LineString line) {
        Coordinate[] cs = line.getCoordinates();
        double[] out = new double[cs.length * 2];
        for (int i = 0; i < cs.length; i++) {
            out[2 * i] = cs[i].x;
            out[2 * i + 1] = cs[i].y;
        }
        return out;
    }

    public long networkId() {
        return networkId;
    }

    public String name() {
        return name;
    }

    public int vertexCount() {
        return vertexCount;
    }

    public int edgeCount() {
        return source.length;
    }

    /** The lon/lat vertices of edge {@code e} (index, not id), along its direction. Do not change the array. */
    public double[] edgeXy(int e) {
        return xy[e];
    }

    /** The name of edge {@code e}, or null. */
    public String edgeName(int e) {
        return roadName[e];
    }

    boolean forward(int e) {
        return cost[e] >= 0;
    }

    boolean backward(int e) {
        return reverseCost[e] >= 0;
    }
}
