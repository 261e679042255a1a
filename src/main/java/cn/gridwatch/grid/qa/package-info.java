/** Quality checks of the stored admin grid (validity, overlaps, gaps, hierarchy) and opt-in repair. */
package cn.gridwatch.grid.qa;
