package cn.gridwatch.meters;

import cn.gridwatch.feeds.ChinaTime;
import cn.gridwatch.feeds.FeedIngestHandler;
import cn.gridwatch.http.JsonBody;
import cn.gridwatch.security.AccessFilter;
import cn.gridwatch.security.AccessPolicy;
import cn.gridwatch.security.Scope;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Set;

/**
 * HTTP in and out for power meters: {@code POST /api/readings/meters} (CSV or JSON body
 * {@code meter_code, at, kw}; 200 with counts, 422 with every bad row and nothing written) and
 * {@code POST /api/meter-alerts/run} (JSON body {@code from, to, sourceCode, runFraction,
 * ratioFraction, minIntervals, baselineDays}; defaults in {@link AlertSettings}). Both need
 * {@link AccessPolicy.Editable#FEEDS}.
 */
public final class MeterController {
    private static final Set<String> RUN_FIELDS = Set.of("from", "to", "sourceCode", "runFraction", "ratioFraction",
            "minIntervals", "baselineDays");
    private final MeterReadingService readings;
    private final MeterAlertService alerts;

    public MeterController(MeterReadingService readings, MeterAlertService alerts) {
        this.readings = readings;
        this.alerts = alerts;
    }

    public void routes(RoutesConfig r) {
        r.post("/api/readings/meters", new FeedIngestHandler(readings::ingest));
        r.post("/api/meter-alerts/run", this::run);
    }

    private void run(Context ctx) {
        Scope scope = AccessPolicy.editScope(AccessFilter.principal(ctx), AccessPolicy.Editable.FEEDS);
        JsonBody b = JsonBody.of(ctx, RUN_FIELDS);
        AlertSettings d = AlertSettings.defaults();
        Double run = b.number("runFraction");
        Double ratio = b.number("ratioFraction");
        Long min = b.whole("minIntervals");
        Long days = b.whole("baselineDays");
        AlertSettings s = new AlertSettings(run == null ? d.runFraction() : run,
                ratio == null ? d.ratioFraction() : ratio, min == null ? d.minIntervals() : clamp(min),
                days == null ? d.baselineDays() : clamp(days));
        Instant from = b.text("from") == null ? null : ChinaTime.parse("from", b.text("from"));
        Instant to = b.text("to") == null ? null : ChinaTime.parse("to", b.text("to"));
        ctx.json(alerts.run(new MeterAlertRequest(from, to, b.text("sourceCode"), s), scope, AccessFilter.actor(ctx)));
    }

    /** Out-of-int values become one the settings refuse with a clear message. */
    private static int clamp(long v) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }
}
