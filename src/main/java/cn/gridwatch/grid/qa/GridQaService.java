package cn.gridwatch.grid.qa;

import cn.gridwatch.db.Database;
import cn.gridwatch.db.GeometryCodec;
import cn.gridwatch.grid.CellVersion;
import cn.gridwatch.grid.GeometryHash;
import cn.gridwatch.grid.GridKind;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.GridWriteRepository;
import cn.gridwatch.grid.RepairedGeometry;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * Quality report over the ADMIN grid and opt-in repair. {@link #report} only reads; it runs in one
 * transaction so its temp table lives exactly as long as the run. {@link #repair} never runs
 * implicitly: it makes invalid current geometries valid as new versions (the old one closed, history
 * kept) under the grid write lock and bumps the grid version. Areas are geodesic m². Thread-safe.
 */
public final class GridQaService {
    private final Database db;
    private final QaRepository qa = new QaRepository();
    private final GridWriteRepository writer = new GridWriteRepository();

    public GridQaService(Database db) {
        this.db = db;
    }

    public QaReport report(QaRequest request) {
        long t0 = System.nanoTime();
        return db.inTransaction("running grid QA" + (request.rootCode() == null ? "" : " under " + request.rootCode()),
                c -> {
                    Laps laps = new Laps();
                    int cells = qa.prepareScope(c, request);
                    laps.lap("scope");
                    qa.prepareFlags(c);
                    laps.lap("flags");
                    List<QaFinding> findings = new ArrayList<>();
                    qa.invalid(c, findings);
                    laps.lap(QaFinding.INVALID_GEOMETRY);
                    qa.overlaps(c, request.toleranceM2(), findings);
                    laps.lap(QaFinding.OVERLAP);
                    qa.gaps(c, request.toleranceM2(), findings);
                    laps.lap(QaFinding.COVERAGE_GAP);
                    qa.parents(c, request.toleranceM2(), findings);
                    laps.lap(QaFinding.CHILD_OUTSIDE_PARENT + "+" + QaFinding.PARENT_MISMATCH);
                    qa.missingParents(c, request.date(), findings);
                    laps.lap(QaFinding.MISSING_PARENT);
                    qa.codes(c, findings);
                    laps.lap(QaFinding.MALFORMED_CODE + "+" + QaFinding.DUPLICATE_CODE);
                    findings.sort(Comparator.comparingInt((QaFinding f) -> QaFinding.TYPES.indexOf(f.type()))
                            .thenComparing(QaFinding::code));
                    Map<String, Integer> summary = new LinkedHashMap<>();
                    QaFinding.TYPES.forEach(t -> summary.put(t, 0));
                    findings.forEach(f -> summary.merge(f.type(), 1, Integer::sum));
                    return new QaReport(request.rootCode(), request.date(), request.toleranceM2(), cells, summary,
                            List.copyOf(findings), (System.nanoTime() - t0) / 1_000_000, laps.timings());
                });
    }

    /** Milliseconds per phase, in the order the phases ran. */
    private static final class Laps {
        private final Map<String, Long> timings = new LinkedHashMap<>();
        private long since = System.nanoTime();

        void lap(String phase) {
            long now = System.nanoTime();
            timings.put(phase, (now - since) / 1_000_000);
            since = now;
        }

        Map<String, Long> timings() {
            return Collections.unmodifiableMap(timings);
        }
    }

    /**
     * Repairs every invalid current ADMIN geometry under {@code request.rootCode()} with
     * {@code ST_MakeValid} (polygonal parts kept), as a new version starting {@code validFrom}
     * (today when null). Returns what it changed; an empty list when nothing was invalid.
     */
    public List<QaRepair> repair(QaRequest request, LocalDate validFrom) {
        return repair(request, validFrom, RepairAudit.NONE);
    }

    /** As {@link #repair(QaRequest, LocalDate)}, telling {@code audit} what changed inside the transaction. */
    public List<QaRepair> repair(QaRequest request, LocalDate validFrom, RepairAudit audit) {
        if (request.date() != null) {
            throw new IllegalArgumentException("repair applies to current versions only, but a date was given: "
                    + request.date());
        }
        LocalDate from = validFrom == null ? LocalDate.now() : validFrom;
        return db.inTransaction("repairing invalid grid geometries", c -> {
            writer.lockForWrite(c);
            List<QaRepair> done = new ArrayList<>();
            for (Invalid cell : invalidCells(c, request.codePrefix())) {
                done.add(repairOne(c, cell, from));
            }
            if (done.stream().anyMatch(r -> !r.action().equals("skipped"))) {
                writer.bumpVersion(c);
                audit.repaired(c, done.stream().filter(r -> !r.action().equals("skipped")).toList());
            }
            return done;
        });
    }

    private QaRepair repairOne(Connection c, Invalid cell, LocalDate from) throws SQLException {
        RepairedGeometry r = writer.makeValid(c, cell.geometry());
        if (r.geometry().isEmpty() || from.isBefore(cell.validFrom())) {
            String why = r.geometry().isEmpty() ? "ST_MakeValid leaves no polygon"
                    : "the current version starts " + cell.validFrom() + ", after " + from;
            return new QaRepair(cell.code(), cell.name(), r.invalidReason(), r.areaBeforeM2(), r.areaAfterM2(), from,
                    "skipped", why);
        }
        CellVersion v = new CellVersion(cell.code(), cell.level(), GridKind.ADMIN, cell.name(), cell.parentCode(),
                from, r.geometry(), GeometryHash.of(r.geometry()));
        String action;
        if (from.equals(cell.validFrom())) {
            writer.overwrite(c, cell.id(), v, null);
            action = "corrected_in_place";
        } else {
            writer.close(c, List.of(cell.id()), from);
            writer.insert(c, List.of(v), null, () -> { });
            action = "new_version";
        }
        return new QaRepair(cell.code(), cell.name(), r.invalidReason(), r.areaBeforeM2(), r.areaAfterM2(), from,
                action, null);
    }

    private record Invalid(long id, String code, GridLevel level, String name, String parentCode,
                           LocalDate validFrom, Geometry geometry) {
    }

    private static List<Invalid> invalidCells(Connection c, String prefix) throws SQLException {
        String sql = "select id, code, level, name, parent_code, valid_from, ST_AsBinary(geom) from grid_cell"
                + " where kind = 'admin' and valid_to is null and code like ? and not ST_IsValid(geom) order by code";
        List<Invalid> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date from = rs.getDate(6);
                    out.add(new Invalid(rs.getLong(1), rs.getString(2), GridLevel.ofRank(rs.getInt(3)),
                            rs.getString(4), rs.getString(5), from.toLocalDate(), GeometryCodec.fromWkb(rs.getBytes(7))));
                }
            }
        }
        return out;
    }
}
