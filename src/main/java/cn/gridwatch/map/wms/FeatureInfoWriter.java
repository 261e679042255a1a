package cn.gridwatch.map.wms;

import cn.gridwatch.Json;
import cn.gridwatch.map.MapFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes GetFeatureInfo answers (the layer and the attributes of each feature: code, name and level
 * for grid cells; code, name, class and the register's columns for register features) as
 * text/plain, text/html, application/json or GML 2 (application/vnd.ogc.gml, text/xml; attributes
 * only, no geometry). Attribute names are code-side identifiers, so they are valid XML names. Stateless.
 */
final class FeatureInfoWriter {
    record Output(String contentType, String body) {
    }

    private FeatureInfoWriter() {
    }

    /** @throws WmsException InvalidFormat naming INFO_FORMAT when it is not one of ours */
    static String checkFormat(String infoFormat) {
        String f = infoFormat == null ? "text/plain" : infoFormat.toLowerCase(Locale.ROOT).replace(" ", "");
        if (f.startsWith("text/xml")) {
            return "text/xml";
        }
        if (!CapabilitiesWriter.FEATURE_INFO_FORMATS.contains(f)) {
            throw new WmsException(WmsException.INVALID_FORMAT, "INFO_FORMAT '" + infoFormat + "' is not supported; use one of "
                    + CapabilitiesWriter.FEATURE_INFO_FORMATS, "INFO_FORMAT");
        }
        return f;
    }

    static Output write(String format, List<MapFeature> features) {
        return switch (format) {
            case "text/html" -> new Output("text/html; charset=UTF-8", html(features));
            case "application/json" -> new Output("application/json", json(features));
            case "application/vnd.ogc.gml", "text/xml" -> new Output(format + "; charset=UTF-8", gml(features));
            default -> new Output("text/plain; charset=UTF-8", text(features));
        };
    }

    private static String show(Object v) {
        return v == null ? "" : v.toString();
    }

    private static String text(List<MapFeature> features) {
        if (features.isEmpty()) {
            return "no features were found\n";
        }
        StringBuilder sb = new StringBuilder();
        for (MapFeature f : features) {
            sb.append("Layer '").append(f.layer()).append("'\n");
            f.properties().forEach((k, v) -> sb.append("  ").append(k).append(" = ").append(show(v)).append('\n'));
        }
        return sb.toString();
    }

    private static String html(List<MapFeature> features) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"UTF-8\"><title>Feature info</title>"
                + "</head><body>\n");
        String layer = null;
        for (MapFeature f : features) {
            if (!f.layer().equals(layer)) {
                if (layer != null) {
                    sb.append("</table>\n");
                }
                layer = f.layer();
                sb.append("<table border=\"1\">\n<caption>").append(Xml.esc(layer)).append("</caption>\n<tr>");
                f.properties().keySet().forEach(k -> sb.append("<th>").append(Xml.esc(k)).append("</th>"));
                sb.append("</tr>\n");
            }
            sb.append("<tr>");
            f.properties().values().forEach(v -> sb.append("<td>").append(Xml.esc(show(v))).append("</td>"));
            sb.append("</tr>\n");
        }
        if (layer != null) {
            sb.append("</table>\n");
        }
        return sb.append("</body></html>\n").toString();
    }

    private static String json(List<MapFeature> features) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (MapFeature f : features) {
            Map<String, Object> props = new LinkedHashMap<>(f.properties());
            props.put("layer", f.layer());
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            feature.put("id", f.layer() + "." + f.code());
            feature.put("geometry", null);
            feature.put("properties", props);
            list.add(feature);
        }
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("features", list);
        try {
            return Json.MAPPER.writeValueAsString(fc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing feature info as JSON", e);
        }
    }

    private static String gml(List<MapFeature> features) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<wfs:FeatureCollection xmlns:wfs=\"http://www.opengis.net/wfs\" xmlns:gml=\"http://www.opengis.net/gml\""
                + " xmlns:gw=\"https://gridwatch.cn/wms\">\n");
        for (MapFeature f : features) {
            String layer = f.layer();
            sb.append("  <gml:featureMember><gw:").append(layer).append(" fid=\"").append(Xml.esc(layer + "." + f.code()))
                    .append("\">");
            f.properties().forEach((k, v) -> sb.append("<gw:").append(k).append('>').append(Xml.esc(show(v)))
                    .append("</gw:").append(k).append('>'));
            sb.append("</gw:").append(layer).append("></gml:featureMember>\n");
        }
        return sb.append("</wfs:FeatureCollection>\n").toString();
    }
}
