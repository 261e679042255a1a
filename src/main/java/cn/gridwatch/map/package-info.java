/** Map output of the grid and the registers: WMS, tiles, features API, rendering and styles. Reads; never writes. */
package cn.gridwatch.map;
