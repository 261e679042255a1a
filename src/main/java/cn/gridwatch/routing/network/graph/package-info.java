/** The in-memory road graph loaded from PostGIS, point snapping and Dijkstra searches on it. */
package cn.gridwatch.routing.network.graph;
