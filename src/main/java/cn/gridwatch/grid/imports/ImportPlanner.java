package cn.gridwatch.grid.imports;

import cn.gridwatch.grid.CellVersion;
import cn.gridwatch.grid.CurrentRow;
import cn.gridwatch.grid.GridWriteRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides per (code, kind) whether a prepared cell is new, unchanged, replaces the current version
 * (closed on the import's valid-from day, history kept) or corrects a version that started that
 * same day; refuses a version that would start before the current one. Then writes the plan.
 * Stateless and thread-safe; the caller holds the write lock and owns the transaction.
 */
final class ImportPlanner {
    private final GridWriteRepository repo;

    ImportPlanner(GridWriteRepository repo) {
        this.repo = repo;
    }

    ImportPlan plan(Connection c, List<PreparedCell> cells, ImportRequest req) throws SQLException {
        List<String> codes = cells.stream().map(PreparedCell::code).toList();
        Map<String, CurrentRow> current = repo.current(c, req.kind(), codes);
        List<Long> toClose = new ArrayList<>();
        List<CellVersion> toInsert = new ArrayList<>();
        List<ImportPlan.Overwrite> toOverwrite = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        List<CellChange> changes = new ArrayList<>();
        int inserted = 0;
        int replaced = 0;
        int unchanged = 0;
        for (PreparedCell p : cells) {
            CellVersion v = new CellVersion(p.code(), req.level(), req.kind(), p.name(), p.parentCode(),
                    req.validFrom(), p.geometry(), p.geomHash());
            CurrentRow cur = current.get(p.code());
            if (cur == null) {
                toInsert.add(v);
                inserted++;
            } else if (cur.level() == req.level() && cur.name().equals(p.name())
                    && Objects.equals(cur.parentCode(), p.parentCode()) && cur.geomHash().equals(p.geomHash())) {
                unchanged++;
            } else if (req.validFrom().isBefore(cur.validFrom())) {
                rejections.add(new Rejection(p.feature(), p.code(), "valid-from " + req.validFrom()
                        + " is before " + cur.validFrom() + ", when the current version of " + p.code()
                        + " started; import older versions first"));
            } else if (req.validFrom().equals(cur.validFrom())) {
                changes.add(change(cur, v));
                toOverwrite.add(new ImportPlan.Overwrite(cur.id(), v));
                replaced++;
            } else {
                changes.add(change(cur, v));
                toClose.add(cur.id());
                toInsert.add(v);
                replaced++;
            }
        }
        return new ImportPlan(toClose, toInsert, toOverwrite, inserted, replaced, unchanged, rejections, changes);
    }

    private static CellChange change(CurrentRow cur, CellVersion v) {
        return new CellChange(v.code(), v.kind().id(),
                new CellChange.Version(cur.name(), cur.parentCode(), cur.validFrom(), cur.geomHash()),
                new CellChange.Version(v.name(), v.parentCode(), v.validFrom(), v.geomHash()));
    }

    /** Writes {@code plan}: closes first (the current-version unique index), then inserts in batches. */
    void write(Connection c, ImportPlan plan, ImportRequest req, long importId, ProgressListener progress)
            throws SQLException {
        repo.close(c, plan.toClose(), req.validFrom());
        for (ImportPlan.Overwrite o : plan.toOverwrite()) {
            repo.overwrite(c, o.id(), o.version(), importId);
        }
        long total = plan.toInsert().size();
        long[] done = {0};
        progress.progress("write", 0, total);
        repo.insert(c, plan.toInsert(), importId, () -> {
            done[0] = Math.min(total, done[0] + 500);
            progress.progress("write", done[0], total);
        });
    }
}
