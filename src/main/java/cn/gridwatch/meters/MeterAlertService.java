package cn.gridwatch.meters;

import cn.gridwatch.db.Database;
import cn.gridwatch.feeds.ChinaTime;
import cn.gridwatch.problems.NewProblem;
import cn.gridwatch.problems.Problem;
import cn.gridwatch.problems.ProblemOrigin;
import cn.gridwatch.problems.ProblemService;
import cn.gridwatch.security.Actor;
import cn.gridwatch.security.AuditLog;
import cn.gridwatch.security.Scope;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Power-meter alerts: for every production/control pair (of the caller's jurisdiction) detects the
 * periods where production runs while the control equipment is off or far below its normal ratio
 * ({@link MeterAlertDetector}) and turns each new period into a problem (origin {@code meter_alert})
 * for the source's grid through {@link ProblemService}. Idempotent: a period already recorded in
 * {@code meter_alert} (same pair, overlapping or touching) is reported, or widened when it grew,
 * never duplicated. Runs are serialized by an advisory lock and run in one transaction. Thread-safe.
 */
public final class MeterAlertService {
    private final Database db;
    private final AuditLog audit;
    private final ProblemService problems;
    private final MeterRepository meters = new MeterRepository();
    private final MeterAlertRepository alerts = new MeterAlertRepository();

    public MeterAlertService(Database db, AuditLog audit, ProblemService problems) {
        this.db = db;
        this.audit = audit;
        this.problems = problems;
    }

    public MeterAlertResult run(MeterAlertRequest req, Scope scope, Actor actor) {
        AlertSettings s = req.settings();
        return db.inTransaction("running power-meter alerts", c -> {
            alerts.lockRuns(c);
            List<MeterAlertResult.Skipped> skipped = new ArrayList<>();
            List<MeterAlertResult.Alert> found = new ArrayList<>();
            int checked = 0;
            Instant baselineFrom = req.to().minus(Duration.ofDays(s.baselineDays()));
            Instant loadFrom = baselineFrom.isBefore(req.from()) ? baselineFrom : req.from();
            for (MeterPair pair : meters.pairs(c, req.sourceCode())) {
                String finest = pair.cells().finest();
                if (!scope.isAll() && (finest == null || !scope.contains(finest))) {
                    continue;
                }
                String why = finest == null ? "the source lies outside every grid cell"
                        : pair.normalRatio() == null ? "neither meter has a normal_ratio (control kW / production kW)"
                        : null;
                if (why != null) {
                    skipped.add(new MeterAlertResult.Skipped(pair.sourceCode(), pair.productionCode(),
                            pair.controlCode(), why));
                    continue;
                }
                checked++;
                Map<Long, NavigableMap<Instant, Double>> series = meters.series(c,
                        List.of(pair.productionId(), pair.controlId()), loadFrom, req.to());
                NavigableMap<Instant, Double> production = series.getOrDefault(pair.productionId(), new TreeMap<>());
                double[] baseline = production.subMap(baselineFrom, true, req.to(), false).values().stream()
                        .mapToDouble(Double::doubleValue).toArray();
                double runKw = MeterAlertDetector.runThresholdKw(baseline, s);
                for (AlertPeriod p : MeterAlertDetector.detect(production,
                        series.getOrDefault(pair.controlId(), new TreeMap<>()), pair.normalRatio(), runKw, req.from(),
                        req.to(), s)) {
                    found.add(record(c, req, pair, p, runKw, scope, actor));
                }
            }
            audit.append(c, actor, "meter_alert.run", "meter_alert", null, null, Map.of("from", req.from().toString(),
                    "to", req.to().toString(), "pairsChecked", checked, "periods", found.size(), "created",
                    found.stream().filter(a -> a.status().equals("created")).count()), req.sourceCode());
            return new MeterAlertResult(s, checked, skipped, found);
        });
    }

    private MeterAlertResult.Alert record(Connection c, MeterAlertRequest req, MeterPair pair, AlertPeriod p, double runKw, Scope scope,
            Actor actor) throws SQLException {
        MeterAlertRepository.Stored old = alerts.overlapping(c, pair, p);
        if (old != null) {
            boolean grew = p.start().isBefore(old.start()) || p.end().isAfter(old.end());
            if (grew) {
                alerts.widen(c, old.id(), p);
            }
            Instant start = p.start().isBefore(old.start()) ? p.start() : old.start();
            Instant end = p.end().isAfter(old.end()) ? p.end() : old.end();
            return alert(old.id(), grew ? "widened" : "existing", old.problemId(), old.problemCode(), pair, start, end,
                    (int) (Duration.between(start, end).toMinutes() / 15), p, runKw);
        }
        long id = alerts.insert(c, pair, p, actor.username());
        Problem problem = problems.createIn(c, new NewProblem(null, title(pair), description(pair, p, runKw, req.settings()),
                ProblemOrigin.METER_ALERT, id, pair.sourceCode(), null, null, null, p.start(), null), scope, actor);
        alerts.setProblem(c, id, problem.id());
        return alert(id, "created", problem.id(), problem.code(), pair, p.start(), p.end(), p.intervals(), p, runKw);
    }

    private static MeterAlertResult.Alert alert(long id, String status, Long problemId, String problemCode,
            MeterPair pair, Instant start, Instant end, int intervals, AlertPeriod p, double runKw) {
        return new MeterAlertResult.Alert(id, status, problemId, problemCode, pair.sourceCode(), pair.sourceName(),
                pair.productionCode(), pair.controlCode(), start, end, intervals, round(p.minRatio()),
                pair.normalRatio(), round(runKw));
    }

    private static String title(MeterPair pair) {
        return "治污设施异常：生产运行时" + pair.controlEquipment() + "停运或低负荷（" + pair.sourceName() + "）";
    }

    private static String description(MeterPair pair, AlertPeriod p, double runKw, AlertSettings s) {
        return "Production meter " + pair.productionCode() + " ran above " + round(runKw) + " kW (mean "
                + round(p.meanProductionKw()) + " kW) while control meter " + pair.controlCode() + " ("
                + pair.controlEquipment() + ") stayed below " + Math.round(s.ratioFraction() * 100) + "% of the normal ratio " + pair.normalRatio()
                + " (lowest ratio " + round(p.minRatio()) + ") from " + local(p.start()) + " to " + local(p.end())
                + " (+08:00), " + p.intervals() + " intervals of 15 minutes.";
    }

    private static String local(Instant t) {
        return t.atOffset(ChinaTime.ZONE).toLocalDateTime().toString();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
