package cn.gridwatch.map.wms;

import cn.gridwatch.geo.CrsRegistry;
import cn.gridwatch.geo.SupportedCrs;
import cn.gridwatch.geo.WebMercator;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.GridService;
import cn.gridwatch.map.MapLayers;
import cn.gridwatch.map.render.GridFeatureSource;
import cn.gridwatch.map.render.MapFeature;
import cn.gridwatch.map.render.MapRenderer;
import cn.gridwatch.map.render.Style;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Envelope;

/**
 * The WMS use cases without HTTP: maps, feature info, legends and what the capabilities need (grid
 * version, extents). Scale denominators follow the OGC convention (0.28 mm pixels, a degree is
 * 2πR/360 metres on the equator). Thread-safe.
 */
public final class WmsService {
    static final double PIXEL_M = 0.00028;
    static final double METRES_PER_DEGREE = 2 * Math.PI * 6_378_137.0 / 360;

    private final GridService grids;
    private final GridFeatureSource source;
    private final MapRenderer renderer = new MapRenderer();
    private volatile CachedExtents extents = new CachedExtents(-1, Map.of(), null);

    private record CachedExtents(long version, Map<GridLevel, Envelope> byLevel, LocalDate firstDate) {
    }

    public WmsService(GridService grids, GridFeatureSource source) {
        this.grids = grids;
        this.source = source;
    }

    /** The grid version: the capabilities' updateSequence and part of every ETag. */
    public long version() {
        return grids.currentVersion();
    }

    /** The lon/lat extent of each level's current cells (cached per grid version). */
    Map<GridLevel, Envelope> extents(long version) {
        return cached(version).byLevel();
    }

    /** The earliest date a TIME can show cells for (null for an empty grid), cached per grid version. */
    LocalDate firstDate(long version) {
        return cached(version).firstDate();
    }

    private CachedExtents cached(long version) {
        CachedExtents e = extents;
        if (e.version() != version) {
            e = new CachedExtents(version, source.extents(), source.firstDate());
            extents = e;
        }
        return e;
    }

    static double scaleDenominator(SupportedCrs crs, Envelope bbox, int width) {
        double unit = crs.isGeographic() ? METRES_PER_DEGREE : 1.0;
        return bbox.getWidth() * unit / width / PIXEL_M;
    }

    BufferedImage map(GetMapRequest r) {
        double scale = scaleDenominator(r.crs(), r.bbox(), r.width());
        Envelope lonLat = toLonLat(r.crs(), r.bbox());
        List<MapRenderer.Layer> layers = new ArrayList<>();
        if (lonLat != null) {
            double tolerance = lonLat.getWidth() / r.width() / 2;
            for (int i = 0; i < r.layers().size(); i++) {
                MapLayers.Layer layer = r.layers().get(i);
                if (layer.visibleAt(scale)) {
                    layers.add(new MapRenderer.Layer(source.inBox(layer.level(), lonLat, tolerance, r.date()), r.styles().get(i)));
                }
            }
        }
        return renderer.render(new MapRenderer.Canvas(r.crs().id(), r.bbox(), r.width(), r.height(), r.background(),
                scale), layers);
    }

    /**
     * The cells of {@code queryLayers} under pixel (i, j) (0,0 = top left), at most {@code max},
     * only those {@code visible} accepts.
     */
    List<MapFeature> featureInfo(GetMapRequest r, List<MapLayers.Layer> queryLayers, int i, int j, int max,
            Predicate<String> visible) {
        Envelope b = r.bbox();
        double x = b.getMinX() + (i + 0.5) * b.getWidth() / r.width();
        double y = b.getMaxY() - (j + 0.5) * b.getHeight() / r.height();
        double[] lonLat;
        try {
            lonLat = CrsRegistry.toCgcs2000(r.crs().id(), x, y);
        } catch (IllegalArgumentException outside) {
            return List.of();
        }
        List<MapFeature> out = new ArrayList<>();
        for (MapLayers.Layer layer : queryLayers) {
            for (MapFeature f : source.at(layer.level(), lonLat[0], lonLat[1], r.date())) {
                if (out.size() < max && visible.test(f.code())) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** A symbol for the legend: the layer's outline as a square of {@code width} x {@code height}. */
    static BufferedImage legend(Style style, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            float w = Math.min(style.strokeWidth(), Math.max(1, Math.min(width, height) / 4f));
            g.setStroke(new BasicStroke(w));
            if (style.fill() != null) {
                g.setColor(style.fill());
                g.fillRect(2, 2, width - 4, height - 4);
            }
            g.setColor(style.stroke());
            g.drawRect(Math.round(w), Math.round(w), Math.max(1, width - 2 * Math.round(w) - 1),
                    Math.max(1, height - 2 * Math.round(w) - 1));
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * The lon/lat envelope of a bbox in {@code crs}, from points along its edges (a projected
     * rectangle is curved in lon/lat); points outside the CRS's valid area are left out. Null when
     * no point converts.
     */
    static Envelope toLonLat(SupportedCrs crs, Envelope b) {
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

    /** The envelope in {@code crs} of a lon/lat envelope, from points along its edges; null when none converts. */
    static Envelope fromLonLat(SupportedCrs crs, Envelope ll) {
        Envelope out = new Envelope();
        int n = 16;
        for (int k = 0; k <= n; k++) {
            double lon = ll.getMinX() + ll.getWidth() * k / n;
            double lat = ll.getMinY() + ll.getHeight() * k / n;
            double[][] pts = {{lon, ll.getMinY()}, {lon, ll.getMaxY()}, {ll.getMinX(), lat}, {ll.getMaxX(), lat}};
            for (double[] p : pts) {
                try {
                    double[] xy = CrsRegistry.fromCgcs2000(crs.id(), p[0], p[1]);
                    out.expandToInclude(xy[0], xy[1]);
                } catch (IllegalArgumentException outside) {
                    // outside this CRS's valid area (e.g. far from a Gauss-Krüger zone's meridian)
                }
            }
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
