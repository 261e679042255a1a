package cn.gridwatch.routing.plan;

import static cn.gridwatch.routing.plan.PlanExport.HM;
import static cn.gridwatch.routing.plan.PlanExport.xml;

import java.util.Locale;
import java.util.Map;

/**
 * The printable HTML sheet of a plan (检查计划表): the plan's facts, then one page per team and day
 * with its members and stops in order, then the targets not planned with the reason. Chinese
 * headings; every value is HTML-escaped. Stateless and thread-safe.
 */
public final class PlanSheet {
    private static final Map<String, String> REASONS = Map.of(
            "no_eligible_team", "无可派出的异地检查组（本地回避）",
            "outside_time_windows", "时间窗口或工作时间内无法完成",
            "unreachable", "无法到达",
            "dropped_for_capacity", "工作时间不足，未能安排",
            "no_solution", "求解失败");
    private static final Map<String, String> KINDS = Map.of("enforcement", "执法人员", "monitoring", "监测人员",
            "guide", "向导（本地）", "officer", "网格员");

    private PlanSheet() {
    }

    public static String html(Plan p) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").append(xml(p.name()))
                .append("</title>\n<style>body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em}"
                        + "table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #444;"
                        + "padding:3px 6px;font-size:11pt}th{background:#eee}.page{page-break-after:always}"
                        + "@media print{body{margin:0}}</style></head><body>\n");
        b.append("<h1>").append(xml(p.name())).append("</h1>\n<table>");
        row(b, "计划类型", "joint".equals(p.kind()) ? "交叉执法检查计划" : "巡查路线");
        row(b, "检查日期", p.days().get(0) + (p.days().size() > 1 ? " 至 " + p.days().get(p.days().size() - 1)
                + "（共 " + p.days().size() + " 天）" : ""));
        row(b, "工作时间", p.workStart() + "-" + p.workEnd());
        row(b, "回避规则", switch (p.rule()) {
            case "county" -> "检查组不得检查本县（区）的检查对象";
            case "city" -> "检查组不得检查本市的检查对象";
            default -> "无";
        });
        row(b, "路程计算", "great_circle".equals(p.matrixMethod()) ? "直线距离估算（无路网）" : "道路网络");
        row(b, "检查对象", p.summary().path("targets").asInt() + " 个，已安排 " + p.summary().path("served").asInt()
                + " 个，未安排 " + p.summary().path("unserved").asInt() + " 个");
        if (p.sealedUntil() != null) {
            row(b, "名单保密至", p.sealedUntil().atZone(PlanInput.ZONE).toLocalDateTime().toString().replace('T', ' '));
        }
        row(b, "编制", p.createdBy() + "，" + p.createdAt().atZone(PlanInput.ZONE).toLocalDate());
        b.append("</table>\n");
        for (Plan.RouteView r : p.routes()) {
            teamDay(b, p, r);
        }
        if (!p.unserved().isEmpty()) {
            b.append("<h2>未安排的检查对象</h2>\n<table><tr><th>编码</th><th>名称</th><th>所属区县</th><th>优先级</th>"
                    + "<th>原因</th><th>说明</th></tr>\n");
            for (Plan.UnservedView u : p.unserved()) {
                b.append("<tr><td>").append(xml(u.code())).append("</td><td>").append(xml(u.name())).append("</td><td>")
                        .append(xml(u.county())).append("</td><td>").append(u.priority()).append("</td><td>")
                        .append(xml(REASONS.getOrDefault(u.reason(), u.reason()))).append("</td><td>")
                        .append(xml(u.detail())).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    private static void teamDay(StringBuilder b, Plan p, Plan.RouteView r) {
        Plan.TeamView team = p.teams().stream().filter(t -> t.no() == r.teamNo()).findFirst().orElseThrow();
        b.append("<div class=\"page\"><h2>").append(xml(team.name())).append(" · ").append(r.day()).append("</h2>\n");
        b.append("<p>成员：");
        for (int i = 0; i < team.members().size(); i++) {
            Plan.MemberView m = team.members().get(i);
            b.append(i == 0 ? "" : "；").append(xml(m.name())).append("（")
                    .append(xml(KINDS.getOrDefault(m.kind(), m.kind())))
                    .append(m.county() == null ? "" : "，" + xml(m.county())).append("）");
        }
        b.append("<br>出发 ").append(HM.format(r.departure())).append("，返回 ").append(HM.format(r.returnAt()))
                .append("，行程 ").append(km(r.distanceMetres())).append(" 公里，行车 ").append(r.travelSeconds() / 60)
                .append(" 分钟</p>\n<table><tr><th>序号</th><th>检查对象</th><th>编码</th><th>所属区县</th>"
                        + "<th>到达时间</th><th>开始检查</th><th>离开时间</th><th>路程（公里）</th><th>行车（分钟）</th>"
                        + "<th>检查情况</th></tr>\n");
        for (Plan.StopView s : r.stops()) {
            b.append("<tr><td>").append(s.seq()).append("</td><td>").append(xml(s.name())).append("</td><td>")
                    .append(xml(s.code())).append("</td><td>").append(xml(s.county())).append("</td><td>")
                    .append(HM.format(s.arrival())).append("</td><td>").append(HM.format(s.start())).append("</td><td>")
                    .append(HM.format(s.departure())).append("</td><td>").append(km(s.legMetres())).append("</td><td>")
                    .append(s.legSeconds() / 60).append("</td><td></td></tr>\n");
        }
        b.append("</table>\n<p>检查组签字：______________　　日期：__________</p></div>\n");
    }

    private static void row(StringBuilder b, String head, String value) {
        b.append("<tr><th>").append(head).append("</th><td>").append(xml(value)).append("</td></tr>\n");
    }

    private static String km(long metres) {
        return String.format(Locale.ROOT, "%.1f", metres / 1000.0);
    }
}
