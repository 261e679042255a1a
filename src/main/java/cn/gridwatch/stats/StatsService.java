package cn.gridwatch.stats;

import cn.gridwatch.db.Database;
import cn.gridwatch.grid.AdminCode;
import cn.gridwatch.grid.GridCell;
import cn.gridwatch.grid.GridKind;
import cn.gridwatch.grid.GridService;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grid statistics, rankings and cell summaries (read-only use cases). Definitions, for a period
 * {@code [from, to)} ({@link StatsPeriod}) and the cells of one level under a root:
 * <ul>
 *   <li>sources: active pollution sources by category and inspection class (the current register);
 *       stations: active monitoring-point versions valid on the last day, by type;</li>
 *   <li>complaints received and patrol records started in the period, by the cell of the record;</li>
 *   <li>patrol coverage: among active sources that the level's {@link PatrolRules rule} makes targets
 *       (by {@link TargetClass}), the share patrolled at least {@code floor(days × times ÷ interval)}
 *       times in the period (patrols counted through {@code patrol_source});</li>
 *   <li>problems open at the period's end (found before it, not closed before it), overdue at its end
 *       (open with a deadline before it; computed, never stored), found and closed in the period, and
 *       the median hours from found to closed of those closed in it.</li>
 * </ul>
 * Every figure comes from one set-based query per register over all cells at once, run in one
 * read-only repeatable-read transaction so they agree with each other. Thread-safe.
 */
public final class StatsService {
    /** How far back a summary counts complaints. */
    public static final int SUMMARY_COMPLAINT_DAYS = 30;

    private final Database db;
    private final GridService grids;
    private final PatrolRules rules;
    private final Clock clock;
    private final StatsRepository repo = new StatsRepository();
    private final SummaryRepository summaries = new SummaryRepository();

    public StatsService(Database db, GridService grids, PatrolRules rules, Clock clock) {
        this.db = db;
        this.grids = grids;
        this.rules = rules;
        this.clock = clock;
    }

    public PatrolRules rules() {
        return rules;
    }

    /** Today in {@link StatsPeriod#ZONE}. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(StatsPeriod.ZONE));
    }

    /** @throws cn.gridwatch.grid.NotFoundException when the root is not a current cell */
    public StatsReport stats(StatsQuery q) {
        StatsReport.Root root = root(q.root());
        return db.inTransaction("computing statistics of " + q, c -> {
            snapshot(c);
            return report(c, q, root, EnumSet.allOf(StatsPart.class));
        });
    }

    /**
     * Ranks the cells of {@code q} by {@code metric} (or by its improvement over the previous period of
     * the same length when {@code byImprovement}).
     */
    public Ranking ranking(StatsQuery q, RankingMetric metric, boolean byImprovement) {
        StatsReport.Root root = root(q.root());
        StatsPeriod previous = q.period().previous();
        Set<StatsPart> parts = metric.parts();
        StatsReport[] both = db.inTransaction("ranking " + q + " by " + metric.id(), c -> {
            snapshot(c);
            return new StatsReport[] {report(c, q, root, parts), report(c, q.withPeriod(previous), root, parts)};
        });
        Map<String, CellStats> before = new java.util.HashMap<>();
        both[1].cells().forEach(s -> before.put(s.code(), s));
        List<Ranking.Row> rows = new ArrayList<>();
        for (CellStats s : both[0].cells()) {
            Double value = metric.valueOf(s);
            CellStats p = before.get(s.code());
            Double prev = p == null ? null : metric.valueOf(p);
            Double change = value == null || prev == null ? null : metric.round(value - prev);
            Double improvement = change == null ? null : metric.round(metric.higherIsBetter() ? change : -change);
            rows.add(new Ranking.Row(null, s.code(), s.shortCode(), s.name(), value, prev, change, improvement));
        }
        List<Ranking.Row> ranked = byImprovement
                ? Ranker.rank(rows, Ranking.Row::improvement, true)
                : Ranker.rank(rows, Ranking.Row::value, metric.higherIsBetter());
        return new Ranking(q.level(), root, metric, byImprovement ? RankingMetric.IMPROVEMENT : "value",
                metric.higherIsBetter() ? "higher" : "lower", q.period().from(), q.period().to(), previous.from(),
                previous.to(), ranked);
    }

    /** The summary of the current cell {@code cell} (the caller checks that it may see it). */
    public GridSummary summary(GridCell cell) {
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(StatsPeriod.ZONE));
        LocalDate today = now.toLocalDate();
        LocalDate since = today.minusDays(SUMMARY_COMPLAINT_DAYS);
        return db.inTransaction("summarizing grid cell " + cell.code(), c -> {
            snapshot(c);
            List<List<GridSummary.Person>> duties = summaries.duties(c, cell, today);
            int[] problems = summaries.openAndOverdue(c, cell, now);
            boolean admin = cell.kind() == GridKind.ADMIN;
            return new GridSummary(
                    new GridSummary.Cell(cell.code(), admin ? AdminCode.shortForm(cell.code()) : cell.code(),
                            cell.name(), cell.level().id(), cell.kind().id(), cell.parentCode()),
                    now, duties.get(0), duties.get(1), summaries.sources(c, cell), summaries.stations(c, cell),
                    summaries.complaintsSince(c, cell, now.minusDays(SUMMARY_COMPLAINT_DAYS)), since, problems[0],
                    problems[1]);
        });
    }

    /** The report of {@code q} with the figures of {@code parts} (the others stay zero). */
    private StatsReport report(Connection c, StatsQuery q, StatsReport.Root root, Set<StatsPart> parts)
            throws SQLException {
        StatsTable t = new StatsTable(q.level(), new CellStatsBuilder(root.code(), root.level(), root.name()));
        Map<TargetClass, Integer> required = rules.required(q.level(), q.period().days());
        repo.cells(c, q, today(), t);
        if (parts.contains(StatsPart.SOURCES)) {
            repo.sources(c, q, t);
        }
        if (parts.contains(StatsPart.STATIONS)) {
            repo.stations(c, q, t);
        }
        if (parts.contains(StatsPart.COMPLAINTS)) {
            repo.complaints(c, q, t);
        }
        if (parts.contains(StatsPart.PATROLS)) {
            repo.patrols(c, q, t);
        }
        if (parts.contains(StatsPart.COVERAGE)) {
            repo.coverage(c, q, required, t);
        }
        if (parts.contains(StatsPart.PROBLEMS)) {
            repo.problems(c, q, t);
        }
        List<CellStats> cells = new ArrayList<>();
        for (CellStatsBuilder b : t.rows()) {
            t.total().add(b);
            cells.add(b.build(required));
        }
        return new StatsReport(q.level(), root, q.period().from(), q.period().to(), q.period().days(),
                rules.describe(q.level()), required, t.total().build(required), List.copyOf(cells));
    }

    private StatsReport.Root root(String code) {
        if (code == null) {
            return StatsReport.Root.WHOLE_GRID;
        }
        GridCell cell = grids.get(code, null).cell();
        return new StatsReport.Root(cell.code(), AdminCode.shortForm(cell.code()), cell.name(), cell.level());
    }

    /** All queries of one answer see the same data; none of them writes. */
    private static void snapshot(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("set transaction isolation level repeatable read, read only");
        }
    }
}
