package cn.gridwatch.map;

import cn.gridwatch.grid.GridLevel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The catalogue of published map layers: today the four grid levels. Other layers (registers,
 * roads, thematic) plug in by adding entries with their own source. Scale limits are OGC scale
 * denominators (0.28 mm pixels); 0 means no limit. Immutable and thread-safe.
 */
public final class MapLayers {
    /** One published layer: its WMS name, a Chinese + English title, and the scales it draws at. */
    public record Layer(String name, String title, GridLevel level, double minScale, double maxScale) {
        /** True when the layer draws at {@code scaleDenominator}. */
        public boolean visibleAt(double scaleDenominator) {
            return (minScale <= 0 || scaleDenominator >= minScale) && (maxScale <= 0 || scaleDenominator < maxScale);
        }
    }

    /** Villages only at larger scales (below 1:250 000), townships below 1:1 000 000, counties below 1:5 000 000. */
    public static final List<Layer> GRID = List.of(
            new Layer("grid_city", "市级网格 City grid", GridLevel.CITY, 0, 0),
            new Layer("grid_county", "县/区级网格 County grid", GridLevel.COUNTY, 0, 5_000_000),
            new Layer("grid_township", "乡镇/街道网格 Township grid", GridLevel.TOWNSHIP, 0, 1_000_000),
            new Layer("grid_village", "村/社区网格 Village grid", GridLevel.VILLAGE, 0, 250_000));

    private MapLayers() {
    }

    public static List<Layer> all() {
        return GRID;
    }

    /** The layer named {@code name} (case-insensitive), if any. */
    public static Optional<Layer> find(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return GRID.stream().filter(l -> l.name().equals(n)).findFirst();
    }
}
