/** Tabular data feeds (station and meter readings): CSV/JSON rows, row errors, China time. */
package cn.gridwatch.feeds;
