package cn.gridwatch.map.render;

import cn.gridwatch.db.Database;
import cn.gridwatch.db.GeometryCodec;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.map.MapFeature;
import cn.gridwatch.map.MapLayer;
import cn.gridwatch.map.MapLayers;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

/**
 * Reads ADMIN grid cells for drawing and feature info, the current versions or those valid on a
 * date: cells of one level whose bounding box meets a lon/lat envelope, simplified in PostGIS to a tolerance in degrees, and the
 * extent of each level. Every value is bound. EPSG:4490, x = longitude. Thread-safe.
 *
 * <p>Reads {@code grid_cell} directly (read-only) because map output needs simplification and
 * envelope filtering that the grid service does not offer.
 */
public final class GridFeatureSource {
    private static final String IN_BOX = """
            select code, name, ST_AsBinary(ST_Simplify(geom, ?, true)) as wkb,
                   ST_AsBinary(ST_PointOnSurface(geom)) as label
              from grid_cell
             where kind = 'admin' and %s and level = ?
               and geom && ST_MakeEnvelope(?, ?, ?, ?, 4490)
             order by code""";
    private static final String AT_POINT = """
            select code, name, ST_AsBinary(geom) as wkb, ST_AsBinary(ST_PointOnSurface(geom)) as label
              from grid_cell
             where kind = 'admin' and %s and level = ?
               and ST_Covers(geom, ST_SetSRID(ST_MakePoint(?, ?), 4490))
             order by code""";
    private static final String EXTENTS = """
            select level, ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
              from (select level, ST_Extent(geom) as e from grid_cell
                     where kind = 'admin' and valid_to is null group by level) x""";

    private static final String FIRST_DATE = "select min(valid_from) from grid_cell where kind = 'admin'";
    private static final String CURRENT = "valid_to is null";
    private static final String VALID_ON = "valid_from <= ? and (valid_to is null or valid_to > ?)";

    private final Database db;

    public GridFeatureSource(Database db) {
        this.db = db;
    }

    /**
     * Cells of {@code level} valid on {@code date} (current when null) meeting {@code lonLat},
     * simplified to {@code toleranceDeg} (0 = exact).
     */
    public List<MapFeature> inBox(GridLevel level, Envelope lonLat, double toleranceDeg, LocalDate date) {
        return db.withConnection("reading " + level.id() + " cells for a map", c -> {
            try (PreparedStatement ps = c.prepareStatement(IN_BOX.formatted(date == null ? CURRENT : VALID_ON))) {
                ps.setDouble(1, toleranceDeg);
                int i = bindDate(ps, 2, date);
                ps.setInt(i, level.rank());
                ps.setDouble(i + 1, lonLat.getMinX());
                ps.setDouble(i + 2, lonLat.getMinY());
                ps.setDouble(i + 3, lonLat.getMaxX());
                ps.setDouble(i + 4, lonLat.getMaxY());
                return read(ps, level);
            }
        });
    }

    /** Cells of {@code level} valid on {@code date} (current when null) covering the point (lon, lat). */
    public List<MapFeature> at(GridLevel level, double lon, double lat, LocalDate date) {
        return db.withConnection("reading " + level.id() + " cells at a point", c -> {
            try (PreparedStatement ps = c.prepareStatement(AT_POINT.formatted(date == null ? CURRENT : VALID_ON))) {
                int i = bindDate(ps, 1, date);
                ps.setInt(i, level.rank());
                ps.setDouble(i + 1, lon);
                ps.setDouble(i + 2, lat);
                return read(ps, level);
            }
        });
    }

    /** The earliest valid-from date of any admin cell version, or null for an empty grid. */
    public LocalDate firstDate() {
        return db.withConnection("reading the first grid date", c -> {
            try (PreparedStatement ps = c.prepareStatement(FIRST_DATE); ResultSet rs = ps.executeQuery()) {
                rs.next();
                Date d = rs.getDate(1);
                return d == null ? null : d.toLocalDate();
            }
        });
    }

    private static int bindDate(PreparedStatement ps, int index, LocalDate date) throws SQLException {
        if (date == null) {
            return index;
        }
        ps.setDate(index, Date.valueOf(date));
        ps.setDate(index + 1, Date.valueOf(date));
        return index + 2;
    }

    /** The lon/lat extent of each level that has current cells. */
    public Map<GridLevel, Envelope> extents() {
        return db.withConnection("reading the grid extent", this::extents);
    }

    private Map<GridLevel, Envelope> extents(Connection c) throws SQLException {
        Map<GridLevel, Envelope> out = new EnumMap<>(GridLevel.class);
        try (PreparedStatement ps = c.prepareStatement(EXTENTS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(GridLevel.ofRank(rs.getInt(1)),
                        new Envelope(rs.getDouble(2), rs.getDouble(4), rs.getDouble(3), rs.getDouble(5)));
            }
        }
        return out;
    }

    private static List<MapFeature> read(PreparedStatement ps, GridLevel level) throws SQLException {
        MapLayer layer = MapLayers.grid(level);
        List<MapFeature> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                byte[] wkb = rs.getBytes("wkb");
                if (wkb == null) {
                    continue; // collapsed by simplification: smaller than a pixel
                }
                String code = rs.getString("code");
                String name = rs.getString("name");
                out.add(new MapFeature(layer.name(), code, name, null, GeometryCodec.fromWkb(wkb),
                        (Point) GeometryCodec.fromWkb(rs.getBytes("label")), layer.labelRank(), properties(code, name, level)));
            }
        }
        return out;
    }

    /** What feature info shows of a cell: code, name and level. */
    static Map<String, Object> properties(String code, String name, GridLevel level) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", code);
        p.put("name", name);
        p.put("level", level.id());
        return p;
    }
}
