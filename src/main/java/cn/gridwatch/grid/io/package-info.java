/** Readers turning GeoJSON, Shapefile, GeoPackage and CSV-with-WKT files into numbered source features. */
package cn.gridwatch.grid.io;
