package cn.gridwatch.dispatch;

import cn.gridwatch.db.Database;
import cn.gridwatch.feeds.ChinaTime;
import cn.gridwatch.security.Actor;
import cn.gridwatch.security.AuditLog;
import cn.gridwatch.security.Scope;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Station-chief dispatch: finds readings above the thresholds, ranks the sources around each such
 * station by {@link UpwindWeight} (given that hour's wind), and creates one patrol task per
 * station, reading hour and source for the best-ranked ones, addressed to the people responsible
 * for the source's cell ({@link Responsibles}). Runs in one transaction; a second run over the same
 * readings creates nothing new and answers the same tasks. An officer's run covers the stations
 * inside their jurisdiction (sources around them may lie outside it: air crosses borders).
 * Thread-safe.
 */
public final class DispatchService {
    private final Database db;
    private final AuditLog audit;
    private final DispatchSettings settings;
    private final Clock clock;
    private final StationRepository stations = new StationRepository();
    private final StationReadingRepository readings = new StationReadingRepository();
    private final NearbySourceRepository nearby = new NearbySourceRepository();
    private final DutyRepository duties = new DutyRepository();
    private final PatrolTaskRepository tasks = new PatrolTaskRepository();

    public DispatchService(Database db, AuditLog audit, DispatchSettings settings, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** The server-wide defaults a request starts from. */
    public DispatchSettings settings() {
        return settings;
    }

    public DispatchResult run(DispatchRequest req, Scope scope, Actor actor) {
        return db.inTransaction("running station dispatch", c -> {
            List<StationReading> window = readings.window(c, req.from(), req.to(), req.station());
            Map<String, Station> known = stations.find(c, window.stream().map(StationReading::stationCode)
                    .collect(Collectors.toSet()));
            List<StationReading> high = new ArrayList<>();
            for (StationReading r : window) {
                Station s = known.get(r.stationCode());
                if (s != null && (scope.isAll() || scope.contains(s.cells().finest()))
                        && !req.thresholds().exceeded(r).isEmpty()) {
                    high.add(r);
                }
            }
            Map<String, List<NearbySource>> around = nearby.around(c,
                    high.stream().map(StationReading::stationCode).collect(Collectors.toSet()), req.radiusM());
            Map<String, List<Officer>> onDuty = duties.onDuty(c, cellsOf(around), LocalDate.now(clock.withZone(
                    ChinaTime.ZONE)));
            List<Planned> planned = new ArrayList<>();
            List<PatrolTaskRepository.NewTask> newTasks = new ArrayList<>();
            for (StationReading r : high) {
                Planned p = plan(r, known.get(r.stationCode()), around.getOrDefault(r.stationCode(), List.of()), req,
                        onDuty, actor);
                planned.add(p);
                newTasks.addAll(p.tasks);
            }
            Map<String, PatrolTaskRepository.Stored> stored = tasks.insertAll(c, newTasks);
            DispatchResult result = result(req, window.size(), planned, stored);
            record(c, actor, req, result);
            return result;
        });
    }

    /** One exceeding reading with its ranked sources and the tasks they need. */
    private record Planned(StationReading reading, Station station, List<Thresholds.Trigger> triggers,
            int inRadius, List<NearbySource> ranked, List<Double> weights, List<Responsibles.Responsible> who,
            List<PatrolTaskRepository.NewTask> tasks) {
    }

    private static Planned plan(StationReading r, Station station, List<NearbySource> sources, DispatchRequest req,
            Map<String, List<Officer>> onDuty, Actor actor) {
        List<Thresholds.Trigger> triggers = req.thresholds().exceeded(r);
        Map<NearbySource, Double> weight = new LinkedHashMap<>();
        for (NearbySource n : sources) {
            weight.put(n, UpwindWeight.weight(n.distanceM(), n.bearingDeg(), r.windFromDeg(), r.windSpeed(),
                    req.radiusM()));
        }
        List<NearbySource> ranked = sources.stream()
                .sorted(Comparator.comparingDouble((NearbySource n) -> -weight.get(n))
                        .thenComparingDouble(NearbySource::distanceM).thenComparing(NearbySource::code))
                .limit(req.maxSources()).toList();
        String reason = reason(r, triggers);
        List<Double> weights = new ArrayList<>();
        List<Responsibles.Responsible> who = new ArrayList<>();
        List<PatrolTaskRepository.NewTask> newTasks = new ArrayList<>();
        for (NearbySource n : ranked) {
            double w = Math.round(weight.get(n) * 10_000) / 10_000.0;
            Responsibles.Responsible resp = Responsibles.of(n.cells(), onDuty);
            weights.add(w);
            who.add(resp);
            newTasks.add(new PatrolTaskRepository.NewTask(reason + "; source " + n.code() + " " + n.name(),
                    r.stationCode(), r.at(), n.sourceId(), resp.gridCode(), w, resp.officers(), actor.username()));
        }
        return new Planned(r, station, triggers, sources.size(), ranked, weights, who, newTasks);
    }

    private static String reason(StationReading r, List<Thresholds.Trigger> triggers) {
        return "station " + r.stationCode() + " at " + r.at().atOffset(ChinaTime.ZONE).toLocalDateTime() + " (+08:00): "
                + triggers.stream().map(t -> t.pollutant() + " " + fmt(t.value()) + " > " + fmt(t.limit()) + " "
                + t.unit()).collect(Collectors.joining(", "));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static Set<String> cellsOf(Map<String, List<NearbySource>> around) {
        Set<String> out = new HashSet<>();
        around.values().forEach(list -> list.forEach(n -> out.addAll(Responsibles.upward(n.cells()))));
        return out;
    }

    private static DispatchResult result(DispatchRequest req, int readingCount, List<Planned> planned,
            Map<String, PatrolTaskRepository.Stored> stored) {
        int created = 0;
        int existing = 0;
        List<DispatchResult.Exceedance> out = new ArrayList<>();
        for (Planned p : planned) {
            List<DispatchResult.RankedSource> sources = new ArrayList<>();
            for (int i = 0; i < p.ranked.size(); i++) {
                NearbySource n = p.ranked.get(i);
                PatrolTaskRepository.Stored s = stored.get(p.tasks.get(i).key());
                if (s.created()) {
                    created++;
                } else {
                    existing++;
                }
                sources.add(new DispatchResult.RankedSource(i + 1, n.sourceId(), n.code(), n.name(), n.category(),
                        Math.round(n.distanceM() * 10) / 10.0, n.bearingDeg() == null ? null
                        : Math.round(n.bearingDeg() * 10) / 10.0, p.weights.get(i), p.who.get(i).gridCode(),
                        p.who.get(i).officers(), s.id(), s.created(), n.lon(), n.lat()));
            }
            StationReading r = p.reading;
            out.add(new DispatchResult.Exceedance(r.stationCode(), p.station.name(), r.at(), p.triggers,
                    r.windFromDeg(), r.windSpeed(), p.inRadius, sources));
        }
        return new DispatchResult(req.thresholds().asMap(), req.radiusM(), readingCount, created, existing, out);
    }

    private void record(Connection c, Actor actor, DispatchRequest req, DispatchResult r) throws SQLException {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("from", req.from().toString());
        after.put("to", req.to().toString());
        after.put("station", req.station());
        after.put("thresholds", r.thresholds());
        after.put("radiusM", r.radiusM());
        after.put("readings", r.readings());
        after.put("exceedances", r.exceedances().size());
        after.put("tasksCreated", r.tasksCreated());
        audit.append(c, actor, "dispatch.run", "patrol_task", null, null, after, null);
    }
}
