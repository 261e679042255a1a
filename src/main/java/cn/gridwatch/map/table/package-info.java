/** Register layers read straight from their tables (read-only SQL built from code-side declarations): drawing, feature info, vector tiles, features API. */
package cn.gridwatch.map.table;
