package cn.gridwatch.map.features;

import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.NotFoundException;
import java.util.List;

/**
 * A collection served by the features API and what it reads: today the four grid levels (current
 * ADMIN cells of one level), named like the tile layers. This list is the allow-list from a
 * collection id in a URL to a table filter; registers plug in later as further entries. Immutable.
 */
public record FeatureCollectionDef(String id, GridLevel level, String title, String description) {
    public static final List<FeatureCollectionDef> ALL = List.of(
            new FeatureCollectionDef("grid_city", GridLevel.CITY, "Grid: cities", "City grid cells (市)"),
            new FeatureCollectionDef("grid_county", GridLevel.COUNTY, "Grid: counties",
                    "County and district grid cells (县/区)"),
            new FeatureCollectionDef("grid_township", GridLevel.TOWNSHIP, "Grid: townships",
                    "Township and street grid cells (乡镇/街道)"),
            new FeatureCollectionDef("grid_village", GridLevel.VILLAGE, "Grid: villages",
                    "Village and community grid cells (村/社区)"));

    /** @throws NotFoundException naming the id and the known collections */
    public static FeatureCollectionDef byId(String id) {
        for (FeatureCollectionDef d : ALL) {
            if (d.id.equals(id)) {
                return d;
            }
        }
        throw new NotFoundException("no collection '" + id + "'; the collections are "
                + ALL.stream().map(FeatureCollectionDef::id).toList());
    }
}
