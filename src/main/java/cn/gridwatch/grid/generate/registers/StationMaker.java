package cn.gridwatch.grid.generate.registers;

import cn.gridwatch.grid.generate.GeneratedCell;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates {@code monitoring_points.csv} (air stations of every kind, water sections, drinking-water
 * sources with a protection zone, outfalls) and {@code station_chiefs.csv} (a responsible official per
 * air station, 点位长). National and provincial stations favour urban communities; township stations
 * go one per township. Fictional codes and names. Not thread-safe.
 */
final class StationMaker {
    static final String[] HEADER = {"code", "name", "type", "operator", "status", "valid_from", "lon", "lat", "zone_wkt"};
    static final String[] CHIEF_HEADER = {"station_code", "person_name", "title", "phone", "valid_from"};
    private static final List<String> RIVERS = List.of("源江", "青溪", "白沙河", "枫溪", "湘源河");
    private static final LocalDate CHIEFS_SINCE = LocalDate.of(2024, 1, 1);

    private final Places places;

    StationMaker(Places places) {
        this.places = places;
    }

    void make(Map<String, Integer> counts, SplittableRandom rnd, CsvTable points, CsvTable chiefs) {
        Places.Picker urban = places.picker(v -> v.community() ? 5.0 : 1.0);
        Places.Picker any = places.picker(v -> 1.0);
        List<GeneratedCell> townships = new ArrayList<>(places.townships());
        shuffle(townships, rnd);
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            String type = e.getKey();
            for (int i = 0; i < e.getValue(); i++) {
                Places.Village v;
                if (type.equals("township_air")) {
                    List<Places.Village> in = places.villagesOf(townships.get(i % townships.size()).code());
                    v = Weighted.any(in, rnd);
                } else {
                    v = (type.equals("national_air") || type.equals("provincial_air") ? urban : any).pick(rnd);
                }
                double[] p = places.pointIn(v, rnd);
                String code = code(type, i + 1);
                LocalDate from = since(type, rnd);
                boolean retired = type.equals("micro_air") && i % 50 == 7;
                String zone = type.equals("drinking_water") ? zone(p, 500 + rnd.nextInt(400)) : null;
                points.add(code, name(type, v, rnd), type, operator(type), retired ? "retired" : "active", from, p[0],
                        p[1], zone);
                String title = chiefTitle(type, v);
                if (title != null && !retired) {
                    chiefs.add(code, ChineseNames.person(rnd), title, ChineseNames.phone(rnd),
                            from.isAfter(CHIEFS_SINCE) ? from : CHIEFS_SINCE);
                }
            }
        }
    }

    private static String code(String type, int n) {
        switch (type) {
            case "national_air": return String.format("9%03dA", n);
            case "provincial_air": return String.format("XYS%03d", n);
            case "township_air": return String.format("XYT%03d", n);
            case "micro_air": return String.format("XYW%04d", n);
            case "composition": return String.format("XYZ%02d", n);
            case "lidar": return String.format("XYL%02d", n);
            case "vehicle_exhaust": return String.format("XYJ%03d", n);
            case "water_national": return String.format("XYG%02d", n);
            case "water_provincial": return String.format("XYSK%02d", n);
            case "drinking_water": return String.format("XYY%02d", n);
            default: return String.format("XYPK%03d", n);
        }
    }

    private static String name(String type, Places.Village v, SplittableRandom rnd) {
        String village = v.name().replaceAll("(村|社区)$", "");
        String river = Weighted.any(RIVERS, rnd);
        switch (type) {
            case "national_air": return v.townshipName() + "国控点";
            case "provincial_air": return v.townshipName() + "省控点";
            case "township_air": return v.townshipName() + "空气自动站";
            case "micro_air": return v.name() + "微站";
            case "composition": return "湘源市大气组分站";
            case "lidar": return v.countyName() + "激光雷达站";
            case "vehicle_exhaust": return ChineseNames.road(rnd) + "机动车尾气遥感监测点";
            case "water_national": return river + village + "国控断面";
            case "water_provincial": return river + village + "省控断面";
            case "drinking_water": return v.countyName() + river + "饮用水水源地";
            default: return v.name() + river + "入河排污口";
        }
    }

    private static String operator(String type) {
        switch (type) {
            case "national_air":
            case "water_national":
                return "中国环境监测总站";
            case "provincial_air":
            case "water_provincial":
                return "湖南省生态环境监测中心";
            case "outfall":
                return "湘源市生态环境局";
            default:
                return "湘源市生态环境监测站";
        }
    }

    /** The station chief's title for air stations; null for the other types. */
    private static String chiefTitle(String type, Places.Village v) {
        String county = v.countyName();
        String countyDeputy = "副" + (county.endsWith("县") ? "县长" : county.endsWith("区") ? "区长" : "市长");
        String t = v.townshipName();
        switch (type) {
            case "national_air":
            case "provincial_air":
                return county + countyDeputy;
            case "township_air":
                return t + (t.endsWith("街道") ? "办事处主任" : t.endsWith("镇") ? "镇长" : "乡长");
            case "micro_air":
                return v.name() + (v.community() ? "社区党委书记" : "党支部书记");
            case "composition":
            case "lidar":
                return "湘源市生态环境局副局长";
            default:
                return null;
        }
    }

    private static LocalDate since(String type, SplittableRandom rnd) {
        int year = switch (type) {
            case "national_air", "water_national" -> 2013;
            case "provincial_air", "water_provincial" -> 2016;
            case "township_air" -> 2018;
            case "micro_air", "vehicle_exhaust", "lidar", "composition" -> 2020;
            default -> 2015;
        };
        return LocalDate.of(year, 1, 1).plusDays(rnd.nextInt(3 * 365));
    }

    /** A protection zone: a 24-gon of {@code metres} radius around p, as WKT MULTIPOLYGON in EPSG:4490. */
    private static String zone(double[] p, int metres) {
        double dy = metres / 111_320.0;
        double dx = dy / Math.cos(Math.toRadians(p[1]));
        StringBuilder sb = new StringBuilder("MULTIPOLYGON(((");
        for (int k = 0; k <= 24; k++) {
            double a = 2 * Math.PI * (k % 24) / 24;
            if (k > 0) {
                sb.append(',');
            }
            sb.append(String.format(Locale.ROOT, "%.6f %.6f", p[0] + dx * Math.cos(a), p[1] + dy * Math.sin(a)));
        }
        return sb.append(")))").toString();
    }

    private static <T> void shuffle(List<T> list, SplittableRandom rnd) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            T tmp = list.get(i);
            list.set(i, list.get(j));
            list.set(j, tmp);
        }
    }
}
