package cn.gridwatch.problems;

import cn.gridwatch.db.Database;
import cn.gridwatch.db.SqlWhere;
import cn.gridwatch.geo.CrsRegistry;
import cn.gridwatch.grid.GridLocateService;
import cn.gridwatch.grid.NotFoundException;
import cn.gridwatch.register.GridAssignments;
import cn.gridwatch.register.ListPage;
import cn.gridwatch.security.AccessDeniedException;
import cn.gridwatch.security.Actor;
import cn.gridwatch.security.AuditLog;
import cn.gridwatch.security.ConflictException;
import cn.gridwatch.security.Scope;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Problem use cases: create (placed in the grid and assigned to its cells on write), change status
 * under {@link ProblemLifecycle}, read one with its transitions, list with filters. Every change
 * runs in one transaction with its {@code problem_transition} row, its grid assignment and its
 * audit entry. Concurrent changes of one problem are serialized by a row lock; the loser sees the
 * new status and is refused if its move is no longer allowed (or if it named an {@code expected}
 * status that is gone). Callers pass the jurisdiction ({@link Scope}) they act in: problems outside
 * it are "not found". Thread-safe.
 */
public final class ProblemService {
    private final Database db;
    private final AuditLog audit;
    private final GridPlacement placement;
    private final Clock clock;
    private final ProblemRepository repo = new ProblemRepository();
    private final OriginLocator origins = new OriginLocator();

    public ProblemService(Database db, AuditLog audit, GridLocateService locate, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.placement = new GridPlacement(locate);
        this.clock = clock;
    }

    public Problem create(NewProblem np, Scope scope, Actor actor) {
        return db.inTransaction("creating a problem", c -> createIn(c, np, scope, actor));
    }

    /**
     * Creates a problem inside the caller's transaction (meter alerts and dispatch use this so the
     * problem commits with what caused it).
     *
     * @throws IllegalArgumentException when the point lies outside every grid cell or a reference is unknown
     * @throws AccessDeniedException    when it lies outside {@code scope}
     * @throws ConflictException        when the given code is taken
     */
    public Problem createIn(Connection c, NewProblem np, Scope scope, Actor actor) throws SQLException {
        OriginLocator.Located where = locate(c, np);
        Long sourceId = where.sourceId();
        GridPlacement.Placed placed = placement.place(where.lon(), where.lat());
        String finest = placed.cells().finest();
        if (finest == null) {
            throw new IllegalArgumentException("the problem's location (" + where.lon() + ", " + where.lat()
                    + ") lies outside every grid cell; a problem must belong to a grid");
        }
        if (!scope.contains(finest)) {
            throw new AccessDeniedException("the problem's location lies in cell " + finest
                    + ", outside your jurisdiction (" + scope + ")");
        }
        long id = repo.nextId(c);
        Instant foundAt = np.foundAt() == null ? clock.instant() : np.foundAt();
        String code = np.code() == null ? "P" + foundAt.atOffset(ZoneOffset.ofHours(8)).getYear() + "-"
                + String.format("%06d", id) : np.code().trim();
        if (!repo.insert(c, id, new ProblemRepository.Insert(code, np, sourceId, foundAt, actor.username(),
                where.lon(), where.lat(), placed.cells()))) {
            throw new ConflictException("a problem with code '" + code + "' exists already");
        }
        repo.addTransition(c, id, null, ProblemStatus.FOUND, actor.username(), np.description());
        GridAssignments.record(c, "problem", id, placed.cells(), placed.gridVersion());
        Problem p = repo.find(c, id);
        audit.append(c, actor, "problem.create", "problem", code, null, p, null);
        return p;
    }

    private OriginLocator.Located locate(Connection c, NewProblem np) throws SQLException {
        OriginLocator.Located source = np.sourceCode() == null ? null : origins.source(c, np.sourceCode());
        OriginLocator.Located origin = np.originId() == null ? null : origins.origin(c, np.origin(), np.originId());
        Long sourceId = source != null ? source.sourceId() : origin != null ? origin.sourceId() : null;
        if (np.lon() != null) {
            double[] ll = CrsRegistry.toCgcs2000(np.crs() == null ? "EPSG:4490" : np.crs(), np.lon(), np.lat());
            return new OriginLocator.Located(sourceId, ll[0], ll[1]);
        }
        OriginLocator.Located from = source != null ? source : origin;
        if (from == null) {
            throw new IllegalArgumentException("a problem needs a location: give 'lon' and 'lat', a 'sourceCode',"
                    + " or an 'origin' with an 'originId' that has one");
        }
        return new OriginLocator.Located(sourceId, from.lon(), from.lat());
    }

