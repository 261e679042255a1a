package cn.gridwatch.map.render;

import cn.gridwatch.geo.CrsRegistry;
import cn.gridwatch.geo.SupportedCrs;
import cn.gridwatch.geo.WebMercator;
import cn.gridwatch.map.MapFeature;
import cn.gridwatch.map.MapLayer;
import cn.gridwatch.map.style.Style;
import cn.gridwatch.map.table.TableFeatureSource;
import cn.gridwatch.map.table.TableFilter;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Envelope;

/**
 * Draws map images of the published layers: the one path behind WMS GetMap and the PNG tiles. For
 * each layer visible at the map's scale it reads the features in the box (current grid cells from
 * the in-memory grid snapshot, dated cells from PostGIS simplified to half a pixel, register rows
 * from their tables with the viewer's jurisdiction and the time range) and draws them with
 * {@link MapRenderer}. Scale denominators follow the OGC convention (0.28 mm pixels, a degree is
 * 2πR/360 metres on the equator). Thread-safe.
 */
public final class MapImageService {
    public static final double PIXEL_M = 0.00028;
    public static final double METRES_PER_DEGREE = 2 * Math.PI * WebMercator.RADIUS_M / 360;

    private final GridFeatureSource source;
    private final GridSnapshotSource snapshot;
    private final TableFeatureSource tables;
    private final MapRenderer renderer = new MapRenderer();

    /**
     * What to draw. {@code bbox} is x/y in {@code crs} (x = longitude/easting); {@code background}
     * null means transparent; {@code gridDate} picks the cell versions valid that day (null: current);
     * {@code gridVisible} filters grid cells by code; register layers show the rows of
     * {@code tables} (the viewer's jurisdiction and time range).
     */
    public record Request(List<MapLayer> layers, List<Style> styles, SupportedCrs crs, Envelope bbox, int width,
            int height, Color background, LocalDate gridDate, Predicate<String> gridVisible, TableFilter tables) {
        public Request {
            if (layers.size() != styles.size()) {
                throw new IllegalArgumentException("one style per layer is needed: " + layers.size() + " layers, "
                        + styles.size() + " styles");
            }
            layers = List.copyOf(layers);
            styles = List.copyOf(styles);
        }
    }

    /** {@code snapshot} null: current cells are read from PostGIS too. */
    public MapImageService(GridFeatureSource source, GridSnapshotSource snapshot, TableFeatureSource tables) {
        this.source = source;
        this.snapshot = snapshot;
        this.tables = tables;
    }

    /** The version of the in-memory grid that current maps are drawn from, or -1 when there is none. */
    public long snapshotVersion() {
        return snapshot == null ? -1 : snapshot.version();
    }

    /** Where dated cells come from (for feature info and extents). */
    public GridFeatureSource source() {
        return source;
    }

    /** Where register features come from. */
    public TableFeatureSource tables() {
        return tables;
    }

    /** The OGC scale denominator of {@code bbox} (in {@code crs}) drawn {@code width} pixels wide. */
    public static double scaleDenominator(SupportedCrs crs, Envelope bbox, int width) {
        double unit = crs.isGeographic() ? METRES_PER_DEGREE : 1.0;
        return bbox.getWidth() * unit / width / PIXEL_M;
    }

    /** True when at least one of the request's layers draws at its scale. */
    public static boolean anyVisible(Request r) {
        double scale = scaleDenominator(r.crs(), r.bbox(), r.width());
        return r.layers().stream().anyMatch(l -> l.visibleAt(scale));
    }

    /** The map as an ARGB image. */
    public BufferedImage render(Request r) {
        double scale = scaleDenominator(r.crs(), r.bbox(), r.width());
        Envelope lonLat = toLonLat(r.crs(), r.bbox());
        List<MapRenderer.Layer> layers = new ArrayList<>();
        if (lonLat != null) {
            double tolerance = lonLat.getWidth() / r.width() / 2;
            for (int i = 0; i < r.layers().size(); i++) {
                MapLayer layer = r.layers().get(i);
                if (layer.visibleAt(scale)) {
                    layers.add(new MapRenderer.Layer(features(layer, lonLat, tolerance, r), r.styles().get(i)));
                }
            }
        }
        return renderer.render(new MapRenderer.Canvas(r.crs(), r.bbox(), r.width(), r.height(), r.background(),
                scale), layers);
    }

    private List<MapFeature> features(MapLayer layer, Envelope lonLat, double tolerance, Request r) {
        if (!layer.isGrid()) {
            return tables.draw(layer, lonLat, tolerance, r.tables());
        }
        List<MapFeature> cells = r.gridDate() == null && snapshot != null ? snapshot.inBox(layer.level(), lonLat)
                : source.inBox(layer.level(), lonLat, tolerance, r.gridDate());
        List<MapFeature> out = new ArrayList<>(cells.size());
        for (MapFeature f : cells) {
            if (r.gridVisible().test(f.code())) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * The lon/lat envelope of a bbox in {@code crs}, from points along its edges (a projected
     * rectangle is curved in lon/lat); points outside the CRS's valid area are left out. Null when
     * no point converts.
     */
    public static Envelope toLonLat(SupportedCrs crs, Envelope b) {
        Envelope out = new Envelope();
        int n = 16;
        for (int k = 0; k <= n; k++) {
            double fx = b.getMinX() + b.getWidth() * k / n;
            double fy = b.getMinY() + b.getHeight() * k / n;
            add(out, crs, fx, b.getMinY());
            add(out, crs, fx, b.getMaxY());
            add(out, crs, b.getMinX(), fy);
            add(out, crs, b.getMaxX(), fy);
        }
        return out.isNull() ? null : out;
    }

    private static void add(Envelope e, SupportedCrs crs, double x, double y) {
        double cx = x;
        double cy = y;
        if (crs.isGeographic()) { // a map of the whole world may reach past the poles or the date line
            cx = Math.max(-180, Math.min(180, x));
            cy = Math.max(-90, Math.min(90, y));
        } else if (crs.kind() == SupportedCrs.Kind.WEB_MERCATOR) {
            cx = Math.max(-WebMercator.MAX_EXTENT_M, Math.min(WebMercator.MAX_EXTENT_M, x));
            cy = Math.max(-WebMercator.MAX_EXTENT_M, Math.min(WebMercator.MAX_EXTENT_M, y));
        }
        try {
            double[] ll = CrsRegistry.toCgcs2000(crs.id(), cx, cy);
            e.expandToInclude(ll[0], ll[1]);
        } catch (IllegalArgumentException outside) {
            // this edge point lies outside the CRS's valid area; the others define the envelope
        }
    }
}
