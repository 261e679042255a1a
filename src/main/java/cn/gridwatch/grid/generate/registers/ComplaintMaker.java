package cn.gridwatch.grid.generate.registers;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates {@code complaints.csv}: complaints (信访) spread over the year, 07:00-22:00, through the usual
 * channels; 70% name a source (restaurants and construction sites most often) and lie within about
 * 150 m of it in the same village, the rest are about a place (burning, dumping, dead fish). Codes
 * follow time order. Stateless and thread-safe; the random generator is not.
 */
final class ComplaintMaker {
    static final String[] HEADER = {"code", "received_at", "channel", "category", "content", "address", "source_code",
        "lon", "lat"};
    private static final List<String> CHANNELS = List.of("12345政务服务热线", "12369环保举报热线", "网络举报平台", "来信",
            "来访", "信访局转办");
    private static final double[] CHANNEL_SHARES = {0.40, 0.25, 0.20, 0.05, 0.05, 0.05};
    private static final Map<String, Double> SOURCE_WEIGHT_BY_CATEGORY = Map.of("restaurant", 3.0,
            "construction_site", 3.0, "key_discharger", 2.0, "cement_grinding", 2.0, "enterprise", 1.5);
    /** Per complaint category: content template; %s is the source or place. */
    private static final Map<String, String> TEMPLATES = Map.of(
            "油烟", "%s油烟直排，楼上住户无法开窗",
            "噪声", "%s夜间作业噪声扰民，影响休息",
            "扬尘", "%s渣土车未覆盖、未冲洗，道路扬尘严重",
            "恶臭", "%s排放刺鼻气味，夜间尤为明显",
            "水", "%s向河沟排放不明污水，水体发黑发臭",
            "大气", "%s烟囱冒黑烟",
            "固废", "%s在空地倾倒工业固废");
    private static final List<String> PLACE_CONTENT = List.of("%s附近有人焚烧垃圾，烟雾很大", "%s路边倾倒建筑垃圾",
            "%s河段发现死鱼，怀疑上游排污", "%s附近农田焚烧秸秆");

    private ComplaintMaker() {
    }

    private record Row(OffsetDateTime at, String channel, String category, String content, String address,
            String source, double lon, double lat) {
    }

    static void make(Places places, List<GenSource> active, RegisterScale scale, SplittableRandom rnd, CsvTable out) {
        double[] cumulative = new double[active.size()];
        double sum = 0;
        for (int i = 0; i < active.size(); i++) {
            sum += SOURCE_WEIGHT_BY_CATEGORY.getOrDefault(active.get(i).category(), 1.0);
            cumulative[i] = sum;
        }
        Places.Picker anyVillage = places.picker(v -> 1.0);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < scale.complaints(); i++) {
            OffsetDateTime at = Times.at(Times.day(scale.from(), 365, 0, rnd), 7 * 60, 22 * 60, rnd);
            String channel = Weighted.pick(CHANNELS, CHANNEL_SHARES, rnd);
            if (!active.isEmpty() && Weighted.chance(0.7, rnd)) {
                GenSource s = active.get(Weighted.index(cumulative, rnd));
                String category = category(s.category(), rnd);
                double[] p = places.near(s.village(), s.lon(), s.lat(), 150, rnd);
                rows.add(new Row(at, channel, category, String.format(TEMPLATES.get(category), s.name()), s.address(),
                        s.code(), p[0], p[1]));
            } else {
                Places.Village v = anyVillage.pick(rnd);
                double[] p = places.pointIn(v, rnd);
                String content = String.format(Weighted.any(PLACE_CONTENT, rnd), v.name());
                String category = content.contains("焚烧") ? "大气" : content.contains("倾倒") ? "固废" : "水";
                rows.add(new Row(at, channel, category, content, v.address() + "附近", null, p[0], p[1]));
            }
        }
        rows.sort(Comparator.comparing(Row::at));
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            out.add(String.format("XF%s%05d", r.at().format(Times.DAY), i + 1), Times.iso(r.at()), r.channel(),
                    r.category(), r.content(), r.address(), r.source(), r.lon(), r.lat());
        }
    }

    private static String category(String sourceCategory, SplittableRandom rnd) {
        List<String> options;
        switch (sourceCategory) {
            case "restaurant": options = List.of("油烟", "油烟", "噪声"); break;
            case "construction_site": options = List.of("扬尘", "扬尘", "噪声"); break;
            case "cement_grinding": options = List.of("扬尘", "大气"); break;
            case "petrol_station": options = List.of("恶臭"); break;
            case "key_discharger": options = List.of("大气", "水", "恶臭"); break;
            case "other": options = List.of("噪声", "水", "固废"); break;
            default: options = List.of("恶臭", "大气", "水", "噪声", "固废");
        }
        return Weighted.any(options, rnd);
    }
}
