package cn.gridwatch.routing.network.graph;

import cn.gridwatch.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pgRouting engine: {@code pgr_withPoints} many-to-many on the network's edges with the snapped
 * points (edge, fraction, side {@code b}) in a temporary table, summing each path's seconds and
 * metres (a path row's metres are its seconds times the edge's speed, since an edge is driven at
 * one speed; the last row of a path has edge -1 and cost 0, kept by the outer join so that a
 * zero-length path still counts as reachable). A point at fraction 0 or 1 is passed as its vertex:
 * pgRouting 3.4 loses such points (no rows at all, pgRouting issue #2689; wrong paths, #2253 and
 * #2966), and with them other points of the same one-way edge; points at one spot of an edge are
 * passed once, since pgRouting routes between two such points as if they were apart. It answers what {@link MemoryMatrix} answers (tests compare them) and is slower,
 * see bench/README.md. The network id and table names are from code, never from a request.
 * Thread-safe.
 */
public final class PgRoutingMatrix implements NetworkMatrix {
    private final Database db;

    public PgRoutingMatrix(Database db) {
        this.db = db;
    }

    @Override
    public Legs compute(RoadGraph g, List<Snap> snaps) {
        int n = snaps.size();
        double[][] s = new double[n][n];
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            Arrays.fill(s[i], GraphSearch.INFINITE);
            s[i][i] = 0;
        }
        db.inTransaction("routing with pgr_withPoints on network " + g.name(), c -> {
            fill(c, g, snaps, s, m);
            return null;
        });
        return new Legs(s, m);
    }

    private static void fill(Connection c, RoadGraph g, List<Snap> snaps, double[][] s, double[][] m) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("create temp table if not exists road_matrix_points (pid bigint, edge_id bigint,"
                    + " fraction float8, side char(1)) on commit delete rows");
        }
        // a point at fraction 0 or 1 is that vertex: pgRouting is asked for the vertex itself; points at
        // one place on an edge share one pid (pgRouting routes between two pids at one spot, or fails)
        Map<Long, List<Integer>> indexOf = new HashMap<>();
        Map<String, Long> pidOf = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("insert into road_matrix_points values (?, ?, ?, 'b')")) {
            for (int i = 0; i < snaps.size(); i++) {
                Snap sn = snaps.get(i);
                int e = sn.edge();
                long id;
                if (sn.fraction() == 0 || sn.fraction() == 1) {
                    id = (long) (sn.fraction() == 0 ? g.source[e] : g.target[e]) + 1;
                } else {
                    String place = e + "@" + sn.fraction();
                    Long pid = pidOf.get(place);
                    if (pid == null) {
                        pid = (long) pidOf.size() + 1;
                        pidOf.put(place, pid);
                        ps.setLong(1, pid);
                        ps.setLong(2, e + 1);
                        ps.setDouble(3, sn.fraction());
                        ps.addBatch();
                    }
                    id = -pid;
                }
                indexOf.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
            }
            ps.executeBatch();
        }
        String edges = "select id, source, target, cost, reverse_cost from road_edge where network_id = " + g.networkId;
        String sql = """
                select w.start_pid, w.end_pid, sum(w.cost), coalesce(sum(w.cost * e.speed_kmh / 3.6), 0)
                from pgr_withPoints(?, 'select pid, edge_id, fraction, side from road_matrix_points',
                                    ?::bigint[], ?::bigint[], directed => true, driving_side => 'b', details => false) w
                left join road_edge e on e.network_id = ? and e.id = w.edge
                group by w.start_pid, w.end_pid
                """;
        Long[] distinct = indexOf.keySet().toArray(new Long[0]);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, edges);
            ps.setArray(2, c.createArrayOf("bigint", distinct));
            ps.setArray(3, c.createArrayOf("bigint", distinct));
            ps.setLong(4, g.networkId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (int i : indexOf.get(rs.getLong(1))) {
                        for (int j : indexOf.get(rs.getLong(2))) {
                            if (i != j) {
                                s[i][j] = rs.getDouble(3);
                                m[i][j] = rs.getDouble(4);
                            }
                        }
                    }
                }
            }
        }
        // points at one place: pgRouting answers no row for a path from a vertex to itself
        for (List<Integer> same : indexOf.values()) {
            for (int i : same) {
                for (int j : same) {
                    s[i][j] = 0;
                    m[i][j] = 0;
                }
            }
        }
    }

    @Override
    public String name() {
        return "pgrouting";
    }
}
