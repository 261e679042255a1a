package cn.gridwatch.inspection;

import cn.gridwatch.http.JsonFields;
import cn.gridwatch.http.Params;
import cn.gridwatch.security.AccessFilter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP in and out for random draws: {@code POST /api/draws} (201 with the draw),
 * {@code GET /api/draws}, {@code GET /api/draws/{id}}, {@code GET /api/draws/{id}/verify} and the
 * public record {@code GET /api/draws/{id}/export?format=json|csv}. Who may call what is in
 * {@code AccessPolicy} (planners and administrators; the export is open to every signed-in user).
 */
public final class DrawController {
    /** Draw requests are small; a bigger body is refused before parsing. */
    static final int MAX_BODY = 64 * 1024;
    private final DrawService draws;

    public DrawController(DrawService draws) {
        this.draws = draws;
    }

    public void routes(RoutesConfig r) {
        r.post("/api/draws", this::create);
        r.get("/api/draws", this::list);
        r.get("/api/draws/{id}", ctx -> ctx.json(draws.get(Params.pathId(ctx))));
        r.get("/api/draws/{id}/verify", ctx -> ctx.json(draws.verify(Params.pathId(ctx))));
        r.get("/api/draws/{id}/export", this::export);
    }

    private void create(Context ctx) {
        DrawRequest req = DrawRequest.parse(JsonFields.read(ctx.bodyInputStream(), MAX_BODY));
        ctx.status(201).json(draws.draw(req, AccessFilter.actor(ctx)));
    }

    private void list(Context ctx) {
        ctx.json(draws.list(Params.intValue(ctx, "limit", 100, 1, 1000), Params.intValue(ctx, "offset", 0, 0,
                Integer.MAX_VALUE)));
    }

    private void export(Context ctx) {
        String format = Params.text(ctx, "format") == null ? "json" : Params.text(ctx, "format").toLowerCase(Locale.ROOT);
        DrawExport.PublicRecord rec = draws.publicRecord(Params.pathId(ctx));
        switch (format) {
            case "json":
                ctx.json(rec);
                break;
            case "csv":
                ctx.header("Content-Disposition", "attachment; filename=\"draw-" + rec.drawId() + ".csv\"");
                ctx.contentType("text/csv; charset=utf-8").result(DrawExport.csv(rec).getBytes(StandardCharsets.UTF_8));
                break;
            default:
                throw new IllegalArgumentException("query parameter 'format' must be json or csv, but was: '"
                        + format + "'");
        }
    }
}
