package cn.gridwatch.grid.generate.registers;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Names and industries (GB/T 4754 wording) of generated pollution sources by category, e.g.
 * 湘源市鑫达化工有限公司 / 化学原料和化学制品制造业, 兴华花园二期项目工地 / 房屋建筑业. Fictional. Stateless and
 * thread-safe; the random generator is not.
 */
final class SourceNames {
    /** {industry, word in the name} */
    private static final String[][] ENTERPRISE = {
        {"化学原料和化学制品制造业", "化工"}, {"金属制品业", "五金制品"}, {"非金属矿物制品业", "新型建材"},
        {"橡胶和塑料制品业", "塑胶"}, {"农副食品加工业", "粮油"}, {"纺织业", "纺织"}, {"家具制造业", "家具"},
        {"印刷和记录媒介复制业", "印务"}, {"通用设备制造业", "机械"}, {"汽车制造业", "汽车零部件"},
        {"木材加工和木、竹、藤、棕、草制品业", "竹木制品"}, {"医药制造业", "药业"}, {"造纸和纸制品业", "纸业"},
        {"电气机械和器材制造业", "电器"}, {"食品制造业", "食品"}, {"酒、饮料和精制茶制造业", "茶业"}};
    private static final String[][] KEY_DISCHARGER = {
        {"金属表面处理及热处理加工", "电镀"}, {"黑色金属冶炼和压延加工业", "钢铁"},
        {"有色金属冶炼和压延加工业", "有色金属冶炼"}, {"化学原料和化学制品制造业", "化工"},
        {"造纸和纸制品业", "纸业"}, {"纺织业", "印染"}, {"电力、热力生产和供应业", "热电"},
        {"医药制造业", "制药"}, {"皮革、毛皮、羽毛及其制品和制鞋业", "皮革"}, {"污水处理及其再生利用", "水务"}};
    private static final String[][] OTHER = {
        {"汽车修理与维护", "汽车维修厂"}, {"洗染服务", "干洗店"}, {"土砂石开采", "砂石场"},
        {"牲畜饲养", "生猪养殖场"}, {"再生物资回收与批发", "废品回收站"}, {"洗车服务", "洗车场"}};
    private static final List<String> ESTATES = List.of("花园", "家园", "华府", "公馆", "雅苑", "新城", "小区");
    private static final List<String> PHASES = List.of("一期", "二期", "三期", "");
    private static final List<String> RESTAURANTS = List.of("酒家", "湘菜馆", "农家乐", "米粉店", "烧烤店", "大酒店",
            "土菜馆", "火锅店");

    private SourceNames() {
    }

    /** {name, industry} for a source of {@code category} in village {@code v}. */
    static String[] of(String category, Places.Village v, SplittableRandom rnd) {
        String trade = ChineseNames.trade(rnd);
        switch (category) {
            case "key_discharger": {
                String[] k = KEY_DISCHARGER[rnd.nextInt(KEY_DISCHARGER.length)];
                return new String[] {prefix(v, rnd) + trade + k[1] + "有限公司", k[0]};
            }
            case "construction_site":
                return rnd.nextInt(4) == 0
                        ? new String[] {ChineseNames.road(rnd) + "提质改造工程", "市政道路工程建筑"}
                        : new String[] {trade + Weighted.any(ESTATES, rnd) + Weighted.any(PHASES, rnd) + "项目工地", "房屋建筑业"};
            case "restaurant":
                return new String[] {(rnd.nextInt(3) == 0 ? ChineseNames.person(rnd).substring(0, 1) + "记" : trade)
                        + Weighted.any(RESTAURANTS, rnd), "正餐服务"};
            case "petrol_station":
                return new String[] {(rnd.nextBoolean() ? "中国石化" : "中国石油") + "湘源" + trade + "加油站",
                    "机动车燃油零售"};
            case "cement_grinding":
                return new String[] {"湘源" + trade + "建材有限公司水泥粉磨站", "水泥制造"};
            case "other": {
                String[] o = OTHER[rnd.nextInt(OTHER.length)];
                return new String[] {v.name().replaceAll("(村|社区)$", "") + trade + o[1], o[0]};
            }
            default: {
                String[] e = ENTERPRISE[rnd.nextInt(ENTERPRISE.length)];
                return new String[] {prefix(v, rnd) + trade + e[1] + "有限公司", e[0]};
            }
        }
    }

    private static String prefix(Places.Village v, SplittableRandom rnd) {
        int r = rnd.nextInt(5);
        return r < 2 ? "湖南" : r < 4 ? "湘源市" : v.countyName();
    }
}
