package cn.gridwatch.grid;

import cn.gridwatch.Json;
import cn.gridwatch.grid.assign.PointAssigner;
import cn.gridwatch.grid.imports.GridImportService;
import cn.gridwatch.grid.imports.ImportReport;
import cn.gridwatch.grid.imports.ImportStatus;
import cn.gridwatch.grid.locate.GridIndex;
import cn.gridwatch.grid.qa.GridQaService;
import cn.gridwatch.grid.qa.QaReport;
import cn.gridwatch.grid.qa.QaRequest;
import cn.gridwatch.http.Params;
import cn.gridwatch.security.AccessFilter;
import cn.gridwatch.security.AccessPolicy;
import cn.gridwatch.security.AuditLog;
import cn.gridwatch.security.GridAuditor;
import cn.gridwatch.security.Principal;
import cn.gridwatch.security.Scope;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP in and out for the grid: locate (one point and bulk), cell detail, lists, history, QA and
 * import uploads. Parses and validates parameters, calls the services, shapes JSON. Access rules
 * come from {@link AccessPolicy} and the caller's {@link Scope}: an officer's reads are limited to
 * their subtree (other cells answer 404 like unknown ones; locate shows the cells above as context),
 * and writes carry the jurisdiction and an audit hook into the services.
 */
public final class GridController {
    private final GridService grids;
    private final GridLocateService locate;
    private final GridQaService qa;
    private final GridUploadImporter uploads;
    private final AuditLog audit;
    private final PointAssigner assigner = new PointAssigner(Json.MAPPER);

    public GridController(GridService grids, GridLocateService locate, GridQaService qa, GridImportService imports,
            AuditLog audit, int maxUploadMb) {
        this.grids = grids;
        this.audit = audit;
        this.locate = locate;
        this.qa = qa;
        this.uploads = new GridUploadImporter(imports, (long) maxUploadMb * 1024 * 1024);
    }

    public void routes(RoutesConfig r) {
        r.get("/api/grids/locate", this::locate);
        r.post("/api/grids/locate/bulk", this::bulk);
        r.get("/api/grids/qa", this::qaReport);
        r.post("/api/grids/qa/repair", this::qaRepair);
        r.post("/api/grids/import", this::importUpload);
        r.get("/api/grids", this::list);
        r.get("/api/grids/{code}", this::detail);
        r.get("/api/grids/{code}/history", this::history);
    }

    private void locate(Context ctx) {
        double x = Params.requiredDouble(ctx, "lon");
        double y = Params.requiredDouble(ctx, "lat");
        LocateResult r = locate.locate(x, y, Params.text(ctx, "crs"), Params.date(ctx, "date"));
        Scope scope = scope(ctx);
        ctx.json(scope.isAll() ? r : r.restrictedTo(code -> scope.contains(code) || scope.isAncestor(code),
                "cells outside your jurisdiction (" + scope + ") are not shown"));
    }

    private static Scope scope(Context ctx) {
        return AccessFilter.principal(ctx).scope();
    }

    private static java.util.function.Predicate<String> visible(Scope scope) {
        return code -> scope.contains(code) || scope.isAncestor(code);
    }

    private void bulk(Context ctx) throws Exception {
        String crs = Params.text(ctx, "crs") == null ? "EPSG:4490" : Params.text(ctx, "crs");
        LocalDate date = Params.date(ctx, "date");
        GridIndex index = date == null ? locate.snapshot().index() : GridIndex.of(grids.loadSnapshot(date));
        String format = bulkFormat(ctx);
        java.util.function.Predicate<String> visible = visible(scope(ctx));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PointAssigner.Summary s;
        try (InputStream in = ctx.bodyInputStream()) {
            if (format.equals("geojson")) {
                s = assigner.assignGeoJson(in, out, index, crs, visible);
                ctx.contentType("application/geo+json; charset=utf-8");
            } else {
                s = assigner.assignCsv(in, out, index, crs, Params.text(ctx, "lonColumn"), Params.text(ctx, "latColumn"),
                        visible);
                ctx.contentType("text/csv; charset=utf-8");
            }
        }
        ctx.header("X-Gridwatch-Rows", String.valueOf(s.rows()));
        ctx.header("X-Gridwatch-Inside", String.valueOf(s.inside()));
        ctx.header("X-Gridwatch-Errors", String.valueOf(s.errors()));
        ctx.result(out.toByteArray());
    }

    private static String bulkFormat(Context ctx) {
        String f = Params.text(ctx, "format");
        if (f == null) {
            String ct = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
            return ct.contains("json") ? "geojson" : "csv";
        }
        f = f.toLowerCase(Locale.ROOT);
        if (!f.equals("csv") && !f.equals("geojson")) {
            throw new IllegalArgumentException("query parameter 'format' must be csv or geojson, but was: '" + f + "'");
        }
        return f;
    }

