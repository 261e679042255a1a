package cn.gridwatch.grid.generate.registers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates {@code sources.csv}: categories in plausible shares (enterprises 45%, restaurants 22%,
 * construction sites 12% ...), inspection classes by category so that about 3% are special and 20% key,
 * names, industries, addresses, credit codes and permit numbers that look right, 2% closed; points inside
 * villages (restaurants favour urban communities, industry rural villages). Not thread-safe.
 */
final class SourceMaker {
    static final String[] HEADER = {"code", "name", "category", "industry", "address", "permit_no",
        "inspection_class", "class_reason", "status", "lon", "lat"};
    private static final List<String> CATEGORIES = List.of("enterprise", "key_discharger", "construction_site",
            "restaurant", "petrol_station", "cement_grinding", "other");
    private static final double[] SHARES = {0.45, 0.06, 0.12, 0.22, 0.05, 0.02, 0.08};
    /** Per category: probability of special, of key. */
    private static final double[][] CLASS_ODDS = {{0.02, 0.25}, {0.25, 0.70}, {0, 0.12}, {0, 0.02}, {0, 0.30},
        {0.10, 0.60}, {0.01, 0.05}};
    private static final List<String> SPECIAL_REASONS = List.of("近一年受到环境行政处罚，列入特殊监管对象",
            "群众反映强烈，列入特殊监管对象", "重点排污单位且整改未完成，列入特殊监管对象");

    private final Places places;
    private final CreditCodes credit = new CreditCodes();
    private final Set<String> names = new HashSet<>();
    private int siteSeq;

    SourceMaker(Places places) {
        this.places = places;
    }

    List<GenSource> make(int n, SplittableRandom rnd, CsvTable out) {
        Places.Picker urban = places.picker(v -> v.community() ? 3.0 : 1.0);
        Places.Picker rural = places.picker(v -> v.community() ? 1.0 : 2.0);
        Places.Picker any = places.picker(v -> 1.0);
        List<GenSource> sources = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String category = Weighted.pick(CATEGORIES, SHARES, rnd);
            int c = CATEGORIES.indexOf(category);
            Places.Village v = (category.equals("restaurant") ? urban
                    : category.equals("construction_site") ? any : rural).pick(rnd);
            double[] p = places.pointIn(v, rnd);
            double x = rnd.nextDouble();
            String cls = x < CLASS_ODDS[c][0] ? "special" : x < CLASS_ODDS[c][0] + CLASS_ODDS[c][1] ? "key" : "general";
            String[] nameAndIndustry = SourceNames.of(category, v, rnd);
            String name = unique(nameAndIndustry[0], rnd);
            String code = code(category, v, rnd);
            String address = v.address() + ChineseNames.streetAddress(rnd);
            boolean active = !Weighted.chance(0.02, rnd);
            out.add(code, name, category, nameAndIndustry[1], address, permit(category, cls, code), cls,
                    reason(category, cls, rnd), active ? "active" : "closed", p[0], p[1]);
            sources.add(new GenSource(code, name, category, cls, active, v, p[0], p[1], address));
        }
        return sources;
    }

    private String unique(String name, SplittableRandom rnd) {
        String n = name;
        for (int i = 2; !names.add(n); i++) {
            n = name + (name.endsWith("有限公司") ? "第" + i + "分公司" : "(" + i + ")");
            if (i > 50) {
                n = name + ChineseNames.trade(rnd) + i;
            }
        }
        return n;
    }

    private String code(String category, Places.Village v, SplittableRandom rnd) {
        switch (category) {
            case "construction_site":
                return String.format("GD%s-%d-%05d", v.countyCode(), 2024 + rnd.nextInt(3), ++siteSeq);
            case "restaurant":
                return credit.next(rnd.nextInt(10) < 7 ? "92" : "91", v.countyCode(), rnd);
            default:
                return credit.next("91", v.countyCode(), rnd);
        }
    }

    /** Pollutant discharge permit (…001P) for key/special producers, registration (…001W) for the rest. */
    private static String permit(String category, String cls, String code) {
        switch (category) {
            case "enterprise":
            case "key_discharger":
            case "cement_grinding":
            case "petrol_station":
                return code + (cls.equals("general") && !category.equals("key_discharger") ? "001W" : "001P");
            default:
                return null;
        }
    }

    private static String reason(String category, String cls, SplittableRandom rnd) {
        if (cls.equals("special")) {
            return Weighted.any(SPECIAL_REASONS, rnd);
        }
        if (cls.equals("general")) {
            return null;
        }
        switch (category) {
            case "key_discharger":
                return "列入重点排污单位名录";
            case "construction_site":
                return "建筑工地扬尘重点管控";
            case "petrol_station":
                return "加油站油气回收重点监管";
            case "cement_grinding":
                return "水泥粉磨行业重点监管";
            case "restaurant":
                return "餐饮油烟群众投诉集中";
            default:
                return rnd.nextBoolean() ? "排污许可重点管理" : "涉VOCs重点行业";
        }
    }
}
