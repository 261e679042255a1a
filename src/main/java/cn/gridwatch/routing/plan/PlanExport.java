package cn.gridwatch.routing.plan;

import cn.gridwatch.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A plan as files: GeoJSON (RFC 7946, lon/lat: a LineString per team day, a Point per stop, a
 * Point per unserved target), GPX 1.1 (a waypoint per stop named by sequence and target, a track
 * per team day) and a printable HTML sheet with Chinese headings (one page per team and day).
 * Only for plans whose targets the caller may see. Stateless and thread-safe.
 */
public final class PlanExport {
    static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private PlanExport() {
    }

    public static String geojson(Plan p) {
        ObjectNode fc = Json.MAPPER.createObjectNode();
        fc.put("type", "FeatureCollection");
        fc.put("name", p.name());
        ArrayNode features = fc.putArray("features");
        for (Plan.RouteView r : p.routes()) {
            if (r.geometry() != null) {
                ObjectNode f = feature(features, "LineString");
                ArrayNode coords = ((ObjectNode) f.get("geometry")).putArray("coordinates");
                for (double[] c : r.geometry()) {
                    coords.addArray().add(c[0]).add(c[1]);
                }
                ObjectNode props = (ObjectNode) f.get("properties");
                props.put("feature", "route").put("team", r.teamNo()).put("teamName", teamName(p, r.teamNo()))
                        .put("day", r.day().toString()).put("departure", r.departure().toString())
                        .put("return", r.returnAt().toString()).put("distanceMetres", r.distanceMetres())
                        .put("travelSeconds", r.travelSeconds()).put("stops", r.stopCount());
            }
            for (Plan.StopView s : r.stops()) {
                ObjectNode f = point(features, s.lon(), s.lat());
                ((ObjectNode) f.get("properties")).put("feature", "stop").put("team", r.teamNo())
                        .put("teamName", teamName(p, r.teamNo())).put("day", r.day().toString()).put("seq", s.seq())
                        .put("code", s.code()).put("name", s.name()).put("county", s.county())
                        .put("priority", s.priority()).put("arrival", s.arrival().toString())
                        .put("start", s.start().toString()).put("departure", s.departure().toString());
            }
        }
        for (Plan.UnservedView u : p.unserved()) {
            ObjectNode f = point(features, u.lon(), u.lat());
            ((ObjectNode) f.get("properties")).put("feature", "unserved").put("code", u.code()).put("name", u.name())
                    .put("county", u.county()).put("priority", u.priority()).put("reason", u.reason())
                    .put("detail", u.detail());
        }
        return fc.toString();
    }

    private static ObjectNode feature(ArrayNode features, String type) {
        ObjectNode f = features.addObject();
        f.put("type", "Feature");
        f.putObject("geometry").put("type", type);
        f.putObject("properties");
        return f;
    }

    private static ObjectNode point(ArrayNode features, double lon, double lat) {
        ObjectNode f = feature(features, "Point");
        ((ObjectNode) f.get("geometry")).putArray("coordinates").add(lon).add(lat);
        return f;
    }

    public static String gpx(Plan p) {
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<gpx version=\"1.1\" creator=\"gridwatch\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n")
                .append("  <metadata><name>").append(xml(p.name())).append("</name></metadata>\n");
        for (Plan.RouteView r : p.routes()) {
            for (Plan.StopView s : r.stops()) {
                b.append("  <wpt lat=\"").append(s.lat()).append("\" lon=\"").append(s.lon()).append("\">")
                        .append("<time>").append(s.start().toInstant()).append("</time>")
                        .append("<name>").append(xml(teamName(p, r.teamNo()) + " " + r.day() + " #" + s.seq() + " "
                                + s.name())).append("</name>")
                        .append("<desc>").append(xml("到达 " + HM.format(s.arrival()) + "，检查 " + HM.format(s.start())
                                + "-" + HM.format(s.departure()) + "，编码 " + s.code())).append("</desc></wpt>\n");
            }
        }
        for (Plan.RouteView r : p.routes()) {
            if (r.geometry() == null) {
                continue;
            }
            b.append("  <trk><name>").append(xml(teamName(p, r.teamNo()) + " " + r.day())).append("</name><trkseg>\n");
            for (double[] c : r.geometry()) {
                b.append("    <trkpt lat=\"").append(c[1]).append("\" lon=\"").append(c[0]).append("\"/>\n");
            }
            b.append("  </trkseg></trk>\n");
        }
        return b.append("</gpx>\n").toString();
    }

    static String teamName(Plan p, int teamNo) {
        return p.teams().stream().filter(t -> t.no() == teamNo).map(Plan.TeamView::name).findFirst()
                .orElse("team " + teamNo);
    }

    /** XML/HTML text escaping. */
    static String xml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '&': b.append("&amp;"); break;
                case '"': b.append("&quot;"); break;
                case '\'': b.append("&#39;"); break;
                default:
                    if (ch >= 0x20 || ch == '\n' || ch == '\t') {
                        b.append(ch);
                    }
            }
        }
        return b.toString();
    }
}
