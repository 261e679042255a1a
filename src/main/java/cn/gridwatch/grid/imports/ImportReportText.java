package cn.gridwatch.grid.imports;

import java.util.Locale;

/** Renders an {@link ImportReport} as text for the command line. Stateless and thread-safe. */
final class ImportReportText {
    private ImportReportText() {
    }

    static String render(ImportReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "import %s: %s (%s, %s %s, CRS %s%s, valid from %s)%n",
                r.status().name().toLowerCase(Locale.ROOT), r.file(), r.format(), r.kind().id(), r.level().id(),
                r.sourceCrs(), r.fileCrs() == null ? "" : "; file says " + r.fileCrs(), r.validFrom()));
        sb.append(String.format(Locale.ROOT, "features %d, inserted %d, replaced %d, unchanged %d, repaired %d,"
                        + " rejected %d%s%n", r.features(), r.inserted(), r.replaced(), r.unchanged(), r.repaired(),
                r.rejections().size(), r.gridVersion() == null ? "" : ", grid version " + r.gridVersion()));
        if (!r.rejections().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%nrejected features (nothing was written):%n%8s  %-14s  %s%n",
                    "feature", "code", "reason"));
            for (Rejection x : r.rejections()) {
                sb.append(String.format(Locale.ROOT, "%8d  %-14s  %s%n", x.feature(),
                        x.code() == null ? "" : x.code(), x.reason()));
            }
        }
        if (!r.repairs().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%nrepaired geometries:%n%8s  %-14s %14s %14s  %s%n",
                    "feature", "code", "area before m²", "area after m²", "was invalid because"));
            for (RepairNote n : r.repairs()) {
                sb.append(String.format(Locale.ROOT, "%8d  %-14s %14.1f %14.1f  %s%n", n.feature(), n.code(),
                        n.areaBeforeM2(), n.areaAfterM2(), n.invalidReason()));
            }
        }
        if (!r.warnings().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%nwarnings:%n"));
            r.warnings().forEach(w -> sb.append("  ").append(w).append('\n'));
        }
        sb.append(String.format(Locale.ROOT, "%ntimings ms: %s%n", r.timingsMs()));
        if (r.qa() != null) {
            sb.append('\n').append(r.qa().toText());
        }
        return sb.toString();
    }
}
