package cn.gridwatch.register;

import cn.gridwatch.db.Database;
import cn.gridwatch.geo.CrsRegistry;
import cn.gridwatch.grid.GridLocateService;
import cn.gridwatch.security.Actor;
import cn.gridwatch.security.AuditLog;
import cn.gridwatch.security.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports one register file, all or nothing. Reads it, parses and checks every row; then, in one
 * transaction holding the register lock, locates the rows with the in-memory grid index at the
 * database's grid version, resolves references, runs the register's checks, refuses rows outside the
 * importer's jurisdiction (and stored rows outside it that the file would change), and writes
 * (upsert by key, versions where the register has them, assignment history). Any refused row rolls
 * everything back and the report lists every reason. Committed imports are logged in
 * {@code register_import} and the audit log; refused ones in the audit log. Thread-safe.
 */
public final class RegisterImportService {
    private final Database db;
    private final GridLocateService locate;
    private final AuditLog audit;

    public RegisterImportService(Database db, GridLocateService locate, AuditLog audit) {
        this.db = db;
        this.locate = locate;
        this.audit = audit;
    }

    /**
     * What to import: the file, its name as the user gave it, the format (null: from the name), the
     * declared CRS (null: EPSG:4490), the importer's jurisdiction and who they are.
     */
    public record Request(Path file, String fileName, RegisterFormat format, String crs, Scope scope, Actor actor) {
    }

    /**
     * Imports {@code req.file()} into {@code spec}'s register. A file that cannot be read as a table or
     * lacks a required column throws {@link IllegalArgumentException}; refused rows come back as a
     * {@link RegisterImportReport#REJECTED} report.
     */
    public RegisterImportReport importFile(RegisterSpec spec, Request req) {
        RegisterFormat format = req.format() != null ? req.format() : RegisterFormat.fromFileName(req.fileName());
        String crs = CrsRegistry.canonical(req.crs() == null ? "EPSG:4490" : req.crs());
        Map<String, Long> timings = new LinkedHashMap<>();
        long t = System.nanoTime();
        RegisterTable table = RegisterFileReader.read(req.file(), format);
        t = lap(timings, "read", t);
        RowParser parser = new RowParser(spec, new Coordinates(crs));
        List<String> warnings = new ArrayList<>(parser.checkHeader(table.header()));
        Rejections out = new Rejections();
        List<RegisterRecord> rows = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        for (SourceRow row : table.rows()) {
            RegisterRecord r = parser.parse(row, out);
            if (r == null) {
                continue;
            }
            Integer first = firstRow.putIfAbsent(spec.key.apply(r), r.row);
            if (first != null) {
                out.add(r.row, spec.keyName.contains(",") ? null : spec.keyName, spec.key.apply(r), "duplicate "
                        + spec.keyName + " '" + spec.key.apply(r) + "': the file has it on " + format.rowWord() + " "
                        + first + " too");
            } else {
                rows.add(r);
            }
        }
        Draft draft = new Draft(spec, req, format, crs, table.rows().size(), warnings, timings);
        String sha = sha256(req.file());
        draft.lapStart = lap(timings, "parse", t);
        try {
            return db.inTransaction("importing " + spec.name() + " from " + req.fileName(),
                    c -> write(c, spec, req.scope(), rows, out, draft, sha));
        } catch (RejectedImportException e) {
            RegisterImportReport rejected = draft.rejected(e.rejections());
            audit.append(req.actor(), "register.import.rejected", "register_import", spec.id, null, summary(rejected),
                    rejected.rejections().size() + " rows refused; nothing was written");
            return rejected;
        }
    }

