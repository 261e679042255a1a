package cn.gridwatch.map.table;

import cn.gridwatch.db.GeometryCodec;
import cn.gridwatch.map.FeaturePage;
import cn.gridwatch.map.FeatureRow;
import cn.gridwatch.map.MapFeature;
import cn.gridwatch.map.MapLayer;
import cn.gridwatch.map.TableLayer;
import cn.gridwatch.map.TimeRange;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * The SQL of register layers, assembled from a layer's {@link TableLayer} declaration (code-side
 * text) and bound values: features in a lon/lat box for drawing, features near a point for feature
 * info, pages, single features and extents for the features API, and MVT tiles. Every query keeps
 * the layer's rows ({@code where}), the time range when there is one, and, for scoped layers, the
 * viewer's jurisdiction: the finest grid code a row has must start with the scope prefix (so a row
 * outside every village but inside a township belongs to that township's officers). Box filters use the GiST index
 * ({@code &&}). Stateless and thread-safe; connections are not.
 */
final class TableRepository {
    /** The finest cell a row lies in; codes of any form (short or 12-digit) start with their parents' prefixes. */
    static final String FINEST_CELL = "coalesce(village_code, township_code, county_code, city_code)";
    static final int MVT_EXTENT = 4096;
    static final int MVT_BUFFER = 64;

