package cn.gridwatch.grid.qa;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The result of a QA run: the scope, how many cells were checked, counts per finding type (every
 * type present, zero when clean) and the findings ordered by type then code. Areas in m², geodesic
 * on the CGCS2000 ellipsoid ({@code ST_Area(geom::geography)}). {@code timingsMs} gives the
 * milliseconds of each phase in run order (preparation, then one check per finding type or pair of
 * types), {@code elapsedMs} the whole run. Serializes to JSON with Jackson; {@link #toText()}
 * renders a fixed-width table. Immutable.
 */
public record QaReport(String rootCode, LocalDate date, double toleranceM2, int cellCount,
                       Map<String, Integer> summary, List<QaFinding> findings, long elapsedMs,
                       Map<String, Long> timingsMs) {

    /** Findings of one type. */
    public List<QaFinding> ofType(String type) {
        return findings.stream().filter(f -> f.type().equals(type)).toList();
    }

    /** A readable table: summary first, then one line per finding. */
    public String toText() {
        return QaReportText.render(this);
    }
}
