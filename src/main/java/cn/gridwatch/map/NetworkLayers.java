package cn.gridwatch.map;

import cn.gridwatch.map.style.Marker;
import cn.gridwatch.map.style.Style;
import cn.gridwatch.map.style.Symbol;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The road network and the stored inspection plans as layers. {@code roads}: every edge of every
 * imported road network (road_edge, V8; reference data, unscoped), styled by road class, from web
 * zoom 10 (scales below 1:600 000), tertiary and smaller roads from zoom 12 (below about 1:190 000);
 * {@code NETWORK=<id>} shows one network. {@code plan_routes} and
 * {@code plan_stops}: the day routes and stops of stored plans (V9), coloured by team;
 * {@code PLAN=<id>} shows one plan, without it every plan the viewer may see; WMS TIME / datetime
 * filter by the plan day (no default window: all days). Plans follow the plan API's rule
 * ({@code AccessPolicy.canSeePlan}): planners and administrators see every plan, others only the
 * plans they wrote or are on a team of; stops (the targets) additionally stay hidden from team
 * members while the plan is sealed ({@code canSeePlanTargets}). Immutable.
 */
public final class NetworkLayers {
    /** Roads draw below 1:600 000 (web zoom 10 and deeper). */
    static final double ROADS_MAX_SCALE = 600_000;
    static final int ROADS_MIN_ZOOM = 10;
    /** Tertiary, residential and smaller roads from zoom 12 (maps below about 1:190 000). */
    static final int MINOR_ROADS_MIN_ZOOM = 12;
    /** Team colours, cycled by team number. */
    static final Color[] TEAM_COLOURS = {new Color(0xE6194B), new Color(0x3CB44B), new Color(0x4363D8),
        new Color(0xF58231), new Color(0x911EB4), new Color(0x42D4F4), new Color(0xF032E6), new Color(0x9A6324)};

    private static final String ROAD_CLASS = "case when road_class in ('motorway', 'motorway_link') then 'motorway'"
            + " when road_class in ('trunk', 'trunk_link') then 'trunk'"
            + " when road_class in ('primary', 'primary_link') then 'primary'"
            + " when road_class in ('secondary', 'secondary_link') then 'secondary'"
            + " when road_class in ('tertiary', 'tertiary_link') then 'tertiary'"
            + " when road_class in ('residential', 'living_street', 'unclassified', 'road') then 'residential'"
            + " else 'minor' end";
    private static final String PLAN_AUTHOR_OR_MEMBER = "created_by = ? or exists (select 1 from"
            + " inspection_plan_member m where m.plan_id = %s.plan_id and m.user_id = ?)";
    private static final String TEAM_CLASS = "'team' || ((team_no - 1) % " + TEAM_COLOURS.length + ")";

