package cn.gridwatch.grid.generate.registers;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates {@code patrols.csv}: patrol records by the grid officers of the village patrolled, on
 * working days 08:30-17:00 (mostly), 15-120 minutes long. 90% check one to three sources of one
 * village: the first chosen with weight 30 for special, 5 for key and 1 for general sources, times a
 * per-township diligence factor (0.3-2.0) so that townships differ in coverage; the rest are area
 * patrols without sources. 8% find something. Codes follow time order. Stateless and thread-safe; the
 * random generator is not.
 */
final class PatrolMaker {
    static final String[] HEADER = {"code", "officer", "started_at", "ended_at", "checked", "findings", "source_codes",
        "lon", "lat"};
    private static final Map<String, String> CHECKED = Map.of(
            "enterprise", "废气治理设施运行;危废贮存及台账",
            "key_discharger", "治理设施运行;在线监测数据;排污口",
            "construction_site", "围挡、洒水、车辆冲洗、裸土覆盖",
            "restaurant", "油烟净化器运行及清洗记录",
            "petrol_station", "油气回收装置运行",
            "cement_grinding", "除尘设施运行;物料堆场覆盖",
            "other", "污水收集处理;现场环境卫生");
    private static final Map<String, String> FINDINGS = Map.of(
            "enterprise", "废气治理设施未正常运行",
            "key_discharger", "在线监测数据异常",
            "construction_site", "裸土未覆盖，车辆未冲洗",
            "restaurant", "油烟净化器未清洗",
            "petrol_station", "油气回收装置故障",
            "cement_grinding", "物料露天堆放",
            "other", "污水直排");

    private PatrolMaker() {
    }

    private record Row(OffsetDateTime start, int minutes, String officer, String checked, String findings,
            String sources, double lon, double lat) {
    }

    static void make(Places places, List<GenSource> active, Map<String, List<String>> officers, RegisterScale scale,
            SplittableRandom rnd, CsvTable out) {
        Map<String, Double> diligence = new HashMap<>();
        places.townships().forEach(t -> diligence.put(t.code().substring(0, 9), 0.3 + 1.7 * rnd.nextDouble()));
        Map<String, List<GenSource>> byVillage = new HashMap<>();
        double[] cumulative = new double[active.size()];
        double sum = 0;
        for (int i = 0; i < active.size(); i++) {
            GenSource s = active.get(i);
            byVillage.computeIfAbsent(s.village().code(), k -> new ArrayList<>()).add(s);
            double w = s.inspectionClass().equals("special") ? 30 : s.inspectionClass().equals("key") ? 5 : 1;
            sum += w * diligence.get(s.village().code().substring(0, 9));
            cumulative[i] = sum;
        }
        Places.Picker anyVillage = places.picker(v -> 1.0);
        List<Row> rows = new ArrayList<>(scale.patrols());
        for (int i = 0; i < scale.patrols(); i++) {
            OffsetDateTime start = Times.at(Times.day(scale.from(), 365, 0.8, rnd), 8 * 60 + 30, 17 * 60, rnd);
            int minutes = 15 + rnd.nextInt(106);
            if (active.isEmpty() || Weighted.chance(0.1, rnd)) {
                Places.Village v = anyVillage.pick(rnd);
                double[] p = places.pointIn(v, rnd);
                rows.add(new Row(start, minutes, Weighted.any(officers.get(v.code()), rnd), "河道、道路沿线及露天焚烧巡查",
                        "未发现问题", null, p[0], p[1]));
                continue;
            }
            GenSource first = active.get(Weighted.index(cumulative, rnd));
            List<GenSource> checked = new ArrayList<>(List.of(first));
            List<GenSource> neighbours = byVillage.get(first.village().code());
            for (int extra = rnd.nextInt(3); extra > 0 && checked.size() < neighbours.size(); extra--) {
                GenSource s = Weighted.any(neighbours, rnd);
                if (!checked.contains(s)) {
                    checked.add(s);
                }
            }
            boolean found = Weighted.chance(0.08, rnd);
            rows.add(new Row(start, minutes, Weighted.any(officers.get(first.village().code()), rnd),
                    CHECKED.get(first.category()), found ? FINDINGS.get(first.category()) : "未发现问题",
                    String.join(";", checked.stream().map(GenSource::code).toList()), first.lon(), first.lat()));
        }
        rows.sort(Comparator.comparing(Row::start));
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            out.add(String.format("XC%s%06d", r.start().format(Times.DAY), i + 1), r.officer(), Times.iso(r.start()),
                    Times.iso(r.start().plusMinutes(r.minutes())), r.checked(), r.findings(), r.sources(), r.lon(),
                    r.lat());
        }
    }
}
