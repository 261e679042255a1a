package cn.gridwatch.map.wms;

import cn.gridwatch.geo.CrsRegistry;
import cn.gridwatch.geo.SupportedCrs;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.GridService;
import cn.gridwatch.map.MapFeature;
import cn.gridwatch.map.MapLayer;
import cn.gridwatch.map.MapLayers;
import cn.gridwatch.map.render.GridFeatureSource;
import cn.gridwatch.map.render.Legend;
import cn.gridwatch.map.render.MapImageService;
import cn.gridwatch.map.style.Style;
import cn.gridwatch.map.table.TableFeatureSource;
import cn.gridwatch.map.table.TableFilter;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Envelope;

/**
 * The WMS use cases without HTTP: maps (drawn by {@link MapImageService}, shared with the PNG tiles),
 * feature info, legends and what the capabilities need: the grid version, each layer's extent and
 * the time extents. Extents are cached per grid version and data version of the table layers'
 * sources ({@code MapDataVersions}: an edit through this instance gives fresh extents on the next
 * request, one through another instance within a second). Thread-safe.
 */
public final class WmsService {
    static final double PIXEL_M = MapImageService.PIXEL_M;
    /** Feature info finds points within this many pixels of the clicked one. */
    static final int HIT_RADIUS_PX = 6;
    /** Register extents narrower than this (a single point) are widened to it, in degrees. */
    static final double MIN_EXTENT_DEG = 0.001;

    private final GridService grids;
    private final GridFeatureSource source;
    private final TableFeatureSource tables;
    private final MapImageService images;
    private volatile Extents extents = new Extents(-1, -1, Map.of(), null, Map.of());

    /**
     * What the capabilities show of the data: a lon/lat extent per layer name (absent: empty layer),
     * the first day of the grid's TIME dimension and the first and last time of timed layers.
     */
    record Extents(long gridVersion, long dataVersion, Map<String, Envelope> byLayer, LocalDate firstGridDate,
            Map<String, Instant[]> times) {
    }

    public WmsService(GridService grids, MapImageService images) {
        this.grids = grids;
        this.images = images;
        this.source = images.source();
        this.tables = images.tables();
    }

    /**
     * The grid version: the capabilities' updateSequence and part of every grid-only ETag. It is the
     * version of the in-memory snapshot maps are drawn from (no database read per request), or the
     * database's when there is no snapshot.
     */
    public long version() {
        long v = images.snapshotVersion();
        return v >= 0 ? v : grids.currentVersion();
    }

    /** The extents for the capabilities (see {@link Extents}), re-read when stale. */
    Extents extents(long gridVersion) {
        Extents e = extents;
        long dataVersion = tables.versions().all();
        if (e.gridVersion() != gridVersion || e.dataVersion() != dataVersion) {
            e = readExtents(gridVersion, dataVersion);
            extents = e;
        }
        return e;
    }

    private Extents readExtents(long gridVersion, long dataVersion) {
        Map<String, Envelope> byLayer = new HashMap<>();
        Map<GridLevel, Envelope> levels = source.extents();
        Map<String, Instant[]> times = new HashMap<>();
        for (MapLayer layer : MapLayers.all()) {
            if (layer.isGrid()) {
                Envelope e = levels.get(layer.level());
                if (e != null) {
                    byLayer.put(layer.name(), e);
                }
                continue;
            }
            double[] e = tables.extent(layer, "");
            if (e != null) {
                Envelope env = new Envelope(e[0], e[2], e[1], e[3]);
                if (env.getWidth() < MIN_EXTENT_DEG || env.getHeight() < MIN_EXTENT_DEG) {
                    env.expandBy(MIN_EXTENT_DEG / 2); // one point: clients zoom to a box, not to nothing
                }
                byLayer.put(layer.name(), env);
            }
            if (layer.timed()) {
                Instant[] t = tables.timeExtent(layer);
                if (t != null) {
                    times.put(layer.name(), t);
                }
            }
        }
        return new Extents(gridVersion, dataVersion, Map.copyOf(byLayer),
                source.firstDate(), Map.copyOf(times));
    }

    /**
     * GetMap: the layers drawn by the shared map image path. Grid layers show every cell (the grid
     * is not secret; feature info is filtered), register layers only the rows of {@code scopePrefix}.
     */
    BufferedImage map(GetMapRequest r, String scopePrefix, TableFilter.Viewer viewer) {
        return images.render(new MapImageService.Request(r.layers(), r.styles(), r.crs(), r.bbox(), r.width(),
                r.height(), r.background(), r.gridDate(), code -> true,
                new TableFilter(r.time(), scopePrefix, r.vendor(), viewer)));
    }

    /**
     * The features of {@code queryLayers} under pixel (i, j) (0,0 = top left), at most {@code max}:
     * grid cells covering the point that {@code visible} accepts, register features within
     * {@value #HIT_RADIUS_PX} pixels in the viewer's jurisdiction ({@code scopePrefix}).
     */
    List<MapFeature> featureInfo(GetMapRequest r, List<MapLayer> queryLayers, int i, int j, int max,
            Predicate<String> visible, String scopePrefix, TableFilter.Viewer viewer) {
        Envelope b = r.bbox();
        double x = b.getMinX() + (i + 0.5) * b.getWidth() / r.width();
        double y = b.getMaxY() - (j + 0.5) * b.getHeight() / r.height();
        double[] lonLat;
        try {
            lonLat = CrsRegistry.toCgcs2000(r.crs().id(), x, y);
        } catch (IllegalArgumentException outside) {
            return List.of();
        }
        Envelope mapLonLat = MapImageService.toLonLat(r.crs(), b);
        double radius = mapLonLat == null ? 0 : HIT_RADIUS_PX * mapLonLat.getWidth() / r.width();
        List<MapFeature> out = new ArrayList<>();
        for (MapLayer layer : queryLayers) {
            if (out.size() >= max) {
                break;
            }
            if (layer.isGrid()) {
                for (MapFeature f : source.at(layer.level(), lonLat[0], lonLat[1], r.gridDate())) {
                    if (out.size() < max && visible.test(f.code())) {
                        out.add(f);
                    }
                }
            } else {
                out.addAll(tables.near(layer, lonLat[0], lonLat[1], radius, new TableFilter(r.time(), scopePrefix,
                        r.vendor(), viewer), max - out.size()));
            }
        }
        return out;
    }

    /**
     * The legend of {@code style}: grid outlines as one symbol of {@code width} x {@code height};
     * register layers as titled rows with symbol boxes of that size.
     */
    static BufferedImage legend(MapLayer layer, Style style, int width, int height) {
        return layer.isGrid() ? Legend.symbol(style.symbol(), width, height) : Legend.titled(style, width, height);
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
