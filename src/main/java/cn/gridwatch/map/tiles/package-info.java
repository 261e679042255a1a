/** Mapbox vector tiles (MVT) of the grid from PostGIS {@code ST_AsMVT}, with a version-keyed cache and TileJSON. */
package cn.gridwatch.map.tiles;
