/** OGC API – Features (Part 1 Core, GeoJSON) over the grid levels, read-only, under {@code /ogc}. */
package cn.gridwatch.map.features;
