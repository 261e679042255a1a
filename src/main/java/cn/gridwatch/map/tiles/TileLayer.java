package cn.gridwatch.map.tiles;

import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.NotFoundException;
import cn.gridwatch.map.MapLayer;
import cn.gridwatch.map.MapLayers;
import java.util.List;

/**
 * A tile layer: one of the published {@link MapLayers}, under the same name. This list is the
 * allow-list that maps a layer name in a URL to a table and filter; nothing from the URL reaches
 * the SQL text. Immutable and thread-safe.
 *
 * @param layer the published layer (grid level or register table)
 */
public record TileLayer(MapLayer layer) {
    /** Zooms the server answers: 0..22 (the deepest common web map zoom). */
    public static final int MAX_ZOOM = 22;
    /** The zoom advertised in TileJSON; clients overzoom beyond it. */
    public static final int TILEJSON_MAX_ZOOM = 16;

    public static final List<TileLayer> ALL = MapLayers.all().stream().map(TileLayer::new).toList();

    /** The name in URLs and the MVT layer name, e.g. {@code grid_village}. */
    public String id() {
        return layer.name();
    }

    /** The grid level (null for register layers). */
    public GridLevel level() {
        return layer.level();
    }

    public boolean isGrid() {
        return layer.isGrid();
    }

    /** Below this zoom the layer answers an empty tile (204): too many, too small features. */
    public int minZoom() {
        return layer.minZoom();
    }

    public String title() {
        return layer.title();
    }

    /** The layer called {@code id}. @throws NotFoundException naming the layer and the known ones */
    public static TileLayer byId(String id) {
        for (TileLayer l : ALL) {
            if (l.id().equals(id)) {
                return l;
            }
        }
        throw new NotFoundException("no tile layer '" + id + "'; the layers are "
                + ALL.stream().map(TileLayer::id).toList());
    }
}
