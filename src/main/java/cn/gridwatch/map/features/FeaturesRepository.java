package cn.gridwatch.map.features;

import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.map.FeaturePage;
import cn.gridwatch.map.FeatureRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * Reads current ADMIN cells of one level as features (grid collections; registers: {@code TableFeatureSource}): pages filtered by a lon/lat box
 * ({@code ST_Intersects}, so the GiST index is used and the answer is exact), single cells, and the
 * level's extent. Geometries are EPSG:4490 written as GeoJSON with x = longitude (PostGIS order),
 * 7 decimals. Every value is bound. Stateless and thread-safe; connections are not.
 */
final class FeaturesRepository {
    private static final String FROM = " from grid_cell where valid_to is null and kind = 'admin' and level = ?"
            + " and code like ?";
    private static final String BBOX = " and ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4490))";
    private static final String COLUMNS = "select code, name, level, parent_code, valid_from,"
            + " ST_AsGeoJSON(geom, 7) as geojson";

    FeaturePage page(Connection c, FeatureCollectionDef coll, String prefix, Envelope bbox, int limit, int offset)
            throws SQLException {
        String where = FROM + (bbox == null ? "" : BBOX);
        long matched;
        try (PreparedStatement ps = c.prepareStatement("select count(*)" + where)) {
            bind(ps, coll, prefix, bbox);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                matched = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + where + " order by code limit ? offset ?")) {
            int i = bind(ps, coll, prefix, bbox);
            ps.setInt(i++, limit);
            ps.setInt(i, offset);
            return new FeaturePage(rows(ps), matched);
        }
    }

    Optional<FeatureRow> one(Connection c, FeatureCollectionDef coll, String prefix, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + FROM + " and code = ?")) {
            int i = bind(ps, coll, prefix, null);
            ps.setString(i, code);
            List<FeatureRow> rows = rows(ps);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        }
    }

    /** {@code [minLon, minLat, maxLon, maxLat]}, or null when the level is empty. */
    double[] extent(Connection c, FeatureCollectionDef coll, String prefix) throws SQLException {
        String sql = "select ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) from (select ST_Extent(geom) as e"
                + FROM + ") x";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, coll, prefix, null);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1) == null ? null
                        : new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
            }
        }
    }

    private static int bind(PreparedStatement ps, FeatureCollectionDef coll, String prefix, Envelope bbox)
            throws SQLException {
        int i = 1;
        ps.setInt(i++, coll.layer().level().rank());
        ps.setString(i++, prefix + "%"); // scope prefixes are digits: no LIKE wildcards inside
        if (bbox != null) {
            ps.setDouble(i++, bbox.getMinX());
            ps.setDouble(i++, bbox.getMinY());
            ps.setDouble(i++, bbox.getMaxX());
            ps.setDouble(i++, bbox.getMaxY());
        }
        return i;
    }

    private static List<FeatureRow> rows(PreparedStatement ps) throws SQLException {
        List<FeatureRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("code", rs.getString("code"));
                props.put("name", rs.getString("name"));
                props.put("level", GridLevel.ofRank(rs.getInt("level")).id());
                props.put("parentCode", rs.getString("parent_code"));
                props.put("validFrom", rs.getDate("valid_from").toLocalDate().toString());
                out.add(new FeatureRow(rs.getString("code"), props, rs.getString("geojson")));
            }
        }
        return out;
    }
}
