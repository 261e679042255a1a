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
import java.util.Collection;
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
            Map<String, Neighbours> around = nearby.around(c,
                    high.stream().map(StationReading::stationCode).collect(Collectors.toSet()), req.radiusM());
            List<Planned> planned = new ArrayList<>();
            Set<Long> chosen = new HashSet<>();
            for (StationReading r : high) {
                Neighbours n = around.getOrDefault(r.stationCode(), Neighbours.NONE);
                SourceRanking.Ranked ranked = SourceRanking.top(n, r.windFromDeg(), r.windSpeed(), req.radiusM(),
                        req.maxSources());
                Planned p = new Planned(r, known.get(r.stationCode()), req.thresholds().exceeded(r), n, ranked);
                for (int pos : ranked.positions()) {
                    chosen.add(n.sourceIds()[pos]);
                }
                planned.add(p);
            }
            Map<Long, SourceInfo> sources = nearby.describe(c, chosen);
            Map<String, List<Officer>> onDuty = duties.onDuty(c, cellsOf(sources.values()),
                    LocalDate.now(clock.withZone(ChinaTime.ZONE)));
            List<PatrolTaskRepository.NewTask> newTasks = new ArrayList<>();
            for (Planned p : planned) {
                String reason = reason(p.reading, p.triggers);
                for (int i = 0; i < p.ranked.positions().length; i++) {
                    SourceInfo s = sources.get(p.sourceId(i));
                    Responsibles.Responsible who = Responsibles.of(s.cells(), onDuty);
                    p.who.add(who);
                    p.tasks.add(new PatrolTaskRepository.NewTask(reason + "; source " + s.code() + " " + s.name(),
                            p.reading.stationCode(), p.reading.at(), s.id(), who.gridCode(), p.ranked.weights()[i],
                            who.officers(), actor.username()));
                }
                newTasks.addAll(p.tasks);
            }
            Map<String, PatrolTaskRepository.Stored> stored = tasks.insertAll(c, newTasks);
            DispatchResult result = result(req, window.size(), planned, sources, stored);
            record(c, actor, req, result);
            return result;
        });
    }

    /** One exceeding reading, its neighbours ranked, and (filled in later) who answers and the tasks. */
    private static final class Planned {
        final StationReading reading;
        final Station station;
        final List<Thresholds.Trigger> triggers;
        final Neighbours neighbours;
        final SourceRanking.Ranked ranked;
        final List<Responsibles.Responsible> who = new ArrayList<>();
        final List<PatrolTaskRepository.NewTask> tasks = new ArrayList<>();

        Planned(StationReading reading, Station station, List<Thresholds.Trigger> triggers, Neighbours neighbours,
                SourceRanking.Ranked ranked) {
            this.reading = reading;
            this.station = station;
            this.triggers = triggers;
            this.neighbours = neighbours;
            this.ranked = ranked;
        }

        long sourceId(int rank) {
            return neighbours.sourceIds()[ranked.positions()[rank]];
        }
    }

    private static String reason(StationReading r, List<Thresholds.Trigger> triggers) {
        return "station " + r.stationCode() + " at " + r.at().atOffset(ChinaTime.ZONE).toLocalDateTime() + " (+08:00): "
                + triggers.stream().map(t -> t.pollutant() + " " + fmt(t.value()) + " > " + fmt(t.limit()) + " "
                + t.unit()).collect(Collectors.joining(", "));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static Set<String> cellsOf(Collection<SourceInfo> sources) {
        Set<String> out = new HashSet<>();
        sources.forEach(s -> out.addAll(Responsibles.upward(s.cells())));
        return out;
    }

    private static DispatchResult result(DispatchRequest req, int readingCount, List<Planned> planned,
            Map<Long, SourceInfo> sources, Map<String, PatrolTaskRepository.Stored> stored) {
        int created = 0;
        int existing = 0;
        List<DispatchResult.Exceedance> out = new ArrayList<>();
        for (Planned p : planned) {
            List<DispatchResult.RankedSource> ranked = new ArrayList<>();
            for (int i = 0; i < p.tasks.size(); i++) {
                SourceInfo s = sources.get(p.sourceId(i));
                int pos = p.ranked.positions()[i];
                double bearing = p.neighbours.bearingDeg()[pos];
                PatrolTaskRepository.Stored t = stored.get(p.tasks.get(i).key());
                if (t.created()) {
                    created++;
                } else {
                    existing++;
                }
                ranked.add(new DispatchResult.RankedSource(i + 1, s.id(), s.code(), s.name(), s.category(),
                        Math.round(p.neighbours.distanceM()[pos] * 10) / 10.0,
                        Double.isNaN(bearing) ? null : Math.round(bearing * 10) / 10.0, p.ranked.weights()[i],
                        p.who.get(i).gridCode(), p.who.get(i).officers(), t.id(), t.created(), s.lon(), s.lat()));
            }
            StationReading r = p.reading;
            out.add(new DispatchResult.Exceedance(r.stationCode(), p.station.name(), r.at(), p.triggers,
                    r.windFromDeg(), r.windSpeed(), p.neighbours.size(), ranked));
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
