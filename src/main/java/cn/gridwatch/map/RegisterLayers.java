package cn.gridwatch.map;

import cn.gridwatch.map.style.Marker;
import cn.gridwatch.map.style.Style;
import cn.gridwatch.map.style.Symbol;
import java.awt.Color;
import java.util.List;
import java.util.Map;

/**
 * The register layers, read straight from the register tables (V4): monitoring points by group
 * (air stations, water sections, drinking-water sources and their protection zones, outfalls)
 * styled by type, pollution sources by inspection class, complaints filtered by the time they were
 * received (the last 365 days unless asked), and open problems with the overdue ones highlighted
 * (overdue: a deadline before the moment of the query). Officers see only the rows of their
 * jurisdiction. Each entry is declarative: to publish another table, add a {@link MapLayer#table}
 * here. Immutable.
 */
public final class RegisterLayers {
    /** Sources, complaints and problems draw below 1:2 500 000 (web zoom 8 and deeper). */
    static final double DENSE_MAX_SCALE = 2_500_000;
    static final int DENSE_MIN_ZOOM = 8;
    static final int SPARSE_MIN_ZOOM = 5;
    private static final String CURRENT_POINT = "valid_to is null and status <> 'retired'";
    private static final String[] POINT_COLUMNS = {"type", "operator", "status", "valid_from"};

