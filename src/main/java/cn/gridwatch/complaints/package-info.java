/** Complaints (信访) located in the grid. */
package cn.gridwatch.complaints;
