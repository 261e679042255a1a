package cn.gridwatch.map.wms;

import cn.gridwatch.geo.CrsRegistry;
import cn.gridwatch.geo.SupportedCrs;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.GridService;
import cn.gridwatch.map.MapLayers;
import cn.gridwatch.map.render.GridFeatureSource;
import cn.gridwatch.map.render.MapFeature;
import cn.gridwatch.map.render.MapImageService;
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
 * The WMS use cases without HTTP: maps (drawn by {@link MapImageService}, shared with the PNG tiles),
 * feature info, legends and what the capabilities need (grid version, extents). Thread-safe.
 */
public final class WmsService {
    static final double PIXEL_M = MapImageService.PIXEL_M;

    private final GridService grids;
    private final GridFeatureSource source;
    private final MapImageService images;
    private volatile CachedExtents extents = new CachedExtents(-1, Map.of(), null);

    private record CachedExtents(long version, Map<GridLevel, Envelope> byLevel, LocalDate firstDate) {
    }

    public WmsService(GridService grids, MapImageService images) {
        this.grids = grids;
        this.images = images;
        this.source = images.source();
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

    /** GetMap: the layers drawn by the shared map image path, every cell (GetMap has no scope filter). */
    BufferedImage map(GetMapRequest r) {
        return images.render(new MapImageService.Request(r.layers(), r.styles(), r.crs(), r.bbox(), r.width(),
                r.height(), r.background(), r.date(), code -> true));
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
}
