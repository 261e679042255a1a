package cn.gridwatch.routing.plan;

import cn.gridwatch.db.Database;
import cn.gridwatch.grid.AdminCode;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.GridLocateService;
import cn.gridwatch.grid.LocateResult;
import cn.gridwatch.grid.NotFoundException;
import cn.gridwatch.routing.TravelMatrixProvider;
import cn.gridwatch.security.AccessDeniedException;
import cn.gridwatch.security.AccessPolicy;
import cn.gridwatch.security.Actor;
import cn.gridwatch.security.AuditLog;
import cn.gridwatch.security.Principal;
import cn.gridwatch.security.Scope;
import cn.gridwatch.security.User;
import cn.gridwatch.security.UserService;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Use cases of plans: a patrol route for one officer, a joint cross-jurisdiction enforcement plan,
 * reading one plan and listing plans, each under the access rules of {@link AccessPolicy}. Registers
 * are read on one connection, the plan is computed outside any transaction (the search takes
 * seconds) and then stored with its audit entry in one transaction. Travel times come from the
 * {@link TravelMatrixProvider} given at construction. Thread-safe.
 */
public final class PlanService {
    private final Database db;
    private final UserService users;
    private final AuditLog audit;
    private final TravelMatrixProvider provider;
    private final Clock clock;
    private final TargetResolver resolver;
    private final RoutePlanner planner = new RoutePlanner();
    private final PlanRepository repo = new PlanRepository();
    private final PlanQueries queries = new PlanQueries();

    public PlanService(Database db, GridLocateService locate, UserService users, AuditLog audit,
            TravelMatrixProvider provider, Clock clock) {
        this.db = db;
        this.users = users;
        this.audit = audit;
        this.provider = provider;
        this.clock = clock;
        this.resolver = new TargetResolver(locate);
    }

    /**
     * A plan request checked and resolved against the registers (teams, targets, scope), ready to be
     * computed by {@link #compute}; {@code request} is kept with the stored plan. Immutable.
     */
    public record Prepared(PlanInput input, Object request) {
        public String kind() {
            return input.kind();
        }
    }

    /** Plans, stores and audits one officer's patrol route; officers only for themselves and inside their subtree. */
    public Plan patrol(PlanRequests.Patrol r, Principal caller, Actor actor) {
        return compute(preparePatrol(r, caller), actor, new PlanProgress());
    }

    /** Plans, stores and audits a joint enforcement plan (planners and administrators; checked by the caller). */
    public Plan joint(PlanRequests.Joint r, Actor actor) {
        return compute(prepareJoint(r), actor, new PlanProgress());
    }

    /**
     * Computes, stores and audits a prepared plan, reporting to {@code progress}; a cancel stops it
     * and nothing is stored (a cancel during the saving phase rolls the transaction back).
     * @throws PlanCancelledException when cancelled
     */
    public Plan compute(Prepared p, Actor actor, PlanProgress progress) {
        return store(p.input(), planner.plan(p.input(), provider, progress), p.request(), actor, progress);
    }

    /**
     * Checks a patrol request and resolves its targets, without planning: every 400/403/404 comes from
     * here. Officers only for themselves and inside their subtree.
     */
    public Prepared preparePatrol(PlanRequests.Patrol r, Principal caller) {
        User officer = r.officer() == null ? caller.user() : users.get(r.officer());
        if (caller.role().isOfficer() && officer.id() != caller.user().id()) {
            throw new AccessDeniedException("an officer plans patrol routes only for themselves, not for "
                    + officer.username());
        }
        String cell = r.cell() != null ? normalizeCell(r.cell()) : officer.gridCode();
        if (r.targets().isEmpty() && cell == null) {
            throw new IllegalArgumentException("give 'targets', or 'cell' for the sources due for patrol there ("
                    + officer.username() + " is not bound to a cell)");
        }
        Scope scope = caller.scope();
        if (cell != null && r.targets().isEmpty() && !scope.covers(Scope.under(cell))) {
            throw new AccessDeniedException("cell " + AdminCode.shortForm(cell) + " lies outside your jurisdiction, "
                    + scope);
        }
        List<PlanTarget> targets = db.withConnection("reading the patrol targets", c -> r.targets().isEmpty()
                ? resolver.dueForPatrol(c, cell, r.date(), r.serviceSeconds())
                : resolver.listed(c, r.targets(), r.serviceSeconds()));
        if (!scope.isAll()) {
            for (PlanTarget t : targets) {
                checkInScope(scope, caller.role().officerLevel(), t);
            }
        }
        Team.Member who = new Team.Member(null, null, officer.displayName() == null ? officer.username()
                : officer.displayName(), null, "officer", officer.id() > 0 ? officer.id() : null);
        Team team = new Team(0, who.name(), List.of(who), java.util.Set.of(), r.startLon(), r.startLat(), r.endLon(),
                r.endLat());
        PlanInput in = new PlanInput("patrol", r.name(), CrossRule.NONE, List.of(team), List.of(r.date()), r.hours(),
                targets, 0, 0, r.solver(), null, null);
        return new Prepared(in, r);
    }

