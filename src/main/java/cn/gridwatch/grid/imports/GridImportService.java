package cn.gridwatch.grid.imports;

import cn.gridwatch.db.Database;
import cn.gridwatch.geo.CrsRegistry;
import cn.gridwatch.grid.GridKind;
import cn.gridwatch.grid.GridWriteRepository;
import cn.gridwatch.grid.io.ReadOptions;
import cn.gridwatch.grid.io.SourceData;
import cn.gridwatch.grid.io.SourceFeature;
import cn.gridwatch.grid.io.SourceFormat;
import cn.gridwatch.grid.io.SourceReaders;
import cn.gridwatch.grid.qa.GridQaService;
import cn.gridwatch.grid.qa.QaReport;
import cn.gridwatch.grid.qa.QaRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Imports one file of grid cells, all or nothing. Reads the file, resolves the source CRS (declared
 * wins over the file's), validates every feature (in parallel), and refuses the whole file when any
 * feature is refused, listing them all. Otherwise, in one transaction holding the grid write lock
 * ({@code pg_advisory_xact_lock}), versions each (code, kind) against its current version, writes,
 * records a {@code grid_import} row and bumps the grid version with {@code pg_notify('grid_changed')}
 * when anything changed. Stored geometry is EPSG:4490. Thread-safe; concurrent imports serialize.
 */
public final class GridImportService {
    private static final int PROGRESS_EVERY = 1_000;
    private final Database db;
    private final GridQaService qa;
    private final SourceReaders readers = new SourceReaders();
    private final GridWriteRepository repo = new GridWriteRepository();
    private final ImportPlanner planner = new ImportPlanner(repo);
    private final ImportLogRepository log = new ImportLogRepository();

    public GridImportService(Database db, GridQaService qa) {
        this.db = db;
        this.qa = qa;
    }

    public ImportReport importFile(ImportRequest req) {
        return importFile(req, ProgressListener.NONE);
    }

    /**
     * Imports {@code req.path()}. File-level problems (unreadable file, unknown or undeclared CRS,
     * GDAL failure) throw {@link IllegalArgumentException} with the cause; feature-level problems
     * come back as a {@link ImportStatus#REJECTED} report.
     */
    public ImportReport importFile(ImportRequest req, ProgressListener listener) {
        ProgressListener progress = synchronizedListener(listener);
        Map<String, Long> timings = new LinkedHashMap<>();
        long t = System.nanoTime();
        progress.progress("read", 0, 1);
        SourceData data = readers.read(req.path(), req.format(),
                new ReadOptions(req.encoding(), req.layer(), req.wktColumn()));
        progress.progress("read", 1, 1);
        t = lap(timings, "read", t);
        List<String> warnings = new ArrayList<>(data.notes());
        String crs = ImportCrs.resolve(req.crs(), data, warnings);
        FeatureValidator validator = new FeatureValidator(req.level(), req.kind(), req.mapping(),
                CrsRegistry.toCgcs2000(crs), crs);
        List<FeatureValidator.Outcome> outcomes = validate(data.features(), validator, progress);
        List<PreparedCell> cells = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (FeatureValidator.Outcome o : outcomes) {
            if (o.cell() != null) {
                cells.add(o.cell());
            } else {
                rejections.add(o.rejection());
            }
            if (o.warning() != null) {
                warnings.add(o.warning());
            }
        }
        rejections.addAll(Duplicates.find(cells));
        rejections.addAll(outsideJurisdiction(cells, req.allowedCodePrefix()));
        t = lap(timings, "validate", t);
        ReportDraft draft = new ReportDraft(req, data, crs, warnings, timings);
        if (!rejections.isEmpty()) {
            return draft.rejected(rejections);
        }
        ImportReport report;
        if (req.dryRun()) {
            report = db.withConnection("dry-running the import of " + req.path(),
                    c -> draft.dryRun(planner.plan(c, repairs(c, cells, req, draft), req)));
        } else {
            String sha = FileHash.sha256(req.path());
            report = db.inTransaction("importing " + req.path(), c -> {
                repo.lockForWrite(c);
                List<PreparedCell> ready = repairs(c, cells, req, draft);
                ImportPlan plan = planner.plan(c, ready, req);
                if (!plan.rejections().isEmpty()) {
                    return draft.rejected(plan.rejections());
                }
                long importId = log.insert(c, draft.committed(plan, null, null), sha);
                planner.write(c, plan, req, importId, progress);
                Long version = plan.changesAnything() ? repo.bumpVersion(c) : null;
                ImportReport done = draft.committed(plan, importId, version);
                log.updateReport(c, importId, done);
                req.audit().committed(c, done, plan.changes());
                return done;
            });
        }
        t = lap(timings, "write", t);
        if (report.status() == ImportStatus.COMMITTED && req.qa() && req.kind() == GridKind.ADMIN && qa != null) {
            progress.progress("qa", 0, 1);
            QaReport q = qa.report(QaRequest.under(ImportCrs.commonRoot(cells)));
            progress.progress("qa", 1, 1);
            lap(timings, "qa", t);
            report = report.withQa(q, timings);
        }
        return report;
    }

    /** With a code prefix (an officer's jurisdiction), every cell outside it is refused. */
    private static List<Rejection> outsideJurisdiction(List<PreparedCell> cells, String prefix) {
        if (prefix == null) {
            return List.of();
        }
        return cells.stream().filter(p -> !p.code().startsWith(prefix))
                .map(p -> new Rejection(p.feature(), p.code(), "code " + p.code()
                        + " lies outside your jurisdiction (codes starting " + prefix + ")"))
                .toList();
    }

    private static List<FeatureValidator.Outcome> validate(List<SourceFeature> features, FeatureValidator v,
                                                          ProgressListener progress) {
        AtomicInteger done = new AtomicInteger();
        int total = features.size();
        progress.progress("validate", 0, total);
        List<FeatureValidator.Outcome> out = IntStream.range(0, total).parallel().mapToObj(i -> {
            FeatureValidator.Outcome o = v.check(features.get(i));
            int d = done.incrementAndGet();
            if (d % PROGRESS_EVERY == 0) {
                progress.progress("validate", d, total);
            }
            return o;
        }).toList();
        progress.progress("validate", total, total);
        return out;
    }

    /** With {@code repair}, invalid geometries are made valid (recorded); otherwise each is a warning. */
    private List<PreparedCell> repairs(Connection c, List<PreparedCell> cells, ImportRequest req, ReportDraft draft)
            throws SQLException {
        List<PreparedCell> out = new ArrayList<>(cells.size());
        for (PreparedCell p : cells) {
            if (p.invalidReason() == null) {
                out.add(p);
            } else if (!req.repair()) {
                draft.warnings().add("feature " + p.feature() + " (" + p.code() + "): invalid geometry stored as it is: "
                        + p.invalidReason() + "; import with repair or see the QA report");
                out.add(p);
            } else {
                out.add(draft.repaired(p, repo.makeValid(c, p.geometry())));
            }
        }
        return out;
    }

    private static ProgressListener synchronizedListener(ProgressListener l) {
        Object lock = new Object();
        return (phase, done, total) -> {
            synchronized (lock) {
                l.progress(phase, done, total);
            }
        };
    }

    private static long lap(Map<String, Long> timings, String phase, long since) {
        long now = System.nanoTime();
        timings.put(phase, (now - since) / 1_000_000);
        return now;
    }
}