    private void detail(Context ctx) {
        String code = ctx.pathParam("code");
        LocalDate date = Params.date(ctx, "date");
        Scope scope = scope(ctx);
        GridCellDetail d = grids.get(code, date);
        if (!scope.contains(d.cell().code())) {
            // the same answer as for an unknown code, so officers cannot probe other jurisdictions
            throw new NotFoundException("no grid cell with code '" + code + "'"
                    + (date == null ? " is current" : " valid on " + date));
        }
        Map<String, Object> m = GridJsonViews.cell(d.cell(), Params.flag(ctx, "geometry"));
        m.put("parent", d.parent());
        m.put("children", d.children().stream().filter(c -> scope.contains(c.code())).toList());
        ctx.json(m);
    }

    private void history(Context ctx) {
        String code = ctx.pathParam("code");
        List<GridCell> versions = grids.history(code);
        if (!scope(ctx).contains(versions.get(0).code())) {
            throw new NotFoundException("no grid cell with code '" + code + "' has ever been imported");
        }
        ctx.json(versions.stream().map(c -> GridJsonViews.cell(c, Params.flag(ctx, "geometry"))).toList());
    }

    private void list(Context ctx) {
        String levelText = Params.text(ctx, "level");
        String kindText = Params.text(ctx, "kind");
        String parent = Params.text(ctx, "parent");
        GridListQuery q = new GridListQuery(
                levelText == null ? null : GridLevel.parse(levelText),
                parent == null ? null : AdminCode.normalize(parent),
                kindText == null ? null : GridKind.parse(kindText),
                Params.date(ctx, "date"),
                Params.bbox(ctx, "bbox"),
                Params.intValue(ctx, "limit", 1000, 1, 10_000),
                Params.intValue(ctx, "offset", 0, 0, Integer.MAX_VALUE),
                scope(ctx).prefix(),
                Params.text(ctx, "q"));
        boolean geometry = Params.flag(ctx, "geometry");
        List<Map<String, Object>> cells = grids.list(q).stream().map(c -> GridJsonViews.cell(c, geometry)).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("limit", q.limit());
        m.put("offset", q.offset());
        m.put("count", cells.size());
        m.put("cells", cells);
        ctx.json(m);
    }

    private void qaReport(Context ctx) {
        QaReport report = qa.report(qaRequest(ctx, AccessFilter.principal(ctx)));
        if ("text".equalsIgnoreCase(Params.text(ctx, "format"))) {
            ctx.contentType("text/plain; charset=utf-8").result(report.toText());
        } else {
            ctx.json(report);
        }
    }

    private void qaRepair(Context ctx) {
        Principal p = AccessFilter.principal(ctx);
        AccessPolicy.checkMayEditGrids(p);
        LocalDate from = Params.date(ctx, "validFrom");
        var repairs = qa.repair(qaRequest(ctx, p), from == null ? LocalDate.now() : from,
                new GridAuditor(audit, AccessFilter.actor(ctx)));
        if (!repairs.isEmpty()) {
            locate.refresh(); // this instance answers (and tiles) at the new version at once
        }
        ctx.json(Map.of("repairs", repairs));
    }

    private static QaRequest qaRequest(Context ctx, Principal p) {
        String tol = Params.text(ctx, "toleranceM2");
        double tolerance = QaRequest.DEFAULT_TOLERANCE_M2;
        if (tol != null) {
            try {
                tolerance = Double.parseDouble(tol);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("query parameter 'toleranceM2' must be a number, but was: '" + tol + "'", e);
            }
        }
        String root = Params.text(ctx, "root");
        return new QaRequest(AccessPolicy.qaRoot(p, root == null ? null : AdminCode.normalize(root)),
                Params.date(ctx, "date"), tolerance);
    }

    private void importUpload(Context ctx) throws Exception {
        Scope jurisdiction = AccessPolicy.editScope(AccessFilter.principal(ctx));
        ImportReport report = uploads.importUpload(ctx, jurisdiction.isAll() ? null : jurisdiction.prefix(),
                new GridAuditor(audit, AccessFilter.actor(ctx)));
        int status = report.status() == ImportStatus.REJECTED ? 422 : report.changedAnything() ? 201 : 200;
        if (report.changedAnything()) {
            locate.refresh();
        }
        if ("text".equalsIgnoreCase(Params.text(ctx, "report"))) {
            ctx.status(status).contentType("text/plain; charset=utf-8").result(report.toText());
        } else {
            ctx.status(status).json(report);
        }
    }
}
