package cn.gridwatch.dispatch;

import cn.gridwatch.grid.AdminCode;
import cn.gridwatch.register.GridCells;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who answers for a source: the grid officers of its village; where the village has none on duty,
 * its grid chief; where nobody is on duty there, the same at the township, then the county, then
 * the city. The first cell with anyone on duty wins. Pure and thread-safe.
 */
final class Responsibles {
    private Responsibles() {
    }

    /** The responsible cell and people; the finest cell with no people when nobody is on duty anywhere above. */
    record Responsible(String gridCode, List<Officer> officers) {
    }

    /** The 12-digit codes of {@code cells}, finest first (levels without a cell left out). */
    static List<String> upward(GridCells cells) {
        List<String> out = new ArrayList<>(4);
        for (String code : new String[] {cells.village(), cells.township(), cells.county(), cells.city()}) {
            if (code != null) {
                out.add(AdminCode.normalize(code));
            }
        }
        return out;
    }

    static Responsible of(GridCells cells, Map<String, List<Officer>> onDuty) {
        List<String> codes = upward(cells);
        for (String code : codes) {
            List<Officer> people = onDuty.getOrDefault(code, List.of());
            List<Officer> officers = people.stream().filter(o -> o.duty().equals("grid_officer")).toList();
            if (!officers.isEmpty()) {
                return new Responsible(code, officers);
            }
            List<Officer> chiefs = people.stream().filter(o -> o.duty().equals("grid_chief")).toList();
            if (!chiefs.isEmpty()) {
                return new Responsible(code, chiefs);
            }
        }
        return new Responsible(codes.isEmpty() ? null : codes.get(0), List.of());
    }
}
