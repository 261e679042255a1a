package cn.gridwatch.meters;

import cn.gridwatch.db.Database;
import cn.gridwatch.feeds.FeedRow;
import cn.gridwatch.feeds.FeedTable;
import cn.gridwatch.feeds.IngestReport;
import cn.gridwatch.feeds.RowError;
import cn.gridwatch.security.Actor;
import cn.gridwatch.security.AuditLog;
import cn.gridwatch.security.Scope;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Ingests 15-minute power-meter readings (CSV or JSON) into {@code meter_reading}: all or nothing.
 * Every row is checked first ({@link MeterReadingParser}; the meter exists in the register and its
 * source lies inside the caller's jurisdiction); one bad row refuses the file with every error
 * listed. A good file is upserted, so loading it again changes nothing. Thread-safe.
 */
public final class MeterReadingService {
    private final Database db;
    private final AuditLog audit;
    private final Clock clock;
    private final MeterRepository meters = new MeterRepository();

    public MeterReadingService(Database db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException when the body cannot be read as a table or lacks a column */
    public IngestReport ingest(byte[] body, String format, Scope scope, Actor actor) {
        List<RowError> errors = new ArrayList<>();
        List<FeedRow> rows = FeedTable.read(body, format, MeterReadingParser.REQUIRED);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("the body has no readings, only a header");
        }
        List<MeterReadingParser.Parsed> parsed = new MeterReadingParser().parse(rows, clock.instant(), errors);
        return db.inTransaction("ingesting meter readings", c -> {
            Map<String, MeterRepository.Meter> known = meters.meters(c, parsed.stream()
                    .map(p -> p.reading().meterCode()).collect(Collectors.toSet()));
            List<MeterRepository.Row> good = new ArrayList<>();
            for (MeterReadingParser.Parsed p : parsed) {
                MeterRepository.Meter m = known.get(p.reading().meterCode());
                if (m == null) {
                    errors.add(new RowError(p.row(), "meter_code", p.reading().meterCode(),
                            "no power meter with this code in the register"));
                } else if (!scope.isAll() && !scope.contains(m.cells().finest())) {
                    errors.add(new RowError(p.row(), "meter_code", m.code(), "the meter's source lies outside your"
                            + " jurisdiction (" + scope + ")"));
                } else {
                    good.add(new MeterRepository.Row(m.id(), p.reading().at(), p.reading().kw()));
                }
            }
            if (!errors.isEmpty()) {
                errors.sort(Comparator.comparingInt(RowError::row));
                return IngestReport.rejected(rows.size(), errors);
            }
            int[] up = meters.upsert(c, good);
            IngestReport r = IngestReport.committed(rows.size(), up[0], up[1], rows.size() - up[0] - up[1]);
            audit.append(c, actor, "meter_reading.ingest", "meter_reading", null, null,
                    Map.of("rows", r.rows(), "inserted", r.inserted(), "updated", r.updated()), format);
            return r;
        });
    }
}
