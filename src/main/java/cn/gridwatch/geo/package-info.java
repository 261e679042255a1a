/** Pure geometry and coordinate-system code: CRS registry, GCJ-02/BD-09, tile math. No I/O. */
package cn.gridwatch.geo;
