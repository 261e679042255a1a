/** Bulk assignment of many points to grid cells: CSV or GeoJSON in, the same rows out with codes. */
package cn.gridwatch.grid.assign;
