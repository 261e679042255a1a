/** Tabular data feeds (station and meter readings): CSV/JSON rows, row errors, China time, the HTTP ingest handler. */
package cn.gridwatch.feeds;
