package cn.gridwatch.routing.jobs;

import cn.gridwatch.http.ApiError;
import cn.gridwatch.http.Params;
import cn.gridwatch.routing.plan.PlanService;
import cn.gridwatch.security.AccessFilter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP in and out for background plan jobs: {@code GET /api/plan-jobs} (the caller's jobs; all for
 * administrators), {@code GET /api/plan-jobs/{id}} and {@code DELETE /api/plan-jobs/{id}} (cancel;
 * 409 when it has already ended). Submitting is {@code POST /api/plans/patrol|joint?async=true} (or
 * {@code Prefer: respond-async}), handled by {@link #submit} from the plan controller: 202 with
 * {@code Location}, or 503 with {@code Retry-After} when the queue is full.
 */
public final class PlanJobController {
    /** How long a DELETE waits for a running search to stop before it answers. */
    static final Duration CANCEL_WAIT = Duration.ofSeconds(10);
    static final int RETRY_AFTER_SECONDS = 60;
    private final PlanJobService jobs;

    public PlanJobController(PlanJobService jobs) {
        this.jobs = jobs;
    }

    public void routes(RoutesConfig r) {
        r.get("/api/plan-jobs", ctx -> ctx.json(jobs.list(AccessFilter.principal(ctx))));
        r.get("/api/plan-jobs/{id}", ctx -> ctx.json(jobs.get(Params.pathId(ctx), AccessFilter.principal(ctx))));
        r.delete("/api/plan-jobs/{id}", ctx -> ctx.json(jobs.cancel(Params.pathId(ctx), AccessFilter.principal(ctx),
                AccessFilter.actor(ctx), CANCEL_WAIT)));
    }

    /** Whether the request asks to be answered at once: {@code ?async=true} or {@code Prefer: respond-async}. */
    public static boolean wantsAsync(Context ctx) {
        String q = ctx.queryParam("async");
        if (q != null) {
            switch (q.trim().toLowerCase(Locale.ROOT)) {
                case "true":
                case "1":
                    return true;
                case "false":
                case "0":
                    return false;
                default:
                    throw new IllegalArgumentException("query parameter 'async' must be true or false, but was: '"
                            + q + "'");
            }
        }
        String prefer = ctx.header("Prefer");
        if (prefer != null) {
            for (String token : prefer.split(",")) {
                if (token.trim().toLowerCase(Locale.ROOT).startsWith("respond-async")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Queues a checked plan and answers 202 with the job, or 503 when the queue is full. */
    public void submit(Context ctx, PlanService.Prepared prepared) {
        Map<String, Object> job;
        try {
            job = jobs.submit(prepared, AccessFilter.principal(ctx), AccessFilter.actor(ctx));
        } catch (PlanJobService.QueueFullException e) {
            ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            ctx.status(503).json(new ApiError("Service unavailable", 503, e.getMessage()));
            return;
        }
        ctx.header("Location", (String) job.get("href"));
        if (ctx.queryParam("async") == null) {
            ctx.header("Preference-Applied", "respond-async");
        }
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("id", job.get("id"));
        body.put("status", job.get("status"));
        body.put("href", job.get("href"));
        ctx.status(202).json(body);
    }
}
