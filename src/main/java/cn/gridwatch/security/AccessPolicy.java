package cn.gridwatch.security;

import cn.gridwatch.grid.AdminCode;
import java.time.Instant;
import java.util.Set;

/**
 * Who may do what: the one place the access rules live. Route rules ({@link #checkRoute}) run for
 * every request in {@link AccessFilter}; the grid controller asks the scope rules for codes.
 *
 * <ul>
 *   <li>Public: {@code GET /health}, {@code POST /api/auth/login}, and the web page: {@code GET /}
 *       (a redirect) and its assets under {@code /web/} (what the page shows comes from the API).
 *       Everything else needs a session, an API token or a password.
 *   <li>{@code /api/admin/**}: administrators only.
 *   <li>Grids, reading: every role; officers see their own cell's subtree (other cells answer 404
 *       as if unknown), and the names of the cells above it as context.
 *   <li>Grids, writing (import, QA repair): administrators anywhere, city and county officers inside
 *       their subtree; everyone else is read-only.
 *   <li>Registers ({@link #REGISTER_PATHS}), reading: every role; officers see the rows of their subtree
 *       only (other rows answer 404 as if unknown; a {@code grid} filter outside it is 403).
 *   <li>Registers, importing: administrators anywhere, city and county officers for rows inside their
 *       subtree (a file with a row outside it is refused whole); everyone else is read-only.
 *   <li>Problems: every role reads (officers their subtree); administrators and officers of every
 *       level create and move them inside their subtree ({@link #problemEditScope}).
 *   <li>Station and meter readings, dispatch and meter-alert runs: administrators, city and county
 *       officers inside their subtree ({@link #editScope(Principal, Editable)}).
 *   <li>Road networks: importing and deleting ({@code POST /api/roads/import},
 *       {@code DELETE /api/roads/networks/...}) for administrators and planners only; listing,
 *       routes and matrices for every signed-in role ({@link #checkMayEditRoads}).
 *   <li>Plans: an inspector sees a plan's targets only when on the plan's team and
 *       the target list is not sealed ({@link #canSeePlanTargets}); planners and administrators always.
 *   <li>Draws and joint-enforcement plans are made by planners and administrators
 *       ({@link #checkMayPlan}); the draw list and details are theirs too, a draw's public export
 *       ("一公开") is open to every signed-in user. Patrol routes may also be planned by officers
 *       for targets in their own subtree ({@link #checkMayPlanPatrol}). A plan is visible to
 *       planners, administrators, its author and the people on its teams ({@link #canSeePlan}).
 * </ul>
 * Stateless and thread-safe.
 */
public final class AccessPolicy {
    private static final Set<Role> GRID_EDITORS = Set.of(Role.ADMIN, Role.CITY_OFFICER, Role.COUNTY_OFFICER);
    /** The register APIs; each has {@code POST <path>/import}. */
    public static final Set<String> REGISTER_PATHS = Set.of("/api/monitoring-points", "/api/sources",
            "/api/power-meters", "/api/duties", "/api/station-chiefs", "/api/inspectors", "/api/complaints",
            "/api/patrols");
    private static final Set<Role> PROBLEM_EDITORS = Set.of(Role.ADMIN, Role.CITY_OFFICER, Role.COUNTY_OFFICER,
            Role.TOWNSHIP_OFFICER, Role.VILLAGE_OFFICER);
    private static final Set<Role> PLANNERS = Set.of(Role.ADMIN, Role.PLANNER);

    private AccessPolicy() {
    }

    public static boolean isPublic(String method, String path) {
        return path.equals("/health")
                || method.equals("POST") && path.equals("/api/auth/login")
                || (method.equals("GET") || method.equals("HEAD"))
                        && (path.equals("/") || path.equals("/web") || path.startsWith("/web/"));
    }

    /** Route-level rules; finer scope checks follow in the handlers. @throws AccessDeniedException */
    public static void checkRoute(Principal p, String method, String path) {
        if (path.equals("/api/admin") || path.startsWith("/api/admin/")) {
            if (p.role() != Role.ADMIN) {
                throw new AccessDeniedException("only administrators may use " + path + "; you are " + p.role().id());
            }
        }
        if (method.equals("POST") && (path.equals("/api/grids/import") || path.equals("/api/grids/qa/repair"))) {
            checkMayEditGrids(p);
        }
        if (method.equals("POST") && path.endsWith("/import")
                && REGISTER_PATHS.contains(path.substring(0, path.length() - "/import".length()))) {
            editScope(p, Editable.REGISTERS);
        }
        if (method.equals("POST") && path.equals("/api/roads/import")
                || method.equals("DELETE") && path.startsWith("/api/roads/networks/")) {
            checkMayEditRoads(p);
        }
        if (method.equals("POST") && (path.equals("/api/draws") || path.equals("/api/plans/joint"))) {
            checkMayPlan(p);
        }
        if (method.equals("POST") && path.equals("/api/plans/patrol")) {
            checkMayPlanPatrol(p);
        }
        if (method.equals("POST") && path.equals("/api/matrix") && !mayPlan(p.role()) && p.role() != Role.GIS_CLIENT) {
            throw new AccessDeniedException("travel matrices are for planners, administrators and GIS clients; you are "
                    + p.role().id());
        }
        if ((path.equals("/api/draws") || path.startsWith("/api/draws/")) && !path.endsWith("/export")) {
            checkMayPlan(p);
        }
    }

