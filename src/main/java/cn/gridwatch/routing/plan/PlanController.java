package cn.gridwatch.routing.plan;

import cn.gridwatch.http.JsonFields;
import cn.gridwatch.http.Params;
import cn.gridwatch.routing.jobs.PlanJobController;
import cn.gridwatch.security.AccessDeniedException;
import cn.gridwatch.security.AccessFilter;
import cn.gridwatch.security.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP in and out for plans: {@code POST /api/plans/patrol}, {@code POST /api/plans/joint} (201 with
 * the stored plan; with {@code ?async=true} or {@code Prefer: respond-async} the request is checked,
 * queued as a background job and answered 202, see {@link PlanJobController}), {@code GET /api/plans}, {@code GET /api/plans/{id}} and
 * {@code GET /api/plans/{id}/export?format=geojson|gpx|html}. Route rules are in {@code AccessPolicy};
 * what a caller may see of a plan is decided by {@link PlanService#get}.
 */
public final class PlanController {
    /** A joint plan lists up to 2,000 targets; 4 MB is ample. */
    static final int MAX_BODY = 4 * 1024 * 1024;
    private final PlanService plans;
    private final PlanJobController jobs;

    /** {@code jobs} takes the requests made with {@code ?async=true} or {@code Prefer: respond-async}. */
    public PlanController(PlanService plans, PlanJobController jobs) {
        this.plans = plans;
        this.jobs = jobs;
    }

    public void routes(RoutesConfig r) {
        r.post("/api/plans/patrol", this::patrol);
        r.post("/api/plans/joint", this::joint);
        r.get("/api/plans", this::list);
        r.get("/api/plans/{id}", ctx -> ctx.json(plans.get(Params.pathId(ctx), AccessFilter.principal(ctx))));
        r.get("/api/plans/{id}/export", this::export);
    }

    private void patrol(Context ctx) {
        boolean async = PlanJobController.wantsAsync(ctx);
        PlanRequests.Patrol req = PlanRequests.patrol(JsonFields.read(ctx.bodyInputStream(), MAX_BODY));
        PlanService.Prepared prepared = plans.preparePatrol(req, AccessFilter.principal(ctx));
        if (async) {
            jobs.submit(ctx, prepared);
        } else {
            ctx.status(201).json(plans.compute(prepared, AccessFilter.actor(ctx), new PlanProgress()));
        }
    }

    private void joint(Context ctx) {
        boolean async = PlanJobController.wantsAsync(ctx);
        PlanRequests.Joint req = PlanRequests.joint(JsonFields.read(ctx.bodyInputStream(), MAX_BODY));
        PlanService.Prepared prepared = plans.prepareJoint(req);
        if (async) {
            jobs.submit(ctx, prepared);
        } else {
            ctx.status(201).json(plans.compute(prepared, AccessFilter.actor(ctx), new PlanProgress()));
        }
    }

    private void list(Context ctx) {
        ctx.json(plans.list(AccessFilter.principal(ctx), Params.intValue(ctx, "limit", 100, 1, 1000),
                Params.intValue(ctx, "offset", 0, 0, Integer.MAX_VALUE)));
    }

    private void export(Context ctx) {
        String format = Params.required(ctx, "format").toLowerCase(Locale.ROOT);
        if (!format.equals("geojson") && !format.equals("gpx") && !format.equals("html")) {
            throw new IllegalArgumentException("query parameter 'format' must be geojson, gpx or html, but was: '"
                    + format + "'");
        }
        Principal p = AccessFilter.principal(ctx);
        Plan plan = plans.get(Params.pathId(ctx), p);
        if (!plan.targetsVisible()) {
            throw new AccessDeniedException("the targets of plan " + plan.id() + " are sealed until "
                    + plan.sealedUntil() + "; the export is available from then on");
        }
        String body;
        switch (format) {
            case "geojson":
                ctx.contentType("application/geo+json; charset=utf-8");
                body = PlanExport.geojson(plan);
                break;
            case "gpx":
                ctx.contentType("application/gpx+xml; charset=utf-8");
                body = PlanExport.gpx(plan);
                break;
            default:
                ctx.contentType("text/html; charset=utf-8");
                body = PlanSheet.html(plan);
        }
        ctx.header("Content-Disposition", "inline; filename=\"plan-" + plan.id() + "." + format + "\"");
        ctx.result(body.getBytes(StandardCharsets.UTF_8));
    }
}