    /**
     * Moves problem {@code id} as {@code r} asks.
     *
     * @throws NotFoundException        when there is no such problem in {@code scope}
     * @throws ConflictException        when the move is not allowed from the current status, or the
     *                                  status is not {@code r.expected()}
     * @throws IllegalArgumentException when an assignee or reason the move needs is missing
     */
    public ProblemDetail transition(long id, TransitionRequest r, Scope scope, Actor actor) {
        return db.inTransaction("changing the status of problem " + id, c -> {
            Problem before = visible(repo.lock(c, id), id, scope);
            ProblemStatus from = before.status();
            if (r.expected() != null && r.expected() != from) {
                throw new ConflictException("problem " + before.code() + " is '" + from.id() + "', not '"
                        + r.expected().id() + "' as expected (someone changed it meanwhile); from '" + from.id()
                        + "' it may move to: " + names(ProblemLifecycle.allowedFrom(from)));
            }
            String assignee = r.assignee() != null && !r.assignee().isBlank() ? r.assignee().trim() : before.assignee();
            ProblemLifecycle.check(from, r.to(), assignee, r.reason());
            Instant now = clock.instant();
            Instant deadline = r.deadline() != null ? r.deadline() : before.deadline();
            Instant closedAt = r.to().isClosed() ? now : null;
            String closeReason = r.to() == ProblemStatus.CLOSED_UNFIXED ? r.reason().trim() : null;
            repo.update(c, id, r.to(), assignee, deadline, closedAt, closeReason);
            String note = noteOf(r);
            repo.addTransition(c, id, from, r.to(), actor.username(), note);
            Problem after = repo.find(c, id);
            String action = ProblemLifecycle.isReopen(from, r.to()) ? "problem.reopen" : "problem.transition";
            audit.append(c, actor, action, "problem", before.code(), summary(before), summary(after),
                    from.id() + " -> " + r.to().id() + (note == null ? "" : ": " + note));
            return new ProblemDetail(after, repo.transitions(c, id));
        });
    }

    /** @throws NotFoundException when there is no such problem in {@code scope} */
    public ProblemDetail get(long id, Scope scope) {
        return db.withConnection("reading problem " + id, c -> {
            Problem p = visible(repo.find(c, id), id, scope);
            return new ProblemDetail(p, repo.transitions(c, id));
        });
    }

    public ListPage<Problem> list(ProblemQuery q) {
        SqlWhere w = where(q);
        return db.withConnection("listing problems", c -> new ListPage<>(repo.count(c, w), q.limit(), q.offset(),
                repo.list(c, w, q.limit(), q.offset())));
    }

    private static SqlWhere where(ProblemQuery q) {
        SqlWhere w = new SqlWhere();
        if (q.scope() != null) {
            w.and(q.scope().condition("p"), q.scope().code());
        }
        if (q.grid() != null) {
            w.and(q.grid().condition("p"), q.grid().code());
        }
        if (!q.statuses().isEmpty()) {
            w.and("p.status = any(?)", (Object) q.statuses().stream().map(ProblemStatus::id).toArray(String[]::new));
        }
        if (q.overdue() != null) {
            w.and(q.overdue() ? ProblemRepository.OVERDUE : "not " + ProblemRepository.OVERDUE);
        }
        if (q.origin() != null) {
            w.and("p.origin = ?", q.origin().id());
        }
        if (q.from() != null) {
            w.and("p.found_at >= ?", q.from());
        }
        if (q.to() != null) {
            w.and("p.found_at < ?", q.to());
        }
        if (q.bbox() != null) {
            w.and("p.geom && ST_MakeEnvelope(?, ?, ?, ?, 4490)", q.bbox().getMinX(), q.bbox().getMinY(),
                    q.bbox().getMaxX(), q.bbox().getMaxY());
        }
        return w;
    }

    private static Problem visible(Problem p, long id, Scope scope) {
        if (p == null || !(scope.isAll() || scope.contains(finest(p)))) {
            throw new NotFoundException("no problem with id " + id);
        }
        return p;
    }

    private static String finest(Problem p) {
        return p.villageCode() != null ? p.villageCode() : p.townshipCode() != null ? p.townshipCode()
                : p.countyCode() != null ? p.countyCode() : p.cityCode();
    }

    private static String noteOf(TransitionRequest r) {
        if (r.reason() != null && !r.reason().isBlank() && r.to() == ProblemStatus.CLOSED_UNFIXED) {
            return r.note() == null || r.note().isBlank() ? r.reason().trim() : r.note() + " (reason: " + r.reason().trim() + ")";
        }
        return r.note() == null || r.note().isBlank() ? null : r.note();
    }

    private static Map<String, Object> summary(Problem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", p.status().id());
        m.put("assignee", p.assignee());
        m.put("deadline", p.deadline() == null ? null : p.deadline().toString());
        m.put("closeReason", p.closeReason());
        return m;
    }

    private static String names(Set<ProblemStatus> s) {
        return String.join(", ", s.stream().map(ProblemStatus::id).toList());
    }
}
