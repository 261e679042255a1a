/** Streaming OpenStreetMap readers (XML via StAX, gzip, PBF) and the way splitter that builds the road graph. */
package cn.gridwatch.routing.network.osm;
