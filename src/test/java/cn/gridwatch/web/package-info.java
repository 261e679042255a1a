/** Tests of the web map: its HTTP side, and the page itself in a real Chromium against the real server. */
package cn.gridwatch.web;
