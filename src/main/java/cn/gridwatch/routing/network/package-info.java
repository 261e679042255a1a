/** Road networks: OSM import into PostGIS/pgRouting tables, snapping, road travel matrices and routes. */
package cn.gridwatch.routing.network;
