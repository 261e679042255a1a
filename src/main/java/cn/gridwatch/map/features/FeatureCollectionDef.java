package cn.gridwatch.map.features;

import cn.gridwatch.grid.NotFoundException;
import cn.gridwatch.map.MapLayer;
import cn.gridwatch.map.MapLayers;
import java.util.List;

/**
 * A collection served by the features API: one of the published {@link MapLayers} (grid level or
 * register), under the same id. This list is the allow-list from a collection id in a URL to a
 * table and filter. Immutable.
 */
public record FeatureCollectionDef(MapLayer layer) {
    public static final List<FeatureCollectionDef> ALL = MapLayers.all().stream().map(FeatureCollectionDef::new)
            .toList();

    public String id() {
        return layer.name();
    }

    public String title() {
        return layer.title();
    }

    public String description() {
        return layer.description();
    }

    /** @throws NotFoundException naming the id and the known collections */
    public static FeatureCollectionDef byId(String id) {
        for (FeatureCollectionDef d : ALL) {
            if (d.id().equals(id)) {
                return d;
            }
        }
        throw new NotFoundException("no collection '" + id + "'; the collections are "
                + ALL.stream().map(FeatureCollectionDef::id).toList());
    }
}
