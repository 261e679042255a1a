package cn.gridwatch.routing.network.graph;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import org.locationtech.jts.geom.Coordinate;

/**
 * Snaps points to the nearest routable edge. Candidates come from PostGIS: a KNN search
 * ({@code ORDER BY geom <-> point} on the GiST index) of the 8 nearest connected edges and the 2
 * nearest isolated ones per point, measured exactly with {@code geography} distance; the point then
 * joins the nearest connected edge within {@code maxMetres} at the fraction of its length where it
 * projects (the edge is not split: a search starts and ends part-way along it, as
 * {@code pgr_withPoints} does). Thread-safe; graphs come from the caller's cache.
 */
public final class Snapper {
    private static final int CONNECTED_CANDIDATES = 8;
    private static final int ISOLATED_CANDIDATES = 2;
    private static final String SQL = """
            select p.i, c.network_id, c.id, c.isolated,
                   ST_Distance(c.geom::geography, ST_SetSRID(ST_MakePoint(p.x, p.y), 4490)::geography) as d
            from unnest(?::float8[], ?::float8[]) with ordinality as p(x, y, i)
            cross join lateral (
                (select e.network_id, e.id, e.isolated, e.geom from road_edge e where not e.isolated
                 order by e.geom <-> ST_SetSRID(ST_MakePoint(p.x, p.y), 4490) limit ?)
                union all
                (select e.network_id, e.id, e.isolated, e.geom from road_edge e where e.isolated
                 order by e.geom <-> ST_SetSRID(ST_MakePoint(p.x, p.y), 4490) limit ?)
            ) c
            """;
    private final double maxMetres;

    public Snapper(double maxMetres) {
        if (!(maxMetres > 0 && maxMetres <= 100_000)) {
            throw new IllegalArgumentException("the snapping distance must be in (0, 100000] metres, but was: " + maxMetres);
        }
        this.maxMetres = maxMetres;
    }

    public double maxMetres() {
        return maxMetres;
    }

    /** One candidate edge of one point. */
    record Candidate(int point, long networkId, int edge, boolean isolated, double distanceM) {
    }

    /**
     * Snaps every point. {@code graphs} returns the loaded network for an id, or null when it
     * vanished (replaced meanwhile); then this throws {@link NetworkChangedException} and the caller
     * retries.
     */
    public List<Snap> snap(Connection c, List<Coordinate> points, LongFunction<RoadGraph> graphs) throws SQLException {
        List<List<Candidate>> byPoint = candidates(c, points);
        List<Snap> out = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            out.add(choose(i, points.get(i), byPoint.get(i), graphs));
        }
        return out;
    }

    private List<List<Candidate>> candidates(Connection c, List<Coordinate> points) throws SQLException {
        List<List<Candidate>> byPoint = new ArrayList<>(points.size());
        Double[] xs = new Double[points.size()];
        Double[] ys = new Double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            xs[i] = points.get(i).x;
            ys[i] = points.get(i).y;
            byPoint.add(new ArrayList<>());
        }
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            Array ax = c.createArrayOf("float8", xs);
            Array ay = c.createArrayOf("float8", ys);
            ps.setArray(1, ax);
            ps.setArray(2, ay);
            ps.setInt(3, CONNECTED_CANDIDATES);
            ps.setInt(4, ISOLATED_CANDIDATES);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int i = rs.getInt(1) - 1;
                    byPoint.get(i).add(new Candidate(i, rs.getLong(2), rs.getInt(3) - 1, rs.getBoolean(4), rs.getDouble(5)));
                }
            }
        }
        for (List<Candidate> l : byPoint) {
            // nearest first; ties by network and edge so the choice does not depend on row order
            l.sort((a, b) -> a.distanceM != b.distanceM ? Double.compare(a.distanceM, b.distanceM)
                    : a.networkId != b.networkId ? Long.compare(a.networkId, b.networkId) : Integer.compare(a.edge, b.edge));
        }
        return byPoint;
    }

    private Snap choose(int i, Coordinate p, List<Candidate> cands, LongFunction<RoadGraph> graphs) {
        Candidate connected = null;
        Candidate isolated = null;
        for (Candidate cand : cands) {
            if (!cand.isolated && connected == null) {
                connected = cand;
            }
            if (cand.isolated && isolated == null) {
                isolated = cand;
            }
        }
        if (connected != null && connected.distanceM <= maxMetres) {
            return onEdge(i, p, connected, graphs, Snap.Status.ON_ROAD, null);
        }
        if (isolated != null && isolated.distanceM <= maxMetres) {
            RoadGraph g = graph(graphs, isolated.networkId);
            String road = g.edgeName(isolated.edge) == null ? "an unnamed road" : "'" + g.edgeName(isolated.edge) + "'";
            String reason = String.format(Locale.ROOT, "unreachable: the nearest road within %.0f m (%s, %.0f m away,"
                    + " network %s) is on a piece of road not connected to the rest of the network%s", maxMetres, road,
                    isolated.distanceM, g.name(), connected == null ? ""
                    : String.format(Locale.ROOT, "; the nearest connected road is %.0f m away", connected.distanceM));
            return onEdge(i, p, isolated, graphs, Snap.Status.ISOLATED, reason);
        }
        Candidate nearest = connected != null ? connected : isolated;
        String reason = nearest == null ? "no road network has been imported"
                : String.format(Locale.ROOT, "no road within %.0f m (the nearest is %.0f m away)", maxMetres,
                nearest.distanceM);
        return new Snap(i, p.x, p.y, Snap.Status.NO_ROAD, null, -1, Double.NaN,
                nearest == null ? Double.NaN : nearest.distanceM, Double.NaN, Double.NaN, reason);
    }

    private static Snap onEdge(int i, Coordinate p, Candidate cand, LongFunction<RoadGraph> graphs, Snap.Status status,
            String reason) {
        RoadGraph g = graph(graphs, cand.networkId);
        Polyline.Projection pr = Polyline.project(g.xy[cand.edge], p.x, p.y);
        return new Snap(i, p.x, p.y, status, g, cand.edge, pr.fraction(), cand.distanceM, pr.lon(), pr.lat(), reason);
    }

    private static RoadGraph graph(LongFunction<RoadGraph> graphs, long id) {
        RoadGraph g = graphs.apply(id);
        if (g == null) {
            throw new NetworkChangedException(id);
        }
        return g;
    }

    /** A network was replaced between finding candidates and loading it; retrying sees the new one. */
    public static final class NetworkChangedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NetworkChangedException(long id) {
            super("road network " + id + " was replaced during the request");
        }
    }
}
