/**
 * Background plan jobs: a plan request that would hold the HTTP request for minutes is checked at
 * once, then computed on a small bounded executor while the client polls {@code /api/plan-jobs/{id}}
 * (status, phase, solutions, elapsed time) and may cancel it. Jobs live in memory only: a restart
 * forgets them (a running one is lost without a stored plan, since plans are stored all-or-nothing).
 */
package cn.gridwatch.routing.jobs;