    public static final List<MapLayer> ALL = List.of(
            MapLayer.table("air_stations", "空气质量监测站 Air monitoring stations",
                    "国控、省控、乡镇空气站、小微站、组分站、激光雷达和机动车尾气遥感 (monitoring_point), styled by type",
                    TableLayer.from("monitoring_point").dependsOn("monitoring").where(CURRENT_POINT + " and type in ('national_air',"
                            + " 'provincial_air', 'township_air', 'micro_air', 'composition', 'lidar', 'vehicle_exhaust')")
                            .classBy("type").columns(POINT_COLUMNS).build(),
                    0, SPARSE_MIN_ZOOM, Style.classified("by_type", "按站点类型 By type", airTypes(),
                            Symbol.point("其他 Other", Marker.CIRCLE, 7, new Color(0x999999)))),
            MapLayer.table("water_sections", "水质监测断面 Water quality sections",
                    "国控、省控断面 (monitoring_point), styled by type",
                    TableLayer.from("monitoring_point").dependsOn("monitoring").where(CURRENT_POINT
                            + " and type in ('water_national', 'water_provincial')").classBy("type")
                            .columns(POINT_COLUMNS).build(),
                    0, SPARSE_MIN_ZOOM, Style.classified("by_type", "按断面类型 By type", Style.classes(
                            "water_national", Symbol.point("国控断面 National section", Marker.TRIANGLE, 12,
                                    new Color(0x1F4E9E)),
                            "water_provincial", Symbol.point("省控断面 Provincial section", Marker.TRIANGLE, 10,
                                    new Color(0x17A2B8))),
                            Symbol.point("其他 Other", Marker.TRIANGLE, 8, new Color(0x999999)))),
            MapLayer.table("drinking_water_sources", "饮用水水源地 Drinking-water sources",
                    "饮用水水源地 (monitoring_point of type drinking_water); their protection zones are the layer"
                            + " drinking_water_zones",
                    TableLayer.from("monitoring_point").dependsOn("monitoring").where(CURRENT_POINT + " and type = 'drinking_water'")
                            .columns(POINT_COLUMNS).build(),
                    0, SPARSE_MIN_ZOOM, Style.single("source", "水源地 Source",
                            Symbol.point("饮用水水源地 Drinking-water source", Marker.STAR, 14, new Color(0x0B5394),
                                    Color.WHITE, 1f))),
            MapLayer.table("drinking_water_zones", "饮用水水源保护区 Drinking-water protection zones",
                    "Protection zones (polygons) of the drinking-water sources (monitoring_point.protection_zone)",
                    TableLayer.from("monitoring_point").dependsOn("monitoring").polygons("protection_zone")
                            .where(CURRENT_POINT + " and type = 'drinking_water' and protection_zone is not null")
                            .columns(POINT_COLUMNS).build(),
                    0, SPARSE_MIN_ZOOM, Style.single("zone", "保护区 Zone",
                            Symbol.area("饮用水水源保护区 Protection zone", new Color(0x3D, 0x85, 0xC6, 90),
                                    new Color(0x0B5394), 1.5f))),
            MapLayer.table("outfalls", "入河排污口 Sewage outfalls",
                    "入河排污口 (monitoring_point of type outfall)",
                    TableLayer.from("monitoring_point").dependsOn("monitoring").where(CURRENT_POINT + " and type = 'outfall'")
                            .columns(POINT_COLUMNS).build(),
                    0, SPARSE_MIN_ZOOM, Style.single("outfall", "排污口 Outfall",
                            Symbol.point("入河排污口 Outfall", Marker.DIAMOND, 10, new Color(0x8E5B2B)))),
            MapLayer.table("pollution_sources", "污染源 Pollution sources",
                    "Active pollution sources (pollution_source) by inspection class: 特殊监管 special, 重点 key, 一般 general",
                    TableLayer.from("pollution_source").dependsOn("sources").where("status = 'active'").classBy("inspection_class")
                            .columns("category", "industry", "address", "permit_no", "inspection_class", "class_reason",
                                    "status").build(),
                    DENSE_MAX_SCALE, DENSE_MIN_ZOOM, Style.classified("by_class", "按监管类别 By inspection class",
                            Style.classes("special", Symbol.point("特殊监管 Special supervision", Marker.STAR, 13,
                                            new Color(0xC0392B)),
                                    "key", Symbol.point("重点排污单位 Key discharger", Marker.SQUARE, 9,
                                            new Color(0xE67E22)),
                                    "general", Symbol.point("一般污染源 General", Marker.CIRCLE, 6, new Color(0x7F8C8D))),
                            Symbol.point("其他 Other", Marker.CIRCLE, 6, new Color(0xBBBBBB)))),
            MapLayer.table("complaints", "信访投诉 Complaints",
                    "Complaints (complaint) by the time received: WMS TIME or the features API's datetime, by default"
                            + " the last 365 days",
                    TableLayer.from("complaint").dependsOn("complaints").name("code").time("received_at", 365)
                            .columns("received_at", "channel", "category", "content", "address").build(),
                    DENSE_MAX_SCALE, DENSE_MIN_ZOOM, Style.single("complaint", "信访 Complaint",
                            Symbol.point("信访投诉 Complaint", Marker.CIRCLE, 8, new Color(0x8E44AD)))),
            MapLayer.table("problems", "未办结问题 Open problems",
                    "Problems (problem) not yet closed; overdue (deadline passed at the time of the request) in red",
                    TableLayer.from("problem").dependsOn("problems").movesWithClock().name("title").where("status not in ('closed', 'closed_unfixed')")
                            .classBy("case when deadline < now() then 'overdue' else 'open' end")
                            .columns("status", "origin", "found_at", "deadline", "assignee").time("found_at", 0)
                            .attribute("overdue", "coalesce(deadline < now(), false)").build(),
                    DENSE_MAX_SCALE, DENSE_MIN_ZOOM, Style.classified("open_overdue", "在办与逾期 Open and overdue",
                            Style.classes("overdue", Symbol.point("逾期 Overdue", Marker.TRIANGLE, 12, new Color(0xE74C3C)),
                                    "open", Symbol.point("在办 Open", Marker.CIRCLE, 8, new Color(0xF39C12))),
                            Symbol.point("在办 Open", Marker.CIRCLE, 8, new Color(0xF39C12)))));

    private RegisterLayers() {
    }

    private static Map<String, Symbol> airTypes() {
        return Style.classes(
                "national_air", Symbol.point("国控站 National station", Marker.CIRCLE, 12, new Color(0xC0392B)),
                "provincial_air", Symbol.point("省控站 Provincial station", Marker.CIRCLE, 10, new Color(0xE67E22)),
                "township_air", Symbol.point("乡镇站 Township station", Marker.CIRCLE, 9, new Color(0xF1C40F)),
                "micro_air", Symbol.point("小微站 Micro-station", Marker.CIRCLE, 6, new Color(0x5DADE2)),
                "composition", Symbol.point("组分站 Composition station", Marker.DIAMOND, 10, new Color(0x8E44AD)),
                "lidar", Symbol.point("激光雷达 Lidar", Marker.TRIANGLE, 10, new Color(0x1A5276)),
                "vehicle_exhaust", Symbol.point("尾气遥感 Vehicle exhaust", Marker.SQUARE, 8, new Color(0x566573)));
    }
}
