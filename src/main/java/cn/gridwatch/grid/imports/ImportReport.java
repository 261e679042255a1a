package cn.gridwatch.grid.imports;

import cn.gridwatch.grid.GridKind;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.qa.QaReport;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What an import did, or would do (dry run), or why it refused the file.
 *
 * @param status      committed, rejected (nothing written) or dry run
 * @param file        the source file name
 * @param sourceCrs   the CRS the coordinates were read in (declared or the file's)
 * @param fileCrs     the CRS the file itself declares, or null
 * @param features    features read
 * @param inserted    cells that had no current version
 * @param replaced    cells whose current version was closed and replaced (or corrected the same day)
 * @param unchanged   cells whose current version already has the same name, parent and geometry
 * @param repaired    invalid geometries repaired on request (listed in {@code repairs})
 * @param rejections  every refused feature with its number and reason; non-empty iff rejected
 * @param warnings    things stored as they are but worth a look (invalid geometries, CRS conflicts)
 * @param importId    the {@code grid_import} row, or null when nothing was recorded
 * @param gridVersion the grid version after the import (bumped only when something changed)
 * @param timingsMs   milliseconds per phase (read, validate, write, qa)
 * @param qa          the QA report of the imported subtree, or null
 */
public record ImportReport(ImportStatus status, String file, String format, String sourceCrs, String fileCrs,
                           GridLevel level, GridKind kind, LocalDate validFrom, int features, int inserted,
                           int replaced, int unchanged, int repaired, List<Rejection> rejections,
                           List<String> warnings, List<RepairNote> repairs, Long importId, Long gridVersion,
                           Map<String, Long> timingsMs, QaReport qa) {

    /** True when this import wrote at least one version. */
    public boolean changedAnything() {
        return status == ImportStatus.COMMITTED && inserted + replaced > 0;
    }

    /** A readable summary, the rejections, repairs and warnings, then the QA table if any. */
    public String toText() {
        return ImportReportText.render(this);
    }

    ImportReport withQa(QaReport report, Map<String, Long> timings) {
        return new ImportReport(status, file, format, sourceCrs, fileCrs, level, kind, validFrom, features, inserted,
                replaced, unchanged, repaired, rejections, warnings, repairs, importId, gridVersion, timings, report);
    }
}
