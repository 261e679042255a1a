package cn.gridwatch.dispatch;

import cn.gridwatch.db.Database;
import cn.gridwatch.feeds.FeedTable;
import cn.gridwatch.feeds.IngestReport;
import cn.gridwatch.feeds.RowError;
import cn.gridwatch.security.Actor;
import cn.gridwatch.security.AuditLog;
import cn.gridwatch.security.Scope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Ingests hourly air-station readings (CSV or JSON) into {@code station_reading}: all or nothing.
 * Every row is checked first (values, hour boundary, duplicates, the station exists as a current
 * air station in the register and lies inside the caller's jurisdiction); one bad row refuses the
 * whole file with every error listed. A good file is upserted: loading it again changes nothing,
 * a corrected value replaces the old one. Thread-safe.
 */
public final class ReadingService {
    private final Database db;
    private final AuditLog audit;
    private final StationRepository stations = new StationRepository();
    private final StationReadingRepository readings = new StationReadingRepository();

    public ReadingService(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** @throws IllegalArgumentException when the body cannot be read as a table or lacks a column */
    public IngestReport ingest(byte[] body, String format, Scope scope, Actor actor) {
        List<RowError> errors = new ArrayList<>();
        var rows = FeedTable.read(body, format, StationReadingParser.REQUIRED);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("the body has no readings, only a header");
        }
        List<StationReadingParser.Parsed> parsed = new StationReadingParser().parse(rows, errors);
        return db.inTransaction("ingesting station readings", c -> {
            Map<String, Station> known = stations.find(c, parsed.stream().map(p -> p.reading().stationCode())
                    .collect(Collectors.toSet()));
            for (StationReadingParser.Parsed p : parsed) {
                Station s = known.get(p.reading().stationCode());
                if (s == null) {
                    errors.add(new RowError(p.row(), "station_code", p.reading().stationCode(),
                            "no current air station with this code in the monitoring-point register"));
                } else if (!scope.isAll() && !scope.contains(s.cells().finest())) {
                    errors.add(new RowError(p.row(), "station_code", s.code(), "the station lies outside your"
                            + " jurisdiction (" + scope + ")"));
                }
            }
            if (!errors.isEmpty()) {
                errors.sort(Comparator.comparingInt(RowError::row));
                return IngestReport.rejected(rows.size(), errors);
            }
            var up = readings.upsert(c, parsed.stream().map(StationReadingParser.Parsed::reading).toList());
            IngestReport r = IngestReport.committed(rows.size(), up.inserted(), up.updated(),
                    rows.size() - up.inserted() - up.updated());
            audit.append(c, actor, "station_reading.ingest", "station_reading", null, null,
                    Map.of("rows", r.rows(), "inserted", r.inserted(), "updated", r.updated()), format);
            return r;
        });
    }
}
