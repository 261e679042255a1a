package cn.gridwatch.register;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the checked rows of one import against the current stored rows, by key: a new key is
 * inserted; the same content is left alone (only its cells are refreshed if the grid moved under it);
 * other content updates the row in place, or, for versioned registers when the {@link VersionRule}
 * says so, closes the current row at the incoming {@code valid_from} and opens a new one (a
 * {@code valid_from} before the current one's is refused; the same day corrects in place). Located
 * rows get their cells stored and their grid assignment recorded in bulk. Not thread-safe: one per
 * import.
 */
final class RecordWriter {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RecordWriter.class);
    /** What an import changed. */
    record Result(int inserted, int updated, int unchanged, int versions, int cellsRefreshed, List<String> changedKeys) {
    }

    private final RegisterSpec spec;
    private final RegisterRepository repo;

    RecordWriter(RegisterSpec spec, RegisterRepository repo) {
        this.spec = spec;
        this.repo = repo;
    }

    Result write(Connection c, List<RegisterRecord> incoming, Map<String, RegisterRecord> current, long importId,
            long gridVersion) throws SQLException {
        Rejections out = new Rejections();
        List<RegisterRecord> inserts = new ArrayList<>();
        List<RegisterRecord> updates = new ArrayList<>();
        List<RegisterRecord> cellsOnly = new ArrayList<>();
        List<Long> closeIds = new ArrayList<>();
        List<LocalDate> closeDates = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        int unchanged = 0;
        for (RegisterRecord r : incoming) {
            RegisterRecord cur = current.get(spec.key.apply(r));
            if (cur == null) {
                inserts.add(r);
                changed.add(spec.key.apply(r));
            } else if (r.sameContent(cur)) {
                unchanged++;
                if (spec.located() && !r.cells.sameAs(cur.cells)) {
                    r.id = cur.id;
                    cellsOnly.add(r);
                }
            } else if (spec.versioned() && spec.versions.newVersion().test(cur, r)) {
                LocalDate from = (LocalDate) r.get("valid_from");
                LocalDate curFrom = (LocalDate) cur.get("valid_from");
                if (from.isAfter(curFrom)) {
                    closeIds.add(cur.id);
                    closeDates.add(from);
                    inserts.add(r);
                } else if (from.equals(curFrom)) {
                    r.id = cur.id;
                    updates.add(r);
                } else {
                    out.add(r.row, "valid_from", from.toString(), "this change opens a new version of "
                            + spec.keyName + " '" + spec.key.apply(r) + "', so valid_from must be after " + curFrom
                            + ", the valid_from of its current version");
                }
                changed.add(spec.key.apply(r));
            } else {
                r.id = cur.id;
                updates.add(r);
                changed.add(spec.key.apply(r));
            }
        }
        if (!out.isEmpty()) {
            throw new RejectedImportException(out.sorted());
        }
        if (!closeIds.isEmpty()) {
            repo.close(c, closeIds, closeDates);
            if (spec.located()) {
                AssignmentBatch.closeCurrent(c, spec.table, closeIds);
            }
        }
        long t = System.nanoTime();
        repo.insert(c, inserts, importId);
        repo.update(c, updates, importId);
        t = debug("insert and update", t);
        assignIds(c, inserts);
        t = debug("read back ids", t);
        List<RegisterRecord> written = new ArrayList<>(inserts);
        written.addAll(updates);
        if (spec.located()) {
            repo.updateCells(c, cellsOnly);
            List<RegisterRecord> assigned = new ArrayList<>(written);
            assigned.addAll(cellsOnly);
            AssignmentBatch.record(c, spec.table, assigned.stream().map(r -> r.id).toList(),
                    assigned.stream().map(r -> r.cells).toList(), gridVersion);
            t = debug("assignments", t);
        }
        if (spec.reference(Reference.Kind.SOURCES) != null) {
            repo.replaceLinks(c, inserts, true);
            repo.replaceLinks(c, updates, false);
            debug("source links", t);
        }
        int versions = closeIds.size();
        return new Result(inserts.size() - versions, updates.size() + versions, unchanged, versions, cellsOnly.size(),
                changed);
    }

    private long debug(String step, long since) {
        long now = System.nanoTime();
        LOG.debug("{} {}: {} ms", spec.id, step, (now - since) / 1_000_000);
        return now;
    }

    /** Reads back the ids of inserted rows by key (they are current and unique in the file). */
    private void assignIds(Connection c, List<RegisterRecord> inserts) throws SQLException {
        if (inserts.isEmpty()) {
            return;
        }
        List<String> lookups = inserts.stream().map(r -> r.text(spec.lookupField)).distinct().toList();
        Map<String, Long> stored = repo.currentIds(c, lookups);
        for (RegisterRecord r : inserts) {
            Long id = stored.get(spec.key.apply(r));
            if (id == null) {
                throw new IllegalStateException("row " + r.row + " of register " + spec.id + " was inserted but is not"
                        + " found by its key " + spec.key.apply(r));
            }
            r.id = id;
        }
    }
}
