package cn.gridwatch.grid.generate.registers;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Plausible, fictional Chinese names from seeded tables: people (common surnames weighted roughly by
 * frequency, one- or two-character given names), trade names (字号) for businesses, road names, and
 * fictional phone numbers. Stateless and thread-safe; the random generator is not.
 */
final class ChineseNames {
    private static final String SURNAMES_COMMON = "王李张刘陈杨黄赵吴周";
    private static final String SURNAMES = "徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁"
            + "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万严覃戴莫孔向汤易";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文辉玲兰波斌宇浩凯"
            + "鹏飞鑫琳晨欣雪梅丹俊峰海燕婷亮林云春慧晶莉健东立新宁晓光德福永顺湘源湘红卫民荣智";
    private static final String TRADE = "鑫华兴达盛源泰隆恒瑞丰宏昌顺通利富佳安康金宝永海天星嘉德正和祥福凯新博远鼎伟益诚"
            + "广裕旺景润昊鸿铭信合中湘楚";
    private static final List<String> ROAD_SUFFIX = List.of("路", "路", "大道", "街", "巷");

    private ChineseNames() {
    }

    /** A person's name, e.g. 李建国 or 王芳. */
    static String person(SplittableRandom rnd) {
        String surname = rnd.nextInt(10) < 5 ? pick(SURNAMES_COMMON, rnd) : pick(SURNAMES, rnd);
        return surname + pick(GIVEN, rnd) + (rnd.nextInt(10) < 7 ? pick(GIVEN, rnd) : "");
    }

    /** A two-character trade name (字号), e.g. 鑫达. */
    static String trade(SplittableRandom rnd) {
        String a = pick(TRADE, rnd);
        String b = pick(TRADE, rnd);
        return a.equals(b) ? a + pick(TRADE, rnd) : a + b;
    }

    /** A road name, e.g. 兴达路. */
    static String road(SplittableRandom rnd) {
        return trade(rnd) + Weighted.any(ROAD_SUFFIX, rnd);
    }

    /** A house number on a road, e.g. 兴达路128号. */
    static String streetAddress(SplittableRandom rnd) {
        return road(rnd) + (1 + rnd.nextInt(399)) + "号";
    }

    /** A mobile number in the usual 11-digit form; random, so fictional (the README says so). */
    static String phone(SplittableRandom rnd) {
        String[] prefixes = {"139", "138", "137", "136", "135", "158", "159", "187", "188", "173", "180", "189"};
        return prefixes[rnd.nextInt(prefixes.length)] + String.format("%08d", rnd.nextInt(100_000_000));
    }

    private static String pick(String table, SplittableRandom rnd) {
        int i = rnd.nextInt(table.codePointCount(0, table.length()));
        int start = table.offsetByCodePoints(0, i);
        return table.substring(start, table.offsetByCodePoints(start, 1));
    }
}
