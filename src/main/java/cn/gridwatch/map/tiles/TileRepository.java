package cn.gridwatch.map.tiles;

import cn.gridwatch.geo.WebMercator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Builds one MVT tile of a grid layer in PostGIS (register layers: {@code TableFeatureSource}). The tile envelope is {@code ST_TileEnvelope} of the
 * bound z/x/y; rows are picked with that envelope transformed to EPSG:4490 (so the GiST index on
 * {@code grid_cell.geom} is used; Mercator is separable, so the transformed rectangle is exact), then
 * transformed to EPSG:3857, simplified by a tile-pixel tolerance at low zooms and clipped by
 * {@code ST_AsMVTGeom} (extent 4096, buffer 64). Attributes: code, name, level. Every value is
 * bound; the SQL text is fixed. Stateless and thread-safe; connections are not.
 */
final class TileRepository {
    static final int EXTENT = 4096;
    static final int BUFFER = 64;
    /** Up to this zoom geometries are simplified before clipping; deeper, clipping alone is cheaper. */
    static final int SIMPLIFY_UP_TO_ZOOM = 12;
    /** The bounds of an empty layer: the whole web map square. */
    static final double[] WORLD = {-180, -85.0511287798066, 180, 85.0511287798066};

    private static final String SQL = """
            with tile as (select ST_TileEnvelope(?, ?, ?) as env),
            rows as (
                select ST_AsMVTGeom(
                           case when ? > 0 then ST_Simplify(ST_Transform(g.geom, 3857), ?, true)
                                else ST_Transform(g.geom, 3857) end,
                           tile.env, ?, ?, true) as geom,
                       g.code, g.name, ? as level
                from grid_cell g, tile
                where g.valid_to is null and g.kind = 'admin' and g.level = ?
                  and g.geom && ST_Transform(tile.env, 4490)
                  and g.code like ?
            )
            select ST_AsMVT(rows, ?, ?, 'geom') from rows where geom is not null
            """;

    /** The tile's bytes; empty when no cell touches it. {@code codePrefix} "" means every cell. */
    byte[] tile(Connection c, TileLayer layer, TileCoord t, String codePrefix) throws SQLException {
        double tolerance = t.z() <= SIMPLIFY_UP_TO_ZOOM ? unitMetres(t.z()) : 0;
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            int i = 1;
            ps.setInt(i++, t.z());
            ps.setInt(i++, t.x());
            ps.setInt(i++, t.y());
            ps.setDouble(i++, tolerance);
            ps.setDouble(i++, tolerance);
            ps.setInt(i++, EXTENT);
            ps.setInt(i++, BUFFER);
            ps.setString(i++, layer.level().id());
            ps.setInt(i++, layer.level().rank());
            ps.setString(i++, codePrefix + "%"); // digits only (scope prefixes): no LIKE wildcards inside
            ps.setString(i++, layer.id());
            ps.setInt(i, EXTENT);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                byte[] b = rs.getBytes(1);
                return b == null ? new byte[0] : b;
            }
        }
    }

    /**
     * {@code [minLon, minLat, maxLon, maxLat]} of the layer's current cells in EPSG:4490 (= CRS84 to
     * within a metre), or the whole web map square when the layer is empty.
     */
    double[] bounds(Connection c, TileLayer layer, String codePrefix) throws SQLException {
        String sql = "select ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) from (select ST_Extent(geom) as e"
                + " from grid_cell where valid_to is null and kind = 'admin' and level = ? and code like ?) x";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, layer.level().rank());
            ps.setString(2, codePrefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getObject(1) == null) {
                    return WORLD.clone();
                }
                return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
            }
        }
    }

    /** The size in EPSG:3857 metres of one MVT unit (1/4096 of a tile) at zoom z. */
    static double unitMetres(int z) {
        return 2 * WebMercator.MAX_EXTENT_M / (1L << z) / EXTENT;
    }
}
