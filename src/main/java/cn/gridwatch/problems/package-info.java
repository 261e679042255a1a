/** Problems found by patrols, complaints, dispatch and meter alerts: lifecycle, deadlines, lists. */
package cn.gridwatch.problems;
