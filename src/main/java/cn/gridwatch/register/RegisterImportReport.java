package cn.gridwatch.register;

import java.util.List;

/**
 * The outcome of one register import. {@code status} is {@code committed} (everything written, in
 * one transaction) or {@code rejected} (nothing written; {@code rejections} lists every reason, by
 * row). Counts: {@code inserted} new rows, {@code updated} rows whose content changed (new versions
 * included; {@code versions} of them opened a new version), {@code unchanged} the rest;
 * {@code cellsRefreshed} unchanged rows whose stored cells were stale; {@code outsideGrid} located
 * rows no grid cell covers; {@code timingsMs} milliseconds per phase (read, parse, check, write).
 * Immutable.
 */
public record RegisterImportReport(
        String register,
        String file,
        String format,
        String sourceCrs,
        String status,
        int rows,
        int inserted,
        int updated,
        int unchanged,
        int versions,
        int cellsRefreshed,
        int outsideGrid,
        Long importId,
        Long gridVersion,
        List<String> warnings,
        List<Rejection> rejections,
        java.util.Map<String, Long> timingsMs) {

    public static final String COMMITTED = "committed";
    public static final String REJECTED = "rejected";

    public boolean committed() {
        return COMMITTED.equals(status);
    }

    public boolean changedAnything() {
        return committed() && (inserted > 0 || updated > 0 || cellsRefreshed > 0);
    }

    /** The report for people: counts, warnings and each rejection on its own line. */
    public String toText(String rowWord) {
        StringBuilder sb = new StringBuilder();
        sb.append(register).append(" import of ").append(file).append(" (").append(format).append(", ")
                .append(sourceCrs).append("): ").append(status).append(", ").append(rows).append(" rows");
        if (committed()) {
            sb.append(": ").append(inserted).append(" inserted, ").append(updated).append(" updated (")
                    .append(versions).append(" new versions), ").append(unchanged).append(" unchanged");
            if (importId != null) {
                sb.append("; import ").append(importId);
            }
            sb.append("; timings ms ").append(timingsMs);
        } else {
            sb.append("; nothing was written. ").append(rejections.size()).append(" problems:");
        }
        sb.append('\n');
        for (Rejection r : rejections) {
            sb.append("  ").append(rowWord).append(' ').append(r.row());
            if (r.column() != null) {
                sb.append(", ").append(r.column());
            }
            sb.append(": ").append(r.reason()).append('\n');
        }
        for (String w : warnings) {
            sb.append("  warning: ").append(w).append('\n');
        }
        return sb.toString();
    }
}
