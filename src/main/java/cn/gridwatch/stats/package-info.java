/**
 * Grid statistics, rankings and the per-cell summary: a read-only reporting layer over the registers
 * (sources, stations, complaints, patrols, problems), computed with set-based SQL per level.
 */
package cn.gridwatch.stats;