    private RegisterImportReport write(Connection c, RegisterSpec spec, Scope scope, List<RegisterRecord> rows,
            Rejections out, Draft draft, String sha) throws SQLException {
        RegisterLock.lock(c);
        GridLocateService.Snapshot grid = CurrentGrid.snapshot(c, locate);
        if (spec.located()) {
            CellLocator.locate(grid.index(), rows);
        }
        ReferenceResolver resolver = new ReferenceResolver(spec);
        resolver.resolve(c, rows, out);
        for (ImportCheck check : spec.checks) {
            check.check(c, rows, out);
        }
        RegisterRepository repo = new RegisterRepository(spec);
        Map<String, RegisterRecord> current = repo.current(c, rows.stream().map(r -> r.text(spec.lookupField))
                .distinct().toList());
        resolver.resolve(c, new ArrayList<>(current.values()), null);
        checkScope(spec, scope, rows, current, out, draft.format);
        if (!out.isEmpty()) {
            throw new RejectedImportException(out.sorted());
        }
        long t = lap(draft.timings, "check", draft.lapStart);
        long importId = RegisterImportLog.insert(c, draft.rejected(List.of()), sha, draft.req.actor().username());
        RecordWriter.Result result = new RecordWriter(spec, repo).write(c, rows, current, importId, grid.version());
        int outside = spec.located() ? (int) rows.stream().filter(r -> r.cells.finest() == null).count() : 0;
        if (outside > 0) {
            draft.warnings.add(outside + " rows lie outside every grid cell; they are stored without cells");
        }
        lap(draft.timings, "write", t);
        RegisterImportReport report = draft.committed(result, outside, importId, grid.version());
        RegisterImportLog.finish(c, report);
        Map<String, Object> after = summary(report);
        List<String> keys = result.changedKeys();
        after.put("changed", keys.size() > 100 ? keys.subList(0, 100) : keys);
        audit.append(c, draft.req.actor(), "register.import", "register_import", String.valueOf(importId), null, after,
                spec.id + " from " + draft.req.fileName());
        return report;
    }

    /** Officers may only write rows inside their jurisdiction, and only change stored rows inside it. */
    private static void checkScope(RegisterSpec spec, Scope scope, List<RegisterRecord> rows,
            Map<String, RegisterRecord> current, Rejections out, RegisterFormat format) {
        if (scope.isAll()) {
            return;
        }
        for (RegisterRecord r : rows) {
            if (out.hasRow(r.row)) {
                continue; // a bad reference leaves no cell to judge by
            }
            if (!scope.contains(r.scopeCode)) {
                out.add(r.row, null, r.scopeCode, "the row lies " + (r.scopeCode == null ? "outside the grid"
                        : "in cell " + r.scopeCode) + ", outside your jurisdiction (" + scope + ")");
                continue;
            }
            RegisterRecord cur = current.get(spec.key.apply(r));
            if (cur != null && !scope.contains(cur.scopeCode)) {
                out.add(r.row, null, spec.key.apply(r), spec.keyName + " '" + spec.key.apply(r) + "' is a stored row "
                        + "outside your jurisdiction (" + scope + "); this " + format.rowWord() + " may not change it");
            }
        }
    }

    private static Map<String, Object> summary(RegisterImportReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("register", r.register());
        m.put("file", r.file());
        m.put("format", r.format());
        m.put("sourceCrs", r.sourceCrs());
        m.put("rows", r.rows());
        m.put("inserted", r.inserted());
        m.put("updated", r.updated());
        m.put("unchanged", r.unchanged());
        m.put("rejected", r.rejections().size());
        return m;
    }

    private static long lap(Map<String, Long> timings, String phase, long since) {
        long now = System.nanoTime();
        timings.put(phase, (now - since) / 1_000_000);
        return now;
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("hashing " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }

    /** The parts of the report known before writing. */
    private static final class Draft {
        final RegisterSpec spec;
        final Request req;
        final RegisterFormat format;
        final String crs;
        final int rowCount;
        final List<String> warnings;
        final Map<String, Long> timings;
        long lapStart;

        Draft(RegisterSpec spec, Request req, RegisterFormat format, String crs, int rowCount, List<String> warnings,
                Map<String, Long> timings) {
            this.timings = timings;
            this.spec = spec;
            this.req = req;
            this.format = format;
            this.crs = crs;
            this.rowCount = rowCount;
            this.warnings = warnings;
        }

        RegisterImportReport rejected(List<Rejection> rejections) {
            return new RegisterImportReport(spec.id, req.fileName(), format.id(), crs, RegisterImportReport.REJECTED,
                    rowCount, 0, 0, 0, 0, 0, 0, null, null, List.copyOf(warnings), rejections, Map.copyOf(timings));
        }

        RegisterImportReport committed(RecordWriter.Result r, int outside, long importId, long gridVersion) {
            return new RegisterImportReport(spec.id, req.fileName(), format.id(), crs, RegisterImportReport.COMMITTED,
                    rowCount, r.inserted(), r.updated(), r.unchanged(), r.versions(), r.cellsRefreshed(), outside,
                    importId, gridVersion, List.copyOf(warnings), List.of(), new LinkedHashMap<>(timings));
        }
    }
}
