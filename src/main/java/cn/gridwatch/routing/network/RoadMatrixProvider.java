package cn.gridwatch.routing.network;

import cn.gridwatch.db.Database;
import cn.gridwatch.db.DatabaseException;
import cn.gridwatch.routing.GreatCircleMatrix;
import cn.gridwatch.routing.TravelMatrix;
import cn.gridwatch.routing.TravelMatrixProvider;
import cn.gridwatch.routing.network.graph.GraphSearch;
import cn.gridwatch.routing.network.graph.MemoryMatrix;
import cn.gridwatch.routing.network.graph.NetworkMatrix;
import cn.gridwatch.routing.network.graph.RoadGraph;
import cn.gridwatch.routing.network.graph.Snap;
import cn.gridwatch.routing.network.graph.Snapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Travel times and distances on the imported road networks: the {@link TravelMatrixProvider} the
 * plans use. Points (EPSG:4490, x = longitude, y = latitude) are snapped ({@link Snapper}); points on
 * one network get road times from the engine (in memory by default, {@link MemoryMatrix}); a point
 * with no road within the snapping distance, and pairs of points on different networks, fall back
 * to {@link GreatCircleMatrix} ({@code method} {@code mixed}, or {@code great_circle} when nothing
 * was on a road); a point on an isolated piece of road is unreachable. The notes say which is which.
 *
 * <p>Road legs include the <b>approach</b> at both ends: the straight line from a point to its
 * snapped road position (and from the road to the destination point), at {@link #APPROACH_KMH}
 * km/h: the last stretch to a works' gate is a yard, a driveway or a walk, not the road's speed.
 * Routes ({@link #route}) draw those stretches as short straight lines at the ends of the road path.
 *
 * <p>Graphs are loaded from PostGIS on first use and kept by network id; a re-imported network gets
 * a new id, so the old graph is dropped at the next request and the new one loaded. Thread-safe.
 */
public final class RoadMatrixProvider implements TravelMatrixProvider {
    public static final double DEFAULT_SNAP_METRES = 1000;
    /** Largest matrix accepted (rows = columns). */
    public static final int MAX_POINTS = 2000;
    /** Speed on the straight approach between a point and its snapped road position, km/h. */
    public static final double APPROACH_KMH = 15;
    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4490);
    private final Database db;
    private final Snapper snapper;
    private final NetworkMatrix engine;
    private final GreatCircleMatrix fallback;
    private final Map<Long, RoadGraph> graphs = new ConcurrentHashMap<>();

    public RoadMatrixProvider(Database db) {
        this(db, DEFAULT_SNAP_METRES, new MemoryMatrix(), new GreatCircleMatrix());
    }

    public RoadMatrixProvider(Database db, double snapMetres, NetworkMatrix engine, GreatCircleMatrix fallback) {
        this.db = db;
        this.snapper = new Snapper(snapMetres);
        this.engine = engine;
        this.fallback = fallback;
    }

    /** Where each point joins the road networks, in order. */
    public List<Snap> snap(List<Coordinate> points) {
        for (int attempt = 1; ; attempt++) {
            try {
                return db.withConnection("snapping points to the road networks", c -> {
                    dropReplacedGraphs(c);
                    return snapper.snap(c, points, id -> graph(c, id));
                });
            } catch (Snapper.NetworkChangedException e) {
                if (attempt == 3) {
                    throw new IllegalStateException("the road networks kept changing during the request; try again", e);
                }
            }
        }
    }

    @Override
    public TravelMatrix matrix(List<Coordinate> points) {
        checkPoints(points);
        int n = points.size();
        long[][] s = new long[n][n];
        long[][] m = new long[n][n];
        List<Snap> snaps = snap(points);
        boolean[][] road = new boolean[n][n];
        Map<RoadGraph, List<Snap>> groups = new LinkedHashMap<>();
        for (Snap sn : snaps) {
            if (sn.onRoad()) {
                groups.computeIfAbsent(sn.graph(), g -> new ArrayList<>()).add(sn);
            }
        }
        int[] noPathTo = new int[n];
        int[] noPathFrom = new int[n];
        for (Map.Entry<RoadGraph, List<Snap>> group : groups.entrySet()) {
            List<Snap> members = group.getValue();
            NetworkMatrix.Legs legs = engine.compute(group.getKey(), members);
            for (int a = 0; a < members.size(); a++) {
                for (int b = 0; b < members.size(); b++) {
                    int i = members.get(a).point();
                    int j = members.get(b).point();
                    road[i][j] = true;
                    if (i == j) {
                        s[i][j] = 0;
                        m[i][j] = 0;
                    } else if (legs.seconds()[a][b] < GraphSearch.INFINITE) {
                        double approach = members.get(a).distanceM() + members.get(b).distanceM();
                        s[i][j] = Math.round(legs.seconds()[a][b] + approachSeconds(approach));
                        m[i][j] = Math.round(legs.metres()[a][b] + approach);
                    } else {
                        s[i][j] = TravelMatrix.UNREACHABLE;
                        m[i][j] = TravelMatrix.UNREACHABLE;
                        noPathTo[i]++;
                        noPathFrom[j]++;
                    }
                }
            }
        }
        TravelMatrix gc = null;
        long crossNetwork = 0;
        long fallbackPairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j || road[i][j]) {
                    continue;
                }
                if (snaps.get(i).status() == Snap.Status.ISOLATED || snaps.get(j).status() == Snap.Status.ISOLATED) {
                    s[i][j] = TravelMatrix.UNREACHABLE;
                    m[i][j] = TravelMatrix.UNREACHABLE;
                    continue;
                }
                gc = gc == null ? fallback.matrix(points) : gc;
                s[i][j] = gc.seconds()[i][j];
                m[i][j] = gc.meters()[i][j];
                fallbackPairs++;
                crossNetwork += snaps.get(i).onRoad() && snaps.get(j).onRoad() ? 1 : 0;
            }
        }
        MatrixNotes notes = new MatrixNotes();
        notes.snapping(snaps, engine.name());
        notes.noRoad(snaps, gc == null ? "" : String.join("; ", gc.notes()));
        notes.crossNetwork(crossNetwork);
        notes.isolated(snaps);
        notes.noPath(snaps, noPathTo, noPathFrom);
        boolean anyRoad = snaps.stream().anyMatch(sn -> sn.status() != Snap.Status.NO_ROAD);
        String method = fallbackPairs == 0 && anyRoad ? "road" : anyRoad ? "mixed" : "great_circle";
        List<String> all = new ArrayList<>(notes.notes());
        if (!groups.isEmpty()) {
            all.add(String.format(Locale.ROOT, "road legs include the straight approach between each point and its "
                    + "road position at %.0f km/h", APPROACH_KMH));
        }
        return new TravelMatrix(s, m, method, all);
    }

    /** The route from one point to another, on roads where both are on one network. */
    public RoadRoute route(Coordinate from, Coordinate to) {
        checkPoints(List.of(from, to));
        List<Snap> snaps = snap(List.of(from, to));
        Snap a = snaps.get(0);
        Snap b = snaps.get(1);
        List<String> notes = new ArrayList<>();
        for (Snap sn : snaps) {
            notes.add(sn.onRoad() ? String.format(Locale.ROOT, "%s snapped %.0f m to network %s",
                    MatrixNotes.where(sn), sn.distanceM(), sn.networkName()) : MatrixNotes.where(sn) + ": " + sn.reason());
        }
        if (a.status() == Snap.Status.ISOLATED || b.status() == Snap.Status.ISOLATED) {
            return new RoadRoute(false, null, TravelMatrix.UNREACHABLE, TravelMatrix.UNREACHABLE, "road", notes, a, b);
        }
        if (a.onRoad() && b.onRoad() && a.graph() == b.graph()) {
            GraphSearch search = new GraphSearch(a.graph());
            GraphSearch.Leg leg = search.run(a, List.of(b))[0];
            if (!leg.reachable()) {
                notes.add("no road path from point 0 to point 1 on network " + a.networkName()
                        + " (one-way streets or roads not connected)");
                return new RoadRoute(false, null, TravelMatrix.UNREACHABLE, TravelMatrix.UNREACHABLE, "road", notes, a, b);
            }
            double approach = a.distanceM() + b.distanceM();
            return new RoadRoute(true, line(a, search.path(b), b), Math.round(leg.seconds()
                    + approachSeconds(approach)), Math.round(leg.metres() + approach), "road", notes, a, b);
        }
        if (a.onRoad() && b.onRoad()) {
            notes.add("the points lie on different road networks");
        }
        TravelMatrix gc = fallback.matrix(List.of(from, to));
        notes.addAll(gc.notes());
        return new RoadRoute(true, fallback.path(from, to), gc.seconds()[0][1], gc.meters()[0][1], "great_circle", notes,
                a, b);
    }

    /**
     * The road geometry from {@code from} to {@code to}; a straight line where the fallback applies.
     *
     * @throws IllegalArgumentException when there is no road path, saying why
     */
    @Override
    public LineString path(Coordinate from, Coordinate to) {
        RoadRoute r = route(from, to);
        if (!r.reachable()) {
            throw new IllegalArgumentException("no route: " + String.join("; ", r.notes()));
        }
        return r.geometry();
    }

    public double snapMetres() {
        return snapper.maxMetres();
    }

    /** Seconds to cover {@code metres} of approach at {@link #APPROACH_KMH}. */
    static double approachSeconds(double metres) {
        return metres / (APPROACH_KMH / 3.6);
    }

    /** The road path, with the approaches from and to the points where they lie off the road (> 1 cm). */
    private static LineString line(Snap from, double[] xy, Snap to) {
        List<Coordinate> cs = new ArrayList<>();
        if (from.distanceM() > 0.01) {
            cs.add(new Coordinate(from.lon(), from.lat()));
        }
        for (int i = 0; i < xy.length / 2; i++) {
            cs.add(new Coordinate(xy[2 * i], xy[2 * i + 1]));
        }
        if (to.distanceM() > 0.01) {
            cs.add(new Coordinate(to.lon(), to.lat()));
        }
        return GEOMETRY.createLineString(cs.toArray(new Coordinate[0]));
    }

    private static void checkPoints(List<Coordinate> points) {
        if (points.size() > MAX_POINTS) {
            throw new IllegalArgumentException("at most " + MAX_POINTS + " points per matrix, but got " + points.size());
        }
        for (int i = 0; i < points.size(); i++) {
            Coordinate p = points.get(i);
            if (p == null || !(p.x >= -180 && p.x <= 180 && p.y >= -90 && p.y <= 90)) {
                throw new IllegalArgumentException("point " + i + " must be longitude in [-180, 180] and latitude in"
                        + " [-90, 90] (EPSG:4490), but was: " + (p == null ? "null" : p.x + ", " + p.y));
            }
        }
    }

    private RoadGraph graph(Connection c, long id) {
        return graphs.computeIfAbsent(id, k -> {
            try {
                return RoadGraph.load(c, k);
            } catch (SQLException e) {
                throw new DatabaseException("loading road network " + k, e);
            }
        });
    }

    private void dropReplacedGraphs(Connection c) throws SQLException {
        if (graphs.isEmpty()) {
            return;
        }
        Set<Long> current = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("select id from road_network"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                current.add(rs.getLong(1));
            }
        }
        graphs.keySet().retainAll(current);
    }
}
