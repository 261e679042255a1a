package cn.gridwatch.routing.network;

import cn.gridwatch.routing.network.osm.BuiltEdge;
import cn.gridwatch.routing.network.osm.BuiltNetwork;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * SQL for the road tables of V8 ({@code road_network}, {@code road_vertex}, {@code road_edge}).
 * Vertices and edges are written with {@code COPY} (geometry as EWKT, SRID 4490), a network at a
 * time. Takes the caller's connection; stateless and thread-safe.
 */
public final class RoadNetworkRepository {
    /** Advisory lock key every road import takes, so concurrent imports of one name serialize. */
    public static final long ROAD_WRITE_LOCK = 0x726f616473L; // "roads"
    private static final int COPY_CHUNK_ROWS = 20_000;
    private static final String INFO_COLUMNS = "id, name, source_file, source_format, source_sha256, imported_at,"
            + " imported_by, osm_nodes, osm_ways, routable_ways, vertices, edges, length_km,"
            + " ST_XMin(extent), ST_YMin(extent), ST_XMax(extent), ST_YMax(extent)";

    public void lockForWrite(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            ps.setLong(1, ROAD_WRITE_LOCK);
            ps.execute();
        }
    }

    public List<RoadNetworkInfo> list(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + INFO_COLUMNS + " from road_network order by name");
             ResultSet rs = ps.executeQuery()) {
            List<RoadNetworkInfo> out = new ArrayList<>();
            while (rs.next()) {
                out.add(info(rs));
            }
            return out;
        }
    }

    public Optional<RoadNetworkInfo> find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + INFO_COLUMNS + " from road_network where name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(info(rs)) : Optional.empty();
            }
        }
    }

    /** The import report stored with a network, as JSON text. */
    public String reportJson(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select report::text from road_network where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("road network " + id + " vanished");
                }
                return rs.getString(1);
            }
        }
    }

    /** Deletes a network with its vertices and edges; true when it existed. */
    public boolean delete(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from road_network where name = ?")) {
            ps.setString(1, name);
            return ps.executeUpdate() > 0;
        }
    }

    /** Inserts the network row, then its vertices and edges; returns the new network id. */
    public long insert(Connection c, String name, String sourceFile, String sha256, String importedBy, BuiltNetwork n,
            String reportJson) throws SQLException {
        double[] box = bbox(n.vertexXy());
        long id;
        String sql = "insert into road_network (name, source_file, source_sha256, source_format, imported_by, osm_nodes,"
                + " osm_ways, routable_ways, vertices, edges, length_km, extent, report)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ST_MakeEnvelope(?, ?, ?, ?, 4490), ?::jsonb) returning id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, name);
            ps.setString(i++, sourceFile);
            ps.setString(i++, sha256);
            ps.setString(i++, n.format());
            ps.setString(i++, importedBy);
            ps.setLong(i++, n.osmNodes());
            ps.setLong(i++, n.osmWays());
            ps.setInt(i++, n.routableWays());
            ps.setInt(i++, n.vertexCount());
            ps.setInt(i++, n.edges().size());
            ps.setDouble(i++, n.lengthKm());
            for (double d : box) {
                ps.setDouble(i++, d);
            }
            ps.setString(i, reportJson);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        copyVertices(c, id, n);
        copyEdges(c, id, n);
        return id;
    }

    private static void copyVertices(Connection c, long networkId, BuiltNetwork n) throws SQLException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder sb = new StringBuilder();
        double[] xy = n.vertexXy();
        String sql = "copy road_vertex (network_id, id, osm_node_id, geom) from stdin";
        for (int v = 0; v < n.vertexCount(); v++) {
            sb.append(networkId).append('\t').append(v + 1).append('\t').append(n.vertexOsmIds()[v])
                    .append("\tSRID=4490;POINT(").append(xy[2 * v]).append(' ').append(xy[2 * v + 1]).append(")\n");
            if ((v + 1) % COPY_CHUNK_ROWS == 0) {
                send(copy, sql, sb);
            }
        }
        send(copy, sql, sb);
    }

    private static void copyEdges(Connection c, long networkId, BuiltNetwork n) throws SQLException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        String sql = "copy road_edge (network_id, id, osm_way_id, source, target, cost, reverse_cost, length_m,"
                + " road_class, speed_kmh, maxspeed_kmh, name, component, isolated, geom) from stdin";
        StringBuilder sb = new StringBuilder();
        List<BuiltEdge> edges = n.edges();
        for (int e = 0; e < edges.size(); e++) {
            BuiltEdge b = edges.get(e);
            sb.append(networkId).append('\t').append(e + 1).append('\t').append(b.osmWayId()).append('\t')
                    .append(b.source()).append('\t').append(b.target()).append('\t').append(b.cost()).append('\t')
                    .append(b.reverseCost()).append('\t').append(b.lengthM()).append('\t').append(b.roadClass().tag())
                    .append('\t').append(b.speedKmh()).append('\t')
                    .append(b.maxspeedKmh() == null ? "\\N" : b.maxspeedKmh().toString()).append('\t')
                    .append(b.name() == null ? "\\N" : escape(b.name())).append('\t').append(b.component())
                    .append('\t').append(b.isolated() ? 't' : 'f').append("\tSRID=4490;LINESTRING(");
            double[] xy = b.xy();
            for (int i = 0; i < xy.length; i += 2) {
                sb.append(i == 0 ? "" : ",").append(xy[i]).append(' ').append(xy[i + 1]);
            }
            sb.append(")\n");
            if ((e + 1) % COPY_CHUNK_ROWS == 0) {
                send(copy, sql, sb);
            }
        }
        send(copy, sql, sb);
    }

    private static void send(CopyManager copy, String sql, StringBuilder rows) throws SQLException {
        if (rows.length() == 0) {
            return;
        }
        try {
            copy.copyIn(sql, new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("copying road rows: " + e.getMessage(), e);
        }
        rows.setLength(0);
    }

    /** COPY text format: backslash, tab, newline and carriage return are escaped. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\': b.append("\\\\"); break;
                case '\t': b.append("\\t"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                default: b.append(ch);
            }
        }
        return b.toString();
    }

    private static double[] bbox(double[] xy) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < xy.length; i += 2) {
            b[0] = Math.min(b[0], xy[i]);
            b[1] = Math.min(b[1], xy[i + 1]);
            b[2] = Math.max(b[2], xy[i]);
            b[3] = Math.max(b[3], xy[i + 1]);
        }
        return b;
    }

    private static RoadNetworkInfo info(ResultSet rs) throws SQLException {
        return new RoadNetworkInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getLong(8), rs.getLong(9), rs.getInt(10),
                rs.getInt(11), rs.getInt(12), rs.getDouble(13),
                new double[] {rs.getDouble(14), rs.getDouble(15), rs.getDouble(16), rs.getDouble(17)});
    }
}
