package cn.gridwatch.map;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * One feature as maps, feature info and tiles see it: the layer it belongs to, its code (the
 * feature id), a name for labels, its style class (which symbol draws it, e.g. a station type; null
 * for single-symbol layers), a (possibly simplified) geometry, a label anchor and the attributes
 * shown by feature info (empty when only drawing). {@code labelRank} orders labels: lower ranks
 * are placed first (grid levels 1..4, registers after). Geometries are EPSG:4490, x = longitude.
 * The label anchor, when not given, is computed from the geometry on first use (an interior point).
 * Thread-safe if the geometries are not mutated.
 */
public final class MapFeature {
    private final String layer;
    private final String code;
    private final String name;
    private final String styleClass;
    private final Geometry geometry;
    private final int labelRank;
    private final Map<String, Object> properties;
    private volatile Point labelPoint;

    public MapFeature(String layer, String code, String name, String styleClass, Geometry geometry, Point labelPoint,
            int labelRank, Map<String, Object> properties) {
        this.layer = layer;
        this.code = code;
        this.name = name;
        this.styleClass = styleClass;
        this.geometry = geometry;
        this.labelPoint = labelPoint;
        this.labelRank = labelRank;
        this.properties = properties == null ? Map.of() : properties;
    }

    public String layer() {
        return layer;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String styleClass() {
        return styleClass;
    }

    public Geometry geometry() {
        return geometry;
    }

    public int labelRank() {
        return labelRank;
    }

    /** Attributes for feature info, in display order. */
    public Map<String, Object> properties() {
        return properties;
    }

    /** Where the label goes: inside the shape (a point feature's own point). */
    public Point labelPoint() {
        Point p = labelPoint;
        if (p == null && geometry != null && !geometry.isEmpty()) {
            p = geometry.getInteriorPoint(); // benign race: two threads may compute the same point
            labelPoint = p;
        }
        return p;
    }
}
