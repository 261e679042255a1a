/** The web map's server side: serves the page under /web/ (with Leaflet from its WebJar) and its settings. */
package cn.gridwatch.web;