    /** Checks a joint request and resolves its teams and targets, without planning. */
    public Prepared prepareJoint(PlanRequests.Joint r) {
        record Resolved(List<Team> teams, List<PlanTarget> targets) {
        }
        Resolved res = db.withConnection("reading the plan's teams and targets", c -> {
            List<Team> teams = resolver.teams(c, r.teams());
            List<PlanTarget> targets = new ArrayList<>();
            if (r.drawId() != null) {
                targets.addAll(resolver.fromDraw(c, r.drawId(), r.serviceSeconds()));
            }
            Map<String, PlanTarget> listed = new LinkedHashMap<>();
            for (PlanTarget t : resolver.listed(c, r.targets(), r.serviceSeconds())) {
                listed.put(t.code(), t);
            }
            // a listed target overrides the draw's entry for the same source (its service time, priority, windows)
            targets.replaceAll(t -> listed.getOrDefault(t.code(), t));
            targets.forEach(t -> listed.remove(t.code()));
            targets.addAll(listed.values());
            return new Resolved(teams, targets);
        });
        PlanInput in = new PlanInput("joint", r.name(), r.rule(), res.teams(), r.days(), r.hours(), res.targets(),
                r.maxStopsPerDay(), r.balance(), r.solver(), r.sealedUntil(), r.drawId());
        return new Prepared(in, r);
    }

    /** One plan as {@code p} may see it. @throws NotFoundException when it does not exist or is not theirs to see */
    public Plan get(long id, Principal p) {
        return db.withConnection("reading plan " + id, c -> {
            PlanQueries.Head head = queries.head(c, id);
            boolean author = head != null && head.createdBy().equals(p.username());
            boolean onTeam = head != null && queries.onTeam(c, id, p.user().id());
            if (head == null || !AccessPolicy.canSeePlan(p, onTeam, author)) {
                throw new NotFoundException("no plan with id " + id);
            }
            Plan plan = queries.read(c, id);
            boolean visible = AccessPolicy.canSeePlanTargets(p, onTeam, author, head.sealedUntil(), clock.instant());
            return visible ? plan : plan.sealed();
        });
    }

    /** A page of the plans {@code p} may see, newest first. */
    public record Page(int total, int limit, int offset, List<Plan.Summary> items) {
    }

    public Page list(Principal p, int limit, int offset) {
        boolean all = AccessPolicy.mayPlan(p.role());
        Long userId = all ? null : p.user().id();
        return db.withConnection("listing plans", c -> new Page(queries.count(c, p.username(), userId), limit, offset,
                queries.list(c, p.username(), userId, limit, offset)));
    }

    private Plan store(PlanInput in, PlanResult result, Object request, Actor actor, PlanProgress progress) {
        progress.check();
        progress.phase(PlanProgress.SAVING);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("days", in.days());
        params.put("request", request);
        Map<String, Object> summary = summary(in, result);
        Map<String, Object> solver = new LinkedHashMap<>();
        solver.put("result", result.solver());
        solver.put("firstSolution", in.solver().firstSolution());
        long id = db.inTransaction("storing plan '" + in.name() + "'", c -> {
            long planId = repo.insert(c, in, result, params, summary, solver, actor.username(), actor.role(), now);
            Map<String, Object> after = new LinkedHashMap<>(summary);
            after.put("kind", in.kind());
            after.put("name", in.name());
            after.put("drawId", in.drawId());
            after.put("sealedUntil", in.sealedUntil());
            after.put("teams", in.teams().stream().map(t -> Map.of("name", t.name(), "homeCounties",
                    t.homeCounties())).toList());
            audit.append(c, actor, "plan", "inspection_plan", Long.toString(planId), null, after,
                    in.kind() + " plan '" + in.name() + "': " + result.servedCount() + " of " + in.targets().size()
                            + " targets planned");
            progress.check(); // a cancel that came while saving rolls it all back
            return planId;
        });
        return db.withConnection("reading plan " + id, c -> queries.read(c, id));
    }

    static Map<String, Object> summary(PlanInput in, PlanResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("targets", in.targets().size());
        m.put("served", r.servedCount());
        m.put("unserved", r.unserved().size());
        Map<String, Integer> reasons = new TreeMap<>();
        r.unserved().forEach(u -> reasons.merge(u.reason(), 1, Integer::sum));
        m.put("unservedByReason", reasons);
        m.put("teams", in.teams().size());
        m.put("days", in.days().size());
        m.put("teamDaysUsed", r.routes().size());
        m.put("totalDistanceMetres", r.totalDistance());
        m.put("totalTravelSeconds", r.totalTravelSeconds());
        List<Long> spans = r.routes().stream()
                .map(d -> java.time.Duration.between(d.departure(), d.returnAt()).toSeconds()).sorted().toList();
        m.put("longestDaySeconds", spans.isEmpty() ? 0 : spans.get(spans.size() - 1));
        m.put("shortestDaySeconds", spans.isEmpty() ? 0 : spans.get(0));
        m.put("matrixMethod", r.matrixMethod());
        return m;
    }

    private static String normalizeCell(String cell) {
        try {
            return AdminCode.normalize(cell);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'cell': " + e.getMessage(), e);
        }
    }

    private void checkInScope(Scope scope, GridLevel level, PlanTarget t) {
        LocateResult where = resolver.locate(t.lon(), t.lat());
        String code = where.codeAt(level);
        if (code == null || !scope.contains(code)) {
            throw new AccessDeniedException("target " + t.code() + " (" + t.lon() + ", " + t.lat() + ") lies outside "
                    + "your jurisdiction, " + scope);
        }
    }
}
