/**
 * Background plan jobs: a plan request that would hold the HTTP request for minutes is checked at
 * once, then computed on a small bounded executor while the client polls {@code /api/plan-jobs/{id}}
 * (status, phase, solutions, elapsed time) and may cancel it. Jobs are rows of {@code plan_job}
 * (V11), so every instance answers for every job and cancels reach the instance computing it; a job
 * whose instance stopped (no heartbeat for 30 s) shows as failed.
 */
package cn.gridwatch.routing.jobs;
