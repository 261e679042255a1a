package cn.gridwatch.grid.generate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Plausible Chinese place names from seeded syllable tables, in the style of Hunan toponyms
 * (青山, 白沙, 石门, 龙潭 ...), plus a suffix (镇, 乡, 街道, 村, 社区 ...). One instance hands out names
 * unique among the siblings of one parent. Not thread-safe: use one instance per parent.
 */
final class NameGenerator {
    private static final List<String> FIRST = List.of(
            "青", "白", "石", "龙", "桃", "金", "黄", "花", "杨", "柳", "梅", "松", "枫", "竹", "荷", "莲",
            "凤", "鹤", "云", "高", "大", "新", "东", "西", "南", "北", "长", "清", "双", "马", "茶", "樟",
            "杉", "桂", "兰", "沙", "泉", "明", "永", "丰", "太", "福", "安", "和", "平", "兴", "仁", "乐",
            "洪", "湘", "岳", "潭", "江", "湖", "板", "朱", "罗", "谭", "易", "栗", "枣", "杏", "碧", "紫");
    private static final List<String> SECOND = List.of(
            "山", "沙", "门", "潭", "源", "江", "溪", "桥", "塘", "湾", "岭", "冲", "坪", "田", "铺", "市",
            "口", "洲", "坝", "河", "湖", "峰", "岗", "林", "阳", "渡", "港", "头", "庄", "园", "坡", "岩",
            "屋", "垅", "坳", "滩", "寨", "亭", "井", "陂", "埠", "家", "丘", "台", "谷", "堰");
    private static final List<String> URBAN = List.of(
            "解放", "人民", "建设", "东风", "城南", "城北", "城东", "城西", "朝阳", "新华", "光明", "文昌",
            "五一", "胜利", "和平", "红旗", "先锋", "友谊", "车站", "中山", "书院", "湘江", "金盆", "望月",
            "雨花", "芙蓉", "桂花", "白鹭", "火炬", "高新", "滨江", "新城", "府前", "育才", "云塘", "荷花",
            "长青", "东塘", "金桥", "迎宾");

    private final SplittableRandom rnd;
    private final Set<String> used = new HashSet<>();

    NameGenerator(SplittableRandom rnd) {
        this.rnd = rnd;
    }

    /** A rural-style name with the given suffix, e.g. {@code 青山镇}; unique within this generator. */
    String rural(String suffix) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            String base = pick(FIRST) + pick(SECOND);
            if (used.add(base)) {
                return base + suffix;
            }
        }
        throw new IllegalStateException("ran out of names for suffix " + suffix + " after " + used.size());
    }

    /** An urban-style name such as {@code 解放街道}; falls back to rural syllables when the list is used up. */
    String urban(String suffix) {
        for (int attempt = 0; attempt < 40; attempt++) {
            String base = pick(URBAN);
            if (used.add(base)) {
                return base + suffix;
            }
        }
        return rural(suffix);
    }

    private String pick(List<String> table) {
        return table.get(rnd.nextInt(table.size()));
    }
}
