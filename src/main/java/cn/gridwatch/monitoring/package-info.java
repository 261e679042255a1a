/** Monitoring points: air stations, water sections, drinking-water sources, outfalls; versioned when they move. */
package cn.gridwatch.monitoring;
