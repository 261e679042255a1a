package cn.gridwatch.grid.qa;

import java.util.Locale;
import java.util.Map;

/** Renders a {@link QaReport} as a fixed-width text table. Stateless and thread-safe. */
final class QaReportText {
    private QaReportText() {
    }

    static String render(QaReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("QA of ").append(r.rootCode() == null ? "all admin cells" : "subtree " + r.rootCode())
                .append(r.date() == null ? " (current)" : " valid on " + r.date())
                .append(": ").append(r.cellCount()).append(" cells checked in ").append(r.elapsedMs())
                .append(" ms, tolerance ").append(r.toleranceM2()).append(" m²\n");
        sb.append("phases (ms): ").append(r.timingsMs()).append("\n\n");
        sb.append(String.format(Locale.ROOT, "%-22s %8s%n", "finding", "count"));
        for (Map.Entry<String, Integer> e : r.summary().entrySet()) {
            sb.append(String.format(Locale.ROOT, "%-22s %8d%n", e.getKey(), e.getValue()));
        }
        if (r.findings().isEmpty()) {
            return sb.append("\nno findings\n").toString();
        }
        sb.append('\n').append(String.format(Locale.ROOT, "%-22s %-12s %-14s %-12s %14s  %s%n",
                "type", "code", "name", "other", "area m²", "detail"));
        for (QaFinding f : r.findings()) {
            sb.append(String.format(Locale.ROOT, "%-22s %-12s %s %-12s %14s  %s%n", f.type(), f.code(),
                    pad(f.name(), 14), f.otherCode() == null ? "" : f.otherCode(),
                    f.areaM2() == null ? "" : String.format(Locale.ROOT, "%.1f", f.areaM2()), f.detail()));
        }
        return sb.toString();
    }

    /** Pads to a display width, counting CJK characters as two columns so the table stays aligned. */
    static String pad(String s, int width) {
        String t = s == null ? "" : s;
        int w = 0;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            int cw = Character.isIdeographic(cp) || (cp >= 0xFF00 && cp <= 0xFFEF) ? 2 : 1;
            if (w + cw > width) {
                break;
            }
            out.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        return out.append(" ".repeat(width - w)).toString();
    }
}
