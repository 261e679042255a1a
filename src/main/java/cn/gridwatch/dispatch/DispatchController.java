package cn.gridwatch.dispatch;

import cn.gridwatch.feeds.ChinaTime;
import cn.gridwatch.feeds.FeedIngestHandler;
import cn.gridwatch.http.JsonBody;
import cn.gridwatch.http.Params;
import cn.gridwatch.register.GridSubtree;
import cn.gridwatch.security.AccessFilter;
import cn.gridwatch.security.AccessPolicy;
import cn.gridwatch.security.Scope;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * HTTP in and out for station readings and dispatch: {@code POST /api/readings/stations} (CSV or
 * JSON body; 200 with counts, 422 with every bad row and nothing written), {@code POST
 * /api/dispatch/run} (JSON body {@code from, to, station, radiusM, maxSources, pm25 .. co}; unset
 * values come from {@link DispatchSettings}) and {@code GET /api/patrol-tasks}. Writes need
 * {@link AccessPolicy.Editable#FEEDS}.
 */
public final class DispatchController {
    private static final Set<String> RUN_FIELDS;

    static {
        Set<String> f = new HashSet<>(Set.of("from", "to", "station", "radiusM", "maxSources"));
        for (Pollutant p : Pollutant.values()) {
            f.add(p.id());
        }
        RUN_FIELDS = Set.copyOf(f);
    }

    private final ReadingService readings;
    private final DispatchService dispatch;
    private final PatrolTaskService tasks;

    public DispatchController(ReadingService readings, DispatchService dispatch, PatrolTaskService tasks) {
        this.readings = readings;
        this.dispatch = dispatch;
        this.tasks = tasks;
    }

    public void routes(RoutesConfig r) {
        r.post("/api/readings/stations", new FeedIngestHandler(readings::ingest));
        r.post("/api/dispatch/run", this::run);
        r.get("/api/patrol-tasks", this::list);
    }

    private void run(Context ctx) {
        Scope scope = AccessPolicy.editScope(AccessFilter.principal(ctx), AccessPolicy.Editable.FEEDS);
        JsonBody b = JsonBody.of(ctx, RUN_FIELDS);
        DispatchSettings d = dispatch.settings();
        Map<Pollutant, Double> limits = new EnumMap<>(Pollutant.class);
        for (Pollutant p : Pollutant.values()) {
            limits.put(p, b.number(p.id()));
        }
        Instant from = b.text("from") == null ? null : ChinaTime.parse("from", b.text("from"));
        Instant to = b.text("to") != null ? ChinaTime.parse("to", b.text("to"))
                : from == null ? null : from.plus(Duration.ofHours(1));
        Double radius = b.number("radiusM");
        Long max = b.whole("maxSources");
        DispatchRequest req = new DispatchRequest(from, to, b.text("station"),
                d.thresholds().with(limits, p -> "field '" + p.id() + "'"),
                radius == null ? d.radiusM() : radius, max == null ? d.maxSources() : (int) Math.min(max, 100_000));
        ctx.json(dispatch.run(req, scope, AccessFilter.actor(ctx)));
    }

    private void list(Context ctx) {
        String grid = Params.text(ctx, "grid");
        LocalDate from = Params.date(ctx, "from");
        LocalDate to = Params.date(ctx, "to");
        Scope scope = AccessFilter.principal(ctx).scope();
        PatrolTaskQuery q = new PatrolTaskQuery(GridSubtree.of(scope), GridSubtree.requested(scope, grid), Params.text(ctx, "status"), Params.text(ctx, "station"),
                from == null ? null : ChinaTime.startOf(from), to == null ? null : ChinaTime.startOf(to.plusDays(1)),
                Params.bbox(ctx, "bbox"), Params.intValue(ctx, "limit", 50, 1, PatrolTaskQuery.MAX_LIMIT),
                Params.intValue(ctx, "offset", 0, 0, Integer.MAX_VALUE));
        ctx.json(tasks.list(q));
    }
}
