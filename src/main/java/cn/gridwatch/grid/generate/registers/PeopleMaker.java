package cn.gridwatch.grid.generate.registers;

import cn.gridwatch.grid.generate.GeneratedCell;
import cn.gridwatch.grid.generate.GeneratedGrid;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates {@code duties.csv} (a grid chief and two grid officers for every cell of every level) and
 * {@code inspectors.csv} (per county: 60% enforcement, 30% monitoring staff, 10% local guides). Names
 * and phone numbers are random, so fictional. Stateless and thread-safe; the random generator is not.
 */
final class PeopleMaker {
    static final String[] DUTY_HEADER = {"grid_code", "duty", "person_name", "phone", "valid_from"};
    static final String[] INSPECTOR_HEADER = {"code", "name", "county_code", "unit", "kind", "phone"};
    private static final LocalDate TERMS_FROM = LocalDate.of(2024, 1, 1);

    private PeopleMaker() {
    }

    /** Writes the duties; answers the two officers of each village by its 12-digit code. */
    static Map<String, List<String>> duties(GeneratedGrid grid, SplittableRandom rnd, CsvTable out) {
        Map<String, List<String>> villageOfficers = new HashMap<>();
        for (List<GeneratedCell> level : List.of(grid.cities(), grid.counties(), grid.townships(), grid.villages())) {
            for (GeneratedCell cell : level) {
                String[] people = {ChineseNames.person(rnd), ChineseNames.person(rnd), ChineseNames.person(rnd)};
                for (int i = 0; i < 3; i++) {
                    LocalDate from = Weighted.chance(0.8, rnd) ? TERMS_FROM : TERMS_FROM.plusDays(rnd.nextInt(900));
                    out.add(cell.shortCode(), i == 0 ? "grid_chief" : "grid_officer", people[i], ChineseNames.phone(rnd),
                            from);
                }
                villageOfficers.put(cell.code(), List.of(people[1], people[2]));
            }
        }
        return villageOfficers;
    }

    static void inspectors(List<GeneratedCell> counties, int perCounty, SplittableRandom rnd, CsvTable out) {
        for (GeneratedCell county : counties) {
            String c = county.shortCode();
            for (int i = 0; i < perCounty; i++) {
                String kind;
                String unit;
                if (i < perCounty * 0.6) {
                    kind = "enforcement";
                    unit = "湘源市生态环境保护综合行政执法支队" + county.name() + "大队";
                } else if (i < perCounty * 0.9) {
                    kind = "monitoring";
                    unit = "湘源市生态环境监测站" + county.name() + "分站";
                } else {
                    kind = "guide";
                    unit = "湘源市生态环境局" + county.name() + "分局";
                }
                out.add(String.format("ZF%s%03d", c, i + 1), ChineseNames.person(rnd), c, unit, kind,
                        ChineseNames.phone(rnd));
            }
        }
    }
}
