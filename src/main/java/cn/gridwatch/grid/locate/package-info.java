/** Locating points in the four-level grid: an immutable, thread-safe bucket index with exact covers semantics. */
package cn.gridwatch.grid.locate;
