package cn.gridwatch.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Statistics reports and rankings as CSV (RFC 4180, UTF-8, header row, {@code \r\n} line ends): one
 * line per cell and, for reports, a last line with the total ({@code code} is the root's code, or
 * {@code all}). Counts are whole numbers, ratios and hours decimals with at most 6 places, empty
 * where there is no value. Stateless and thread-safe.
 */
final class StatsCsv {
    private StatsCsv() {
    }

    static String report(StatsReport r) {
        List<String> header = new ArrayList<>(List.of("code", "name", "level", "from", "to", "sources"));
        Vocabulary.SOURCE_CLASSES.forEach(k -> header.add("sources_" + k));
        Vocabulary.SOURCE_CATEGORIES.forEach(k -> header.add("sources_" + k));
        header.add("stations");
        Vocabulary.STATION_TYPES.forEach(k -> header.add("stations_" + k));
        header.addAll(List.of("complaints", "patrols", "coverage_targets", "coverage_met", "coverage",
                "problems_open", "problems_overdue", "overdue_rate", "problems_found", "problems_closed",
                "problems_closed_unfixed", "median_close_hours", "complaints_per_source"));
        StringBuilder sb = new StringBuilder();
        line(sb, header);
        for (CellStats s : r.cells()) {
            line(sb, row(s, s.shortCode(), r));
        }
        line(sb, row(r.total(), r.root().code() == null ? "all" : r.root().shortCode(), r));
        return sb.toString();
    }

    static String ranking(Ranking r) {
        StringBuilder sb = new StringBuilder();
        line(sb, List.of("rank", "code", "name", "metric", "ranked_by", "value", "previous", "change", "improvement",
                "from", "to", "previous_from", "previous_to"));
        for (Ranking.Row row : r.items()) {
            line(sb, List.of(row.rank() == null ? "" : row.rank().toString(), row.shortCode(), text(row.name()),
                    r.metric().id(), r.rankedBy(), num(row.value()), num(row.previous()), num(row.change()),
                    num(row.improvement()), r.from().toString(), r.to().toString(), r.previousFrom().toString(),
                    r.previousTo().toString()));
        }
        return sb.toString();
    }

    private static List<String> row(CellStats s, String code, StatsReport r) {
        List<String> f = new ArrayList<>(List.of(code, text(s.name()), r.level().id(), r.from().toString(),
                r.to().toString(), Integer.toString(s.sources().total())));
        Vocabulary.SOURCE_CLASSES.forEach(k -> f.add(count(s.sources().byClass().get(k))));
        Vocabulary.SOURCE_CATEGORIES.forEach(k -> f.add(count(s.sources().byCategory().get(k))));
        f.add(Integer.toString(s.stations().total()));
        Vocabulary.STATION_TYPES.forEach(k -> f.add(count(s.stations().byType().get(k))));
        CellStats.Problems p = s.problems();
        f.addAll(List.of(Integer.toString(s.complaints()), Integer.toString(s.patrols()),
                Integer.toString(s.coverage().targets()), Integer.toString(s.coverage().met()), num(s.coverage().rate()),
                Integer.toString(p.open()), Integer.toString(p.overdue()), num(p.overdueRate()),
                Integer.toString(p.found()), Integer.toString(p.closed()), Integer.toString(p.closedUnfixed()),
                num(p.medianCloseHours()), num(s.complaintsPerSource())));
        return f;
    }

    private static String count(Integer n) {
        return n == null ? "0" : n.toString();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    static String num(Double d) {
        if (d == null) {
            return "";
        }
        return BigDecimal.valueOf(d).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static void line(StringBuilder sb, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String f = fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        sb.append("\r\n");
    }
}
