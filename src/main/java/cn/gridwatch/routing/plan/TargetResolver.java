package cn.gridwatch.routing.plan;

import cn.gridwatch.grid.AdminCode;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.GridLocateService;
import cn.gridwatch.grid.LocateResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Looks up what a plan request names: sources by register code, points given by hand (located in
 * today's grid for their county), the sources of a draw, the sources due for patrol in a cell, and
 * team members in the inspector register. Every miss is an {@link IllegalArgumentException} naming
 * the field and the value. Uses the caller's connection; thread-safe.
 */
final class TargetResolver {
    private final RegisterReads reads = new RegisterReads();
    private final GridLocateService locate;

    TargetResolver(GridLocateService locate) {
        this.locate = locate;
    }

    /** The listed targets, in order; service time defaults to {@code serviceSeconds}. */
    List<PlanTarget> listed(Connection c, List<PlanRequests.TargetSpec> specs, long serviceSeconds) throws SQLException {
        Set<String> codes = new LinkedHashSet<>();
        specs.stream().filter(s -> s.sourceCode() != null).forEach(s -> codes.add(s.sourceCode()));
        Map<String, RegisterReads.Source> found = codes.isEmpty() ? Map.of() : reads.sourcesByCode(c, codes);
        List<PlanTarget> out = new ArrayList<>();
        for (PlanRequests.TargetSpec s : specs) {
            long service = s.serviceSeconds() == null ? serviceSeconds : s.serviceSeconds();
            if (s.sourceCode() != null) {
                RegisterReads.Source src = found.get(s.sourceCode());
                if (src == null) {
                    throw new IllegalArgumentException("'" + s.path() + ".sourceCode': no source with code '"
                            + s.sourceCode() + "' in the register");
                }
                if (!"active".equals(src.status())) {
                    throw new IllegalArgumentException("'" + s.path() + ".sourceCode': source '" + s.sourceCode()
                            + "' is " + src.status());
                }
                out.add(target(src, service).withService(service, s.priority(), s.windows()));
            } else {
                String name = s.name() == null ? s.code() : s.name();
                out.add(new PlanTarget(s.code(), name, null, s.lon(), s.lat(), countyAt(s.lon(), s.lat()), service,
                        s.priority(), s.windows()));
            }
        }
        return out;
    }

    /** The sources a draw picked. @throws IllegalArgumentException when there is no such draw */
    List<PlanTarget> fromDraw(Connection c, long drawId, long serviceSeconds) throws SQLException {
        if (!reads.drawExists(c, drawId)) {
            throw new IllegalArgumentException("'drawId': there is no draw " + drawId);
        }
        return reads.drawSources(c, drawId).stream().map(s -> target(s, serviceSeconds)).toList();
    }

    /** The active sources under {@code cell} (12-digit) due for patrol on {@code day} by {@link PatrolFrequency}. */
    List<PlanTarget> dueForPatrol(Connection c, String cell, LocalDate day, long serviceSeconds) throws SQLException {
        GridLevel level = AdminCode.levelOf(cell);
        List<RegisterReads.Patrolled> all = reads.sourcesUnder(c, cell);
        List<PlanTarget> out = new ArrayList<>();
        for (RegisterReads.Patrolled p : all) {
            if (PatrolFrequency.due(level, p.source().inspectionClass(), p.lastPatrol(), day)) {
                out.add(target(p.source(), serviceSeconds));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no source under " + AdminCode.shortForm(cell) + " is due for patrol on "
                    + day + " (" + all.size() + " active sources there; a " + level.id() + " grid patrols special and "
                    + "key sources every " + PatrolFrequency.intervalDays(level, "key") + " days)");
        }
        return out;
    }

    /** The teams with their members from the inspector register. */
    List<Team> teams(Connection c, List<PlanRequests.TeamSpec> specs) throws SQLException {
        Set<String> codes = new LinkedHashSet<>();
        specs.forEach(s -> codes.addAll(s.members()));
        Map<String, RegisterReads.Inspector> found = reads.inspectorsByCode(c, codes);
        Map<String, String> teamOf = new HashMap<>();
        List<Team> teams = new ArrayList<>();
        for (int t = 0; t < specs.size(); t++) {
            PlanRequests.TeamSpec s = specs.get(t);
            List<Team.Member> members = new ArrayList<>();
            for (int k = 0; k < s.members().size(); k++) {
                String code = s.members().get(k);
                String field = "'" + s.path() + ".members[" + k + "]'";
                RegisterReads.Inspector i = found.get(code);
                if (i == null) {
                    throw new IllegalArgumentException(field + ": no inspector with code '" + code + "' in the register");
                }
                if (!i.active()) {
                    throw new IllegalArgumentException(field + ": inspector '" + code + "' is not active");
                }
                if (i.county() == null) {
                    throw new IllegalArgumentException(field + ": inspector '" + code + "' has no valid county code, so "
                            + "the own-county rule cannot be applied to the team");
                }
                String other = teamOf.putIfAbsent(code, s.name());
                if (other != null) {
                    throw new IllegalArgumentException(field + ": inspector '" + code + "' is already on team '" + other
                            + "'");
                }
                members.add(new Team.Member(i.id(), i.code(), i.name(), i.county(), i.kind(), i.userId()));
            }
            Set<String> home = Team.homeCountiesOf(members);
            if (home.isEmpty()) {
                throw new IllegalArgumentException("'" + s.path() + "' has only local guides; a team needs at least one "
                        + "enforcement or monitoring member");
            }
            teams.add(new Team(t, s.name(), members, home, s.startLon(), s.startLat(), s.endLon(), s.endLat(),
                    s.lunch()));
        }
        return teams;
    }

    /** The 12-digit codes of the cells at every level where a point lies (today's grid). */
    LocateResult locate(double lon, double lat) {
        return locate.locate(lon, lat, "EPSG:4490", null);
    }

    private PlanTarget target(RegisterReads.Source s, long serviceSeconds) {
        String county = s.county() != null ? s.county() : countyAt(s.lon(), s.lat());
        return new PlanTarget(s.code(), s.name(), s.id(), s.lon(), s.lat(), county, serviceSeconds,
                PlanTarget.DEFAULT_PRIORITY, List.of());
    }

    private String countyAt(double lon, double lat) {
        return RegisterReads.county(locate(lon, lat).codeAt(GridLevel.COUNTY));
    }
}
