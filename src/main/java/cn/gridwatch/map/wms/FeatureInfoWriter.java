package cn.gridwatch.map.wms;

import cn.gridwatch.Json;
import cn.gridwatch.map.MapLayers;
import cn.gridwatch.map.render.MapFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes GetFeatureInfo answers (code, name, level and layer of each cell) as text/plain,
 * text/html, application/json or GML 2 (application/vnd.ogc.gml, text/xml; attributes only, no
 * geometry). Stateless.
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

    private static String layerName(MapFeature f) {
        return MapLayers.all().stream().filter(l -> l.level() == f.level()).findFirst().map(MapLayers.Layer::name)
                .orElse(f.level().id());
    }

    private static String text(List<MapFeature> features) {
        if (features.isEmpty()) {
            return "no features were found\n";
        }
        StringBuilder sb = new StringBuilder();
        for (MapFeature f : features) {
            sb.append("Layer '").append(layerName(f)).append("'\n  code = ").append(f.code())
                    .append("\n  name = ").append(f.name()).append("\n  level = ").append(f.level().id()).append('\n');
        }
        return sb.toString();
    }

    private static String html(List<MapFeature> features) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"UTF-8\"><title>Feature info</title>"
                + "</head><body>\n<table border=\"1\">\n<tr><th>layer</th><th>code</th><th>name</th><th>level</th></tr>\n");
        for (MapFeature f : features) {
            sb.append("<tr><td>").append(Xml.esc(layerName(f))).append("</td><td>").append(Xml.esc(f.code()))
                    .append("</td><td>").append(Xml.esc(f.name())).append("</td><td>").append(f.level().id())
                    .append("</td></tr>\n");
        }
        return sb.append("</table>\n</body></html>\n").toString();
    }

    private static String json(List<MapFeature> features) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (MapFeature f : features) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("code", f.code());
            props.put("name", f.name());
            props.put("level", f.level().id());
            props.put("layer", layerName(f));
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            feature.put("id", layerName(f) + "." + f.code());
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
            String layer = layerName(f);
            sb.append("  <gml:featureMember><gw:").append(layer).append(" fid=\"").append(Xml.esc(layer + "." + f.code()))
                    .append("\"><gw:code>").append(Xml.esc(f.code())).append("</gw:code><gw:name>").append(Xml.esc(f.name()))
                    .append("</gw:name><gw:level>").append(f.level().id()).append("</gw:level></gw:").append(layer)
                    .append("></gml:featureMember>\n");
        }
        return sb.append("</wfs:FeatureCollection>\n").toString();
    }
}
