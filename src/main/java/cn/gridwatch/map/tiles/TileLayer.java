package cn.gridwatch.map.tiles;

import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.NotFoundException;
import java.util.List;

/**
 * A vector tile layer and what it reads: today the four grid levels (current ADMIN cells of one
 * level). This list is the allow-list that maps a layer name in a URL to a table filter; nothing
 * from the URL reaches the SQL text. Registers (monitoring sites, sources) plug in here later as
 * further entries with their own query. Immutable and thread-safe.
 *
 * @param id      the name in URLs and the MVT layer name, e.g. {@code grid_village}
 * @param level   the grid level it shows
 * @param minZoom below this zoom the layer answers an empty tile (204): too many, too small cells
 * @param title   a human label for TileJSON
 */
public record TileLayer(String id, GridLevel level, int minZoom, String title) {
    /** Zooms the server answers: 0..22 (the deepest common web map zoom). */
    public static final int MAX_ZOOM = 22;
    /** The zoom advertised in TileJSON; clients overzoom beyond it. */
    public static final int TILEJSON_MAX_ZOOM = 16;

    public static final List<TileLayer> ALL = List.of(
            new TileLayer("grid_city", GridLevel.CITY, 0, "Grid: cities (市)"),
            new TileLayer("grid_county", GridLevel.COUNTY, 4, "Grid: counties and districts (县/区)"),
            new TileLayer("grid_township", GridLevel.TOWNSHIP, 7, "Grid: townships and streets (乡镇/街道)"),
            new TileLayer("grid_village", GridLevel.VILLAGE, 10, "Grid: villages and communities (村/社区)"));

    /** The layer called {@code id}. @throws NotFoundException naming the layer and the known ones */
    public static TileLayer byId(String id) {
        for (TileLayer l : ALL) {
            if (l.id.equals(id)) {
                return l;
            }
        }
        throw new NotFoundException("no tile layer '" + id + "'; the layers are "
                + ALL.stream().map(TileLayer::id).toList());
    }
}
