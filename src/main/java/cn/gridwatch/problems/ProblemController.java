package cn.gridwatch.problems;

import cn.gridwatch.feeds.ChinaTime;
import cn.gridwatch.http.JsonBody;
import cn.gridwatch.http.Params;
import cn.gridwatch.register.GridSubtree;
import cn.gridwatch.security.AccessFilter;
import cn.gridwatch.security.AccessPolicy;
import cn.gridwatch.security.Scope;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * HTTP in and out for problems: {@code GET /api/problems} (filters {@code grid, status, overdue,
 * origin, from, to, bbox, limit, offset}), {@code POST /api/problems}, {@code GET /api/problems/{id}}
 * (with transitions) and {@code POST /api/problems/{id}/transitions}. Reads are limited to the
 * caller's jurisdiction; writes need {@link AccessPolicy#problemEditScope}. Times in bodies are ISO
 * (no offset means UTC+08:00); a deadline given as a date means the end of that day.
 */
public final class ProblemController {
    private static final Set<String> CREATE_FIELDS = Set.of("code", "title", "description", "origin", "originId",
            "sourceCode", "lon", "lat", "crs", "foundAt", "deadline");
    private static final Set<String> TRANSITION_FIELDS = Set.of("to", "expected", "note", "assignee", "reason",
            "deadline");
    private final ProblemService problems;

    public ProblemController(ProblemService problems) {
        this.problems = problems;
    }

    public void routes(RoutesConfig r) {
        r.get("/api/problems", this::list);
        r.post("/api/problems", this::create);
        r.get("/api/problems/{id}", this::detail);
        r.post("/api/problems/{id}/transitions", this::transition);
    }

    private void list(Context ctx) {
        String grid = Params.text(ctx, "grid");
        String origin = Params.text(ctx, "origin");
        String overdue = Params.text(ctx, "overdue");
        LocalDate from = Params.date(ctx, "from");
        LocalDate to = Params.date(ctx, "to");
        Scope scope = AccessFilter.principal(ctx).scope();
        ProblemQuery q = new ProblemQuery(
                GridSubtree.of(scope),
                GridSubtree.requested(scope, grid),
                statuses(Params.text(ctx, "status")),
                overdue == null ? null : Params.parseFlag("overdue", overdue),
                origin == null ? null : ProblemOrigin.parse("origin", origin),
                from == null ? null : ChinaTime.startOf(from),
                to == null ? null : ChinaTime.startOf(to.plusDays(1)),
                Params.bbox(ctx, "bbox"),
                Params.intValue(ctx, "limit", 50, 1, ProblemQuery.MAX_LIMIT),
                Params.intValue(ctx, "offset", 0, 0, Integer.MAX_VALUE));
        ctx.json(problems.list(q));
    }

    private static List<ProblemStatus> statuses(String text) {
        List<ProblemStatus> out = new ArrayList<>();
        if (text != null) {
            for (String s : text.split(",")) {
                out.add(ProblemStatus.parse("status", s));
            }
        }
        return out;
    }

    private void create(Context ctx) {
        Scope scope = AccessPolicy.problemEditScope(AccessFilter.principal(ctx));
        JsonBody b = JsonBody.of(ctx, CREATE_FIELDS);
        String origin = b.text("origin");
        NewProblem np = new NewProblem(b.text("code"), b.text("title"), b.text("description"),
                origin == null ? null : ProblemOrigin.parse("origin", origin), b.whole("originId"), b.text("sourceCode"),
                b.number("lon"), b.number("lat"), b.text("crs"), time("foundAt", b.text("foundAt"), false),
                time("deadline", b.text("deadline"), true));
        ctx.status(201).json(problems.create(np, scope, AccessFilter.actor(ctx)));
    }

    private void detail(Context ctx) {
        ctx.json(problems.get(id(ctx), AccessFilter.principal(ctx).scope()));
    }

    private void transition(Context ctx) {
        Scope scope = AccessPolicy.problemEditScope(AccessFilter.principal(ctx));
        long id = id(ctx);
        JsonBody b = JsonBody.of(ctx, TRANSITION_FIELDS);
        String expected = b.text("expected");
        TransitionRequest r = new TransitionRequest(
                b.text("to") == null ? null : ProblemStatus.parse("to", b.text("to")),
                expected == null ? null : ProblemStatus.parse("expected", expected),
                b.text("note"), b.text("assignee"), b.text("reason"), time("deadline", b.text("deadline"), true));
        ctx.json(problems.transition(id, r, scope, AccessFilter.actor(ctx)));
    }

    private static long id(Context ctx) {
        String v = ctx.pathParam("id");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the problem id in the path must be a whole number, but was: '" + v + "'");
        }
    }

    /** An ISO time; a bare date is its start, or for a deadline ({@code endOfDay}) the start of the next day. */
    private static Instant time(String field, String text, boolean endOfDay) {
        if (text == null) {
            return null;
        }
        if (endOfDay && text.trim().length() == 10) {
            return ChinaTime.startOf(Params.parseDate(field, text.trim()).plusDays(1));
        }
        return ChinaTime.parse(field, text);
    }
}
