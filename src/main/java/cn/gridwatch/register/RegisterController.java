package cn.gridwatch.register;

import cn.gridwatch.grid.AdminCode;
import cn.gridwatch.http.Params;
import cn.gridwatch.security.AccessFilter;
import cn.gridwatch.security.AccessPolicy;
import cn.gridwatch.security.Scope;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP in and out for one register at its base path: {@code GET} list (filters {@code grid},
 * {@code bbox}, {@code from}, {@code to}, the register's own, {@code limit}, {@code offset}),
 * {@code GET /{id}} with the assignment history, {@code GET /export?format=csv|xlsx},
 * {@code POST /import} and, for monitoring points, {@code GET /{code}/history}. Reads are limited to
 * the caller's jurisdiction; imports to editors inside it ({@link AccessPolicy}).
 */
public final class RegisterController {
    public static final int MAX_LIMIT = 1000;
    private final RegisterService service;
    private final RegisterSpec spec;
    private final long maxUploadBytes;

    public RegisterController(RegisterService service, long maxUploadBytes) {
        this.service = service;
        this.spec = service.spec();
        this.maxUploadBytes = maxUploadBytes;
    }

    public void routes(RoutesConfig r) {
        r.get(spec.path, this::list);
        r.get(spec.path + "/export", this::export);
        r.post(spec.path + "/import", this::importUpload);
        r.get(spec.path + "/{id}", this::detail);
        if (spec.versioned() && spec.lookupField.equals("code")) {
            r.get(spec.path + "/{code}/history", this::history);
        }
    }

    private void list(Context ctx) {
        ListQuery q = query(ctx, Params.intValue(ctx, "limit", 100, 1, MAX_LIMIT));
        RegisterService.Page page = service.list(q);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", page.total());
        m.put("limit", q.limit());
        m.put("offset", q.offset());
        m.put("items", page.items().stream().map(r -> RecordJson.of(spec, r)).toList());
        ctx.json(m);
    }

    private void export(Context ctx) {
        String format = Params.text(ctx, "format") == null ? "csv" : Params.text(ctx, "format").toLowerCase(Locale.ROOT);
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw new IllegalArgumentException("query parameter 'format' must be csv or xlsx, but was: '" + format + "'");
        }
        List<List<String>> rows = service.export(query(ctx, null)).stream()
                .map(r -> RecordJson.exportRow(spec, r)).toList();
        ctx.header("Content-Disposition", "attachment; filename=\"" + spec.name() + "." + format + "\"");
        if (format.equals("csv")) {
            ctx.contentType("text/csv; charset=utf-8").result(TableWriter.csv(spec.columns, rows));
        } else {
            ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    .result(TableWriter.xlsx(spec.name(), spec.columns, rows));
        }
    }

    private void detail(Context ctx) {
        long id = id(ctx.pathParam("id"));
        RegisterService.Detail d = service.get(id, scope(ctx));
        Map<String, Object> m = RecordJson.of(spec, d.record());
        if (spec.located()) {
            m.put("assignments", d.assignments());
        }
        ctx.json(m);
    }

    private void history(Context ctx) {
        ctx.json(service.versions(ctx.pathParam("code"), scope(ctx)).stream().map(d -> {
            Map<String, Object> m = RecordJson.of(spec, d.record());
            m.put("assignments", d.assignments());
            return m;
        }).toList());
    }

    private void importUpload(Context ctx) throws Exception {
        Scope editable = AccessPolicy.editScope(AccessFilter.principal(ctx), AccessPolicy.Editable.REGISTERS);
        RegisterUpload.Received up = RegisterUpload.receive(ctx, maxUploadBytes);
        try {
            String format = Params.text(ctx, "format");
            RegisterImportReport report = service.importFile(new RegisterImportService.Request(up.file(), up.name(),
                    format == null ? null : RegisterFormat.parse(format), Params.text(ctx, "crs"), editable,
                    AccessFilter.actor(ctx)));
            int status = report.committed() ? (report.changedAnything() ? 201 : 200) : 422;
            if ("text".equalsIgnoreCase(Params.text(ctx, "report"))) {
                ctx.status(status).contentType("text/plain; charset=utf-8")
                        .result(report.toText(RegisterFormat.parse(report.format()).rowWord()));
            } else {
                ctx.status(status).json(report);
            }
        } finally {
            Files.deleteIfExists(up.file());
        }
    }

    private ListQuery query(Context ctx, Integer limit) {
        String grid = Params.text(ctx, "grid");
        if (grid != null) {
            try {
                grid = AdminCode.normalize(grid);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("query parameter 'grid': " + e.getMessage(), e);
            }
        }
        Map<String, String> filters = new LinkedHashMap<>();
        for (String param : spec.filters.keySet()) {
            String v = Params.text(ctx, param);
            if (v != null) {
                filters.put(param, v);
            }
        }
        return new ListQuery(scope(ctx), grid, Params.bbox(ctx, "bbox"), Params.date(ctx, "from"),
                Params.date(ctx, "to"), filters, limit, Params.intValue(ctx, "offset", 0, 0, Integer.MAX_VALUE));
    }

    private static Scope scope(Context ctx) {
        return AccessFilter.principal(ctx).scope();
    }

    private long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new cn.gridwatch.grid.NotFoundException("no " + spec.name() + " row with id '" + text + "'"
                    + " (ids are whole numbers)");
        }
    }
}
