package cn.gridwatch.grid.generate.registers;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates {@code power_meters.csv}: for some active key or special producers (enterprises, key
 * dischargers, cement grinding stations), a production-line meter and a pollution-control-equipment
 * meter that watches it ({@code pair_code}), with the control/production kW ratio of normal running.
 * Stateless and thread-safe; the random generator is not.
 */
final class MeterMaker {
    static final String[] HEADER = {"code", "source_code", "role", "equipment", "normal_ratio", "pair_code"};
    private static final List<String> PRODUCTION = List.of("1号生产线", "球磨机", "回转窑", "反应釜生产线", "电镀线",
            "烘干机", "破碎机", "2号生产线");
    private static final List<String> CONTROL = List.of("布袋除尘器", "脱硫塔", "VOCs活性炭吸附装置", "RTO蓄热燃烧装置",
            "废水处理站", "静电除尘器", "喷淋塔");

    private MeterMaker() {
    }

    static void make(List<GenSource> sources, int pairs, SplittableRandom rnd, CsvTable out) {
        List<GenSource> candidates = new ArrayList<>();
        for (GenSource s : sources) {
            if (s.active() && s.keyClass() && (s.category().equals("enterprise") || s.category().equals("key_discharger")
                    || s.category().equals("cement_grinding"))) {
                candidates.add(s);
            }
        }
        for (int i = 0; i < pairs && !candidates.isEmpty(); i++) {
            GenSource s = candidates.remove(rnd.nextInt(candidates.size()));
            String production = String.format("DB%05d-P", i + 1);
            out.add(production, s.code(), "production", Weighted.any(PRODUCTION, rnd), null, null);
            double ratio = 0.15 + rnd.nextInt(46) / 100.0;
            out.add(String.format("DB%05d-C", i + 1), s.code(), "control", Weighted.any(CONTROL, rnd),
                    String.format(java.util.Locale.ROOT, "%.2f", ratio), production);
        }
    }
}
