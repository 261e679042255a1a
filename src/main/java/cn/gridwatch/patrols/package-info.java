/** Patrol records: who patrolled when, where (points or a track) and which sources they checked. */
package cn.gridwatch.patrols;
