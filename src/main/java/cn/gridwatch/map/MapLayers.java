package cn.gridwatch.map;

import cn.gridwatch.grid.GridLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The catalogue of published layers, in capabilities order: the four grid levels, then the
 * registers ({@link RegisterLayers}), roads and plans ({@link NetworkLayers}) and the thematic grid
 * layers ({@link ThematicLayers}). WMS, vector and PNG tiles and the features API all publish
 * exactly these; a new layer from a table is one entry in {@link RegisterLayers} (or a list like
 * it added to {@link #ALL}). Immutable and thread-safe.
 */
public final class MapLayers {
    /** Villages only at larger scales (below 1:250 000), townships below 1:1 000 000, counties below 1:5 000 000. */
    public static final List<MapLayer> GRID = List.of(
            MapLayer.grid("grid_city", "市级网格 City grid", GridLevel.CITY, 0, 0),
            MapLayer.grid("grid_county", "县/区级网格 County grid", GridLevel.COUNTY, 5_000_000, 4),
            MapLayer.grid("grid_township", "乡镇/街道网格 Township grid", GridLevel.TOWNSHIP, 1_000_000, 7),
            MapLayer.grid("grid_village", "村/社区网格 Village grid", GridLevel.VILLAGE, 250_000, 10));

    public static final List<MapLayer> ALL = concat(concat(GRID, RegisterLayers.ALL), concat(NetworkLayers.ALL,
            ThematicLayers.ALL));
    private static final java.util.Set<String> VENDOR_PARAMS = ALL.stream().filter(l -> l.table() != null)
            .flatMap(l -> l.table().params().keySet().stream())
            .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));

    private MapLayers() {
    }

    public static List<MapLayer> all() {
        return ALL;
    }

    /** The vendor parameters some layer declares (lower case, e.g. {@code plan}, {@code level}). */
    public static java.util.Set<String> vendorParams() {
        return java.util.Collections.unmodifiableSet(VENDOR_PARAMS);
    }

    /** The layer named {@code name} (case-insensitive, trimmed), if any. */
    public static Optional<MapLayer> find(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(l -> l.name().equals(n)).findFirst();
    }

    /** The grid layer of {@code level}. */
    public static MapLayer grid(GridLevel level) {
        return GRID.stream().filter(l -> l.level() == level).findFirst().orElseThrow();
    }

    private static List<MapLayer> concat(List<MapLayer> a, List<MapLayer> b) {
        List<MapLayer> out = new ArrayList<>(a);
        out.addAll(b);
        for (int i = 0; i < out.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (out.get(i).name().equals(out.get(j).name())) {
                    throw new IllegalStateException("two map layers are called " + out.get(i).name());
                }
            }
        }
        return List.copyOf(out);
    }
}
