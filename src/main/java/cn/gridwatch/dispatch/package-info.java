/** Station-chief dispatch (点位长制): hourly station readings, thresholds, upwind source ranking, patrol tasks. */
package cn.gridwatch.dispatch;
