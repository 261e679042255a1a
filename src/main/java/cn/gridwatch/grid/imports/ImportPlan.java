package cn.gridwatch.grid.imports;

import cn.gridwatch.grid.CellVersion;
import java.util.List;

/**
 * What an import will write, decided against the current versions under the write lock: versions
 * to close, versions to insert, same-day versions to overwrite, and how many cells are unchanged.
 * Non-empty {@code rejections} means nothing may be written. Immutable.
 */
record ImportPlan(List<Long> toClose, List<CellVersion> toInsert, List<Overwrite> toOverwrite, int inserted,
                  int replaced, int unchanged, List<Rejection> rejections, List<CellChange> changes) {

    /** A current version that started on the import's valid-from day and is corrected in place. */
    record Overwrite(long id, CellVersion version) {
    }

    boolean changesAnything() {
        return !toInsert.isEmpty() || !toOverwrite.isEmpty();
    }
}