    /** Road networks are imported and deleted by administrators and planners. @throws AccessDeniedException */
    public static void checkMayEditRoads(Principal p) {
        if (p.role() != Role.ADMIN && p.role() != Role.PLANNER) {
            throw new AccessDeniedException("role " + p.role().id() + " may use the road networks but not import or"
                    + " delete them; administrators and planners may");
        }
    }

    /** Planners and administrators make draws and plans. */
    public static boolean mayPlan(Role role) {
        return PLANNERS.contains(role);
    }

    public static void checkMayPlan(Principal p) {
        if (!mayPlan(p.role())) {
            throw new AccessDeniedException("only planners and administrators may make draws and enforcement plans; "
                    + "you are " + p.role().id());
        }
    }

    /** Patrol routes: planners and administrators, and officers inside their own subtree (checked on the targets). */
    public static void checkMayPlanPatrol(Principal p) {
        if (!mayPlan(p.role()) && !p.role().isOfficer()) {
            throw new AccessDeniedException("only planners, administrators and grid officers may plan patrol routes; "
                    + "you are " + p.role().id());
        }
    }

    /** Whether {@code p} may see a plan at all (teams, days, figures): planners, administrators, its author, its people. */
    public static boolean canSeePlan(Principal p, boolean onTeam, boolean author) {
        return mayPlan(p.role()) || author || onTeam;
    }

    /**
     * {@link #canSeePlanTargets(Principal, boolean, Instant, Instant)}, and the author of a plan
     * (an officer's own patrol route) always sees what they planned.
     */
    public static boolean canSeePlanTargets(Principal p, boolean onTeam, boolean author, Instant sealedUntil,
            Instant now) {
        return author || canSeePlanTargets(p, onTeam, sealedUntil, now);
    }

    public static boolean mayEditGrids(Role role) {
        return GRID_EDITORS.contains(role);
    }

    public static void checkMayEditGrids(Principal p) {
        editScope(p, Editable.GRID);
    }

    /** The part of the grid {@code p} may change. @throws AccessDeniedException for read-only roles */
    public static Scope editScope(Principal p) {
        return editScope(p, Editable.GRID);
    }

    /** What grid editors (administrators, city and county officers) change; each says so in a refusal. */
    public enum Editable {
        /** Grid imports and QA repairs. */
        GRID("may read the grid but not change it"),
        /** Register imports. */
        REGISTERS("may read the registers but not import into them"),
        /** Station and power-meter readings, station dispatch and meter-alert runs. */
        FEEDS("may not load readings or run dispatch and meter alerts");

        private final String refusal;

        Editable(String refusal) {
            this.refusal = refusal;
        }
    }

    /**
     * Where {@code p} may change {@code what}: administrators everywhere, city and county officers
     * inside their subtree (for registers and feeds: the rows, stations and sources there).
     *
     * @throws AccessDeniedException for every other role, naming the role and what it may not do
     */
    public static Scope editScope(Principal p, Editable what) {
        if (!mayEditGrids(p.role())) {
            throw new AccessDeniedException("role " + p.role().id() + " " + what.refusal
                    + "; administrators and city or county officers may");
        }
        return p.scope();
    }

    /**
     * Where {@code p} may create and move problems: administrators everywhere, officers of every
     * level inside their subtree. Inspectors, planners and GIS clients only read problems.
     *
     * @throws AccessDeniedException for read-only roles
     */
    public static Scope problemEditScope(Principal p) {
        if (!PROBLEM_EDITORS.contains(p.role())) {
            throw new AccessDeniedException("role " + p.role().id() + " may read problems but not change them; "
                    + "administrators and grid officers may");
        }
        return p.scope();
    }

    /**
     * The QA root to use: what was asked (null = everything) for users who see everything; an
     * officer's own cell when nothing was asked; refused when an officer asks outside their subtree.
     */
    public static String qaRoot(Principal p, String requestedRoot) {
        Scope s = p.scope();
        if (s.isAll()) {
            return requestedRoot;
        }
        if (requestedRoot == null) {
            return s.rootCode();
        }
        Scope asked = Scope.under(requestedRoot);
        if (!s.covers(asked)) {
            throw new AccessDeniedException("root " + AdminCode.shortForm(asked.rootCode())
                    + " lies outside your jurisdiction, " + s);
        }
        return asked.rootCode();
    }

    /**
     * The root of a statistics report or the parent of a ranking: the same rule as {@link #qaRoot}
     * (an officer's own cell by default; another root outside their subtree is refused).
     */
    public static String statsRoot(Principal p, String requestedRoot) {
        return qaRoot(p, requestedRoot);
    }

    /**
     * Whether {@code p} may see a plan's target list: planners and administrators always; a member of
     * the plan's team (an inspector of a joint plan, the officer of a patrol route a planner made for
     * them) once the list is no longer sealed ({@code sealedUntil} null or past); nobody else (a
     * read-only GIS client never). The map layer {@code plan_stops} applies the same rule.
     */
    public static boolean canSeePlanTargets(Principal p, boolean onTeam, Instant sealedUntil, Instant now) {
        switch (p.role()) {
            case ADMIN:
            case PLANNER:
                return true;
            case GIS_CLIENT:
                return false;
            default:
                return onTeam && (sealedUntil == null || !now.isBefore(sealedUntil));
        }
    }
}
