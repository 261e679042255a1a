package cn.gridwatch.stats;

import cn.gridwatch.grid.AdminCode;
import cn.gridwatch.grid.GridCellDetail;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.GridService;
import cn.gridwatch.grid.NotFoundException;
import cn.gridwatch.http.Params;
import cn.gridwatch.security.AccessFilter;
import cn.gridwatch.security.AccessPolicy;
import cn.gridwatch.security.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;

/**
 * HTTP in and out for statistics: {@code GET /api/stats}, {@code GET /api/stats/rankings} (JSON or
 * {@code format=csv}) and {@code GET /api/grids/{code}/summary}. Parses and validates parameters
 * (messages name the parameter and value) and applies the caller's jurisdiction: an officer's root or
 * parent defaults to their own cell and one outside their subtree is 403; a summary of a cell outside
 * it is 404 like an unknown code.
 */
public final class StatsController {
    /** Days a period covers when neither {@code from} nor {@code to} is given (ending today). */
    static final int DEFAULT_DAYS = 30;

    private final StatsService stats;
    private final GridService grids;

    public StatsController(StatsService stats, GridService grids) {
        this.stats = stats;
        this.grids = grids;
    }

    public void routes(RoutesConfig r) {
        r.get("/api/stats", this::report);
        r.get("/api/stats/rankings", this::rankings);
        r.get("/api/grids/{code}/summary", this::summary);
    }

    private void report(Context ctx) {
        boolean csv = csv(ctx);
        StatsReport report = stats.stats(query(ctx, "root"));
        if (csv) {
            sendCsv(ctx, "stats-" + report.level().id() + "-" + report.from() + "-" + report.to(), StatsCsv.report(report));
        } else {
            ctx.json(report);
        }
    }

    private void rankings(Context ctx) {
        boolean csv = csv(ctx);
        String metricText = Params.text(ctx, "metric");
        String of = Params.text(ctx, "of");
        boolean byImprovement = RankingMetric.IMPROVEMENT.equals(metricText);
        if (of != null && !byImprovement) {
            throw new IllegalArgumentException("query parameter 'of' only goes with metric=improvement, but metric was: '"
                    + metricText + "'");
        }
        RankingMetric metric = byImprovement ? (of == null ? RankingMetric.COVERAGE : RankingMetric.parse("of", of))
                : metricText == null ? RankingMetric.COVERAGE : RankingMetric.parse("metric", metricText);
        Ranking ranking = stats.ranking(query(ctx, "parent"), metric, byImprovement);
        if (csv) {
            sendCsv(ctx, "ranking-" + ranking.level().id() + "-" + metric.id() + "-" + ranking.from() + "-"
                    + ranking.to(), StatsCsv.ranking(ranking));
        } else {
            ctx.json(ranking);
        }
    }

    private void summary(Context ctx) {
        String code = ctx.pathParam("code");
        GridCellDetail d = grids.get(code, null);
        if (!AccessFilter.principal(ctx).scope().contains(d.cell().code())) {
            // the same answer as for an unknown code, so officers cannot probe other jurisdictions
            throw new NotFoundException("no grid cell with code '" + code + "' is current");
        }
        ctx.json(stats.summary(d.cell()));
    }

    /** Level, root (from the parameter {@code rootParam}) and period, within the caller's jurisdiction. */
    private StatsQuery query(Context ctx, String rootParam) {
        Principal p = AccessFilter.principal(ctx);
        String asked = Params.text(ctx, rootParam);
        String root;
        try {
            root = AccessPolicy.statsRoot(p, asked == null ? null : AdminCode.normalize(asked));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("query parameter '" + rootParam + "': " + e.getMessage(), e);
        }
        String levelText = Params.text(ctx, "level");
        GridLevel level;
        try {
            level = levelText == null ? StatsQuery.defaultLevel(root) : GridLevel.parse(levelText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("query parameter 'level': " + e.getMessage(), e);
        }
        return new StatsQuery(level, root, period(ctx));
    }

    private StatsPeriod period(Context ctx) {
        LocalDate from = Params.date(ctx, "from");
        LocalDate to = Params.date(ctx, "to");
        if (from == null && to == null) {
            return StatsPeriod.endingWith(stats.today(), DEFAULT_DAYS);
        }
        if (to == null) {
            to = stats.today().plusDays(1);
        }
        if (from == null) {
            from = to.minusDays(DEFAULT_DAYS);
        }
        return new StatsPeriod(from, to);
    }

    private static boolean csv(Context ctx) {
        String f = Params.text(ctx, "format");
        if (f == null || f.equalsIgnoreCase("json")) {
            return false;
        }
        if (f.equalsIgnoreCase("csv")) {
            return true;
        }
        throw new IllegalArgumentException("query parameter 'format' must be json or csv, but was: '" + f + "'");
    }

    private static void sendCsv(Context ctx, String baseName, String body) {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + baseName + ".csv\"");
        ctx.result(body);
    }
}