    public static final List<MapLayer> ALL = List.of(
            MapLayer.table("roads", "道路 Road network",
                    "Imported road networks (road_edge, from OpenStreetMap), by road class; NETWORK=<id> for one"
                            + " network",
                    TableLayer.from("road_edge").dependsOn("roads").lines("geom").code("network_id || '-' || id")
                            .name("coalesce(name, '')").classBy(ROAD_CLASS).unscoped()
                            .columns("network_id", "road_class", "length_m", "speed_kmh", "maxspeed_kmh")
                            .attribute("road_name", "name")
                            .attribute("oneway", "(cost < 0 or reverse_cost < 0)")
                            .param(TableLayer.Param.id("network", "network_id", "the road network id"))
                            .detail("road_class not in ('motorway', 'motorway_link', 'trunk', 'trunk_link', 'primary',"
                                    + " 'primary_link', 'secondary', 'secondary_link')", MINOR_ROADS_MIN_ZOOM)
                            .build(),
                    ROADS_MAX_SCALE, ROADS_MIN_ZOOM, Style.classified("by_class", "按道路等级 By road class",
                            Style.classes("motorway", Symbol.line("高速公路 Motorway", new Color(0xE74C3C), 4f),
                                    "trunk", Symbol.line("快速路/国道 Trunk", new Color(0xE67E22), 3.5f),
                                    "primary", Symbol.line("主干道 Primary", new Color(0xF1C40F), 3f),
                                    "secondary", Symbol.line("次干道 Secondary", new Color(0x7F8C8D), 2f),
                                    "tertiary", Symbol.line("支路 Tertiary", new Color(0x95A5A6), 1.5f),
                                    "residential", Symbol.line("街巷 Residential", new Color(0xB3B6B7), 1f)),
                            Symbol.line("其他道路 Other", new Color(0xCACFD2), 0.8f))),
            MapLayer.table("plan_routes", "巡查路线 Plan routes",
                    "Day routes of stored inspection plans (inspection_plan_route), one colour per team;"
                            + " PLAN=<id> for one plan (default: every plan you may see); TIME/datetime by plan day",
                    TableLayer.from("(select r.*, p.name as plan_name, p.kind as plan_kind, p.created_by"
                            + " from inspection_plan_route r join inspection_plan p on p.id = r.plan_id) pr")
                            .lines("geom").where("geom is not null")
                            .code("plan_id || '-' || team_no || '-' || day")
                            .name("plan_name || ' 第' || team_no || '组 ' || day").classBy(TEAM_CLASS).unscoped()
                            .columns("plan_id", "plan_name", "plan_kind", "team_no", "day", "departure", "return_at")
                            .attribute("distance", "distance_m").columns("travel_s", "stop_count")
                            .time("day", 0)
                            .param(TableLayer.Param.id("plan", "plan_id", "the plan id"))
                            .restrictedTo(PLAN_AUTHOR_OR_MEMBER.formatted("pr")).dependsOn("plans")
                            .build(),
                    0, 0, Style.classified("by_team", "按小组 By team", teams(false), teamSymbol(false, 0))),
            MapLayer.table("plan_stops", "巡查停靠点 Plan stops",
                    "Stops of stored inspection plans (inspection_plan_stop) labelled by visit order, with arrival"
                            + " times; PLAN=<id> for one plan; hidden from team members while the plan is sealed",
                    TableLayer.from("(select s.*, p.created_by, p.sealed_until from inspection_plan_stop s"
                            + " join inspection_plan p on p.id = s.plan_id) ps")
                            .code("plan_id || '-' || team_no || '-' || day || '-' || seq").name("seq::text")
                            .classBy(TEAM_CLASS).unscoped()
                            .columns("plan_id", "team_no", "day", "seq", "target_code", "target_name", "arrival",
                                    "departure", "leg_m")
                            .time("day", 0)
                            .param(TableLayer.Param.id("plan", "plan_id", "the plan id"))
                            .restrictedTo("created_by = ? or (exists (select 1 from inspection_plan_member m"
                                    + " where m.plan_id = ps.plan_id and m.user_id = ?)"
                                    + " and (sealed_until is null or sealed_until <= now()))")
                            .dependsOn("plans").movesWithClock()
                            .build(),
                    0, 0, new Style("by_team", "按小组 By team (visit order)", teamSymbol(true, 0), teams(true), 10,
                            Color.BLACK, 0, 0)));

    private NetworkLayers() {
    }

    private static Map<String, Symbol> teams(boolean points) {
        Map<String, Symbol> m = new LinkedHashMap<>();
        for (int i = 0; i < TEAM_COLOURS.length; i++) {
            m.put("team" + i, teamSymbol(points, i));
        }
        return m;
    }

    private static Symbol teamSymbol(boolean point, int i) {
        String title = "第" + (i + 1) + "组 Team " + (i + 1); // colours repeat from team 9 on
        return point ? Symbol.point(title, Marker.CIRCLE, 10, TEAM_COLOURS[i], Color.WHITE, 1.5f)
                : Symbol.line(title, TEAM_COLOURS[i], 3f);
    }
}