    List<MapFeature> draw(Connection c, MapLayer layer, Envelope lonLat, double toleranceDeg, TimeRange time,
            TableFilter f, int limit) throws SQLException {
        TableLayer t = layer.table();
        Sql q = new Sql().sql("select " + heading(t) + ", ");
        if (t.kind() != TableLayer.GeometryKind.POINT && toleranceDeg > 0) {
            q.bind("ST_AsBinary(ST_Simplify(" + t.geometry() + ", ?, true)) as wkb", toleranceDeg);
        } else {
            q.sql("ST_AsBinary(" + t.geometry() + ") as wkb");
        }
        from(q, t, "", time, f);
        box(q, t, lonLat, "&&");
        q.bind(" order by " + t.code() + " limit ?", limit);
        List<MapFeature> out = new ArrayList<>();
        try (PreparedStatement ps = q.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                byte[] wkb = rs.getBytes("wkb");
                if (wkb != null) { // null: an area smaller than the tolerance
                    out.add(new MapFeature(layer.name(), rs.getString("code"), rs.getString("name"),
                            rs.getString("class"), GeometryCodec.fromWkb(wkb), null, layer.labelRank(), Map.of()));
                }
            }
        }
        return out;
    }

    /** Features within {@code radiusDeg} of (lon, lat), nearest first, with their attributes. */
    List<MapFeature> near(Connection c, MapLayer layer, double lon, double lat, double radiusDeg, TimeRange time,
            TableFilter f, int max) throws SQLException {
        TableLayer t = layer.table();
        Sql q = new Sql().sql("select " + heading(t) + attributes(t) + ", ST_AsBinary(" + t.geometry() + ") as wkb");
        from(q, t, "", time, f);
        q.bind(" and ST_DWithin(" + t.geometry() + ", ST_SetSRID(ST_MakePoint(?, ?), 4490), ?)", lon, lat, radiusDeg);
        q.bind(" order by " + t.geometry() + " <-> ST_SetSRID(ST_MakePoint(?, ?), 4490), " + t.code() + " limit ?",
                lon, lat, max);
        List<MapFeature> out = new ArrayList<>();
        try (PreparedStatement ps = q.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new MapFeature(layer.name(), rs.getString("code"), rs.getString("name"),
                        rs.getString("class"), GeometryCodec.fromWkb(rs.getBytes("wkb")), null, layer.labelRank(),
                        properties(rs, t)));
            }
        }
        return out;
    }

    FeaturePage page(Connection c, MapLayer layer, Envelope bbox, TimeRange time, TableFilter f, int limit, int offset)
            throws SQLException {
        TableLayer t = layer.table();
        Sql count = new Sql().sql("select count(*)");
        from(count, t, "", time, f);
        box(count, t, bbox, "intersects");
        long matched;
        try (PreparedStatement ps = count.prepare(c); ResultSet rs = ps.executeQuery()) {
            rs.next();
            matched = rs.getLong(1);
        }
        Sql q = rowsQuery(t);
        from(q, t, "", time, f);
        box(q, t, bbox, "intersects");
        q.bind(" order by " + t.code() + " limit ? offset ?", limit, offset);
        return new FeaturePage(rows(q, c, t), matched);
    }

    Optional<FeatureRow> one(Connection c, MapLayer layer, String id, TimeRange time, TableFilter f) throws SQLException {
        TableLayer t = layer.table();
        Sql q = rowsQuery(t);
        from(q, t, "", time, f);
        q.bind(" and " + t.code() + " = ?", id);
        List<FeatureRow> rows = rows(q, c, t);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** {@code [minLon, minLat, maxLon, maxLat]} of the rows, or null when there are none. */
    double[] extent(Connection c, MapLayer layer, TimeRange time, TableFilter f) throws SQLException {
        TableLayer t = layer.table();
        Sql q = new Sql().sql("select ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) from (select ST_Extent("
                + t.geometry() + ") as e");
        from(q, t, "", time, f);
        q.sql(") x");
        try (PreparedStatement ps = q.prepare(c); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getObject(1) == null ? null
                    : new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
        }
    }

    /** The earliest and latest time of a timed layer's rows (any scope), or null when there are none. */
    Instant[] timeExtent(Connection c, MapLayer layer) throws SQLException {
        TableLayer t = layer.table();
        Sql q = new Sql().sql("select min(" + t.time() + "), max(" + t.time() + ")");
        from(q, t, "", null, TableFilter.ALL);
        try (PreparedStatement ps = q.prepare(c); ResultSet rs = ps.executeQuery()) {
            rs.next();
            Timestamp a = rs.getTimestamp(1);
            Timestamp b = rs.getTimestamp(2);
            return a == null ? null : new Instant[] {a.toInstant(), b.toInstant()};
        }
    }

    /**
     * The MVT tile z/x/y of the layer (bound; {@code ST_TileEnvelope}), features picked with the tile
     * envelope widened by the buffer and transformed to EPSG:4490 (GiST), lines and areas simplified
     * by a tile unit at {@code simplifyMetres} > 0. Empty bytes when nothing is in it.
     */
    byte[] mvt(Connection c, MapLayer layer, int z, int x, int y, double simplifyMetres, TimeRange time, TableFilter f)
            throws SQLException {
        TableLayer t = layer.table();
        String geom = "ST_Transform(" + t.geometry() + ", 3857)";
        Sql q = new Sql().bind("with tile as (select ST_TileEnvelope(?, ?, ?) as env) select ST_AsMVT(r, ?, ?, 'geom')"
                + " from (select ", z, x, y, layer.name(), MVT_EXTENT);
        if (t.kind() != TableLayer.GeometryKind.POINT && simplifyMetres > 0) {
            q.bind("ST_AsMVTGeom(ST_Simplify(" + geom + ", ?, true), tile.env, ?, ?, true) as geom", simplifyMetres,
                    MVT_EXTENT, MVT_BUFFER);
        } else {
            q.bind("ST_AsMVTGeom(" + geom + ", tile.env, ?, ?, true) as geom", MVT_EXTENT, MVT_BUFFER);
        }
        q.sql(", " + heading(t) + attributes(t));
        from(q, t, "tile, ", time, f);
        q.bind(" and " + t.geometry() + " && ST_Transform(ST_Expand(tile.env,"
                + " (ST_XMax(tile.env) - ST_XMin(tile.env)) * ?), 4490)", (double) MVT_BUFFER / MVT_EXTENT);
        q.sql(") r where r.geom is not null");
        try (PreparedStatement ps = q.prepare(c); ResultSet rs = ps.executeQuery()) {
            rs.next();
            byte[] b = rs.getBytes(1);
            return b == null ? new byte[0] : b;
        }
    }

    private static String heading(TableLayer t) {
        return t.code() + " as code, " + t.name() + " as name, "
                + (t.styleClass() == null ? "null::text" : t.styleClass()) + " as \"class\"";
    }

    /** The declared attributes and the four cell codes, each as a named column (names are code-side identifiers). */
    private static String attributes(TableLayer t) {
        StringBuilder sb = new StringBuilder();
        t.attributes().forEach((name, expr) -> sb.append(", ").append(expr).append(" as \"").append(name).append('"'));
        if (t.scoped()) {
            for (String col : TableLayer.CELL_COLUMNS) {
                sb.append(", ").append(col);
            }
        }
        return sb.toString();
    }

    private static Sql rowsQuery(TableLayer t) {
        return new Sql().sql("select " + heading(t) + attributes(t) + ", ST_AsGeoJSON(" + t.geometry()
                + ", 7) as geojson");
    }

    private static void from(Sql q, TableLayer t, String extraFrom, TimeRange time, TableFilter f) {
        String scope = f.scopePrefix();
        q.sql(" from " + extraFrom + t.table() + " where (" + t.where() + ")");
        if (time != null && time.from() != null) {
            q.bind(" and " + t.time() + " >= ?", time.from());
        }
        if (time != null && time.to() != null) {
            q.bind(" and " + t.time() + " < ?", time.to());
        }
        if (t.scoped() && !scope.isEmpty()) {
            q.bind(" and " + FINEST_CELL + " like ?", scope + "%"); // prefixes are digits: no wildcards inside
        }
        f.paramValues(t).forEach((name, value) -> q.bind(" and " + t.params().get(name).expression() + " = ?", value));
        if (t.restrictedTo() != null && !f.viewer().privileged()) {
            q.bind(" and (" + t.restrictedTo() + ")", f.viewer().username(), f.viewer().userId());
        }
    }

    private static void box(Sql q, TableLayer t, Envelope b, String op) {
        if (b == null) {
            return;
        }
        String env = "ST_MakeEnvelope(?, ?, ?, ?, 4490)";
        q.bind(op.equals("&&") ? " and " + t.geometry() + " && " + env : " and ST_Intersects(" + t.geometry() + ", "
                + env + ")", b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY());
    }

    private static List<FeatureRow> rows(Sql q, Connection c, TableLayer t) throws SQLException {
        List<FeatureRow> out = new ArrayList<>();
        try (PreparedStatement ps = q.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new FeatureRow(rs.getString("code"), properties(rs, t), rs.getString("geojson")));
            }
        }
        return out;
    }

    private static Map<String, Object> properties(ResultSet rs, TableLayer t) throws SQLException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", rs.getString("code"));
        p.put("name", rs.getString("name"));
        if (t.styleClass() != null) {
            p.put("class", rs.getString("class"));
        }
        for (String name : t.attributes().keySet()) {
            p.put(name, value(rs.getObject(name)));
        }
        if (t.scoped()) {
            for (String col : TableLayer.CELL_COLUMNS) {
                p.put(col, rs.getString(col));
            }
        }
        return p;
    }

    /** JDBC values as JSON-friendly ones: timestamps as ISO instants, dates as ISO dates. */
    private static Object value(Object v) {
        if (v instanceof Timestamp ts) {
            return ts.toInstant().toString();
        }
        if (v instanceof Date d) {
            return d.toLocalDate().toString();
        }
        return v;
    }
}
