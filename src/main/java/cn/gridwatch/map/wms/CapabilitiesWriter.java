package cn.gridwatch.map.wms;

import cn.gridwatch.geo.CrsRegistry;
import cn.gridwatch.geo.SupportedCrs;
import cn.gridwatch.map.MapLayer;
import cn.gridwatch.map.MapLayers;
import cn.gridwatch.map.render.Legend;
import cn.gridwatch.map.style.Style;
import java.awt.Dimension;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * Writes the capabilities document: WMT_MS_Capabilities 1.1.1 (with its DTD) or WMS_Capabilities
 * 1.3.0 (namespace and schema location). One root layer holds every layer of {@link MapLayers}, each
 * with its styles and their legends; grid layers have a TIME dimension of cell versions (one day),
 * timed register layers one of intervals (their default window as default). The CRS list is the
 * geographic and web CRSs plus the CGCS2000 3-degree Gauss-Krüger zones (EPSG:4534..4554, central
 * meridians 75°E..135°E) that the data's extent touches. BoundingBox coordinates follow each CRS's
 * axis order in 1.3.0 (lat/lon for EPSG:4326/4490, northing/easting for the zones). Stateless.
 */
final class CapabilitiesWriter {
    /** China, for an empty grid. */
    static final Envelope DEFAULT_EXTENT = new Envelope(73.5, 135.0, 18.0, 53.5);
    static final List<String> FEATURE_INFO_FORMATS = List.of(
            "text/plain", "text/html", "application/json", "application/vnd.ogc.gml", "text/xml");
    static final List<String> MAP_FORMATS = List.of("image/png", "image/png; mode=8bit", "image/jpeg");
    private static final String XLINK = "xmlns:xlink=\"http://www.w3.org/1999/xlink\"";

    private final WmsVersion v;
    private final String base;
    private final StringBuilder sb = new StringBuilder(32_768);
    private WmsService.Extents extents;
    private LocalDate today;

    /** {@code base} is the service URL ending in '?' or '&', credentials included when the client used them. */
    private CapabilitiesWriter(WmsVersion v, String base) {
        this.v = v;
        this.base = base;
    }

    /** {@code today}: the end of the time dimensions and of the default windows. */
    static String write(WmsVersion v, String base, long updateSequence, WmsService.Extents extents, LocalDate today) {
        CapabilitiesWriter w = new CapabilitiesWriter(v, base);
        w.extents = extents;
        w.today = today;
        return w.document(updateSequence);
    }

    /** The Gauss-Krüger zones (EPSG:4534..4554) whose 3-degree band meets the longitudes of {@code e}. */
    static List<String> gaussKrugerZones(Envelope e) {
        List<String> out = new ArrayList<>();
        for (int code = 4534; code <= 4554; code++) {
            double cm = 75 + 3 * (code - 4534);
            if (cm + 1.5 > e.getMinX() && cm - 1.5 < e.getMaxX()) {
                out.add("EPSG:" + code);
            }
        }
        return out;
    }

    private String document(long seq) {
        Envelope all = new Envelope();
        extents.byLayer().values().forEach(all::expandToInclude);
        if (all.isNull()) {
            all = DEFAULT_EXTENT;
        }
        List<String> crsList = new ArrayList<>(List.of("EPSG:4490", "EPSG:4326"));
        if (v == WmsVersion.V130) {
            crsList.add("CRS:84");
        }
        crsList.add("EPSG:3857");
        crsList.addAll(gaussKrugerZones(all));

        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        if (v == WmsVersion.V111) {
            sb.append("<!DOCTYPE WMT_MS_Capabilities SYSTEM "
                    + "\"http://schemas.opengis.net/wms/1.1.1/WMS_MS_Capabilities.dtd\">\n")
                    .append("<WMT_MS_Capabilities version=\"1.1.1\" updateSequence=\"").append(seq).append("\">\n");
        } else {
            sb.append("<WMS_Capabilities version=\"1.3.0\" updateSequence=\"").append(seq).append('"')
                    .append(" xmlns=\"http://www.opengis.net/wms\" ").append(XLINK)
                    .append(" xmlns:sld=\"http://www.opengis.net/sld\"")
                    .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
                    .append(" xsi:schemaLocation=\"http://www.opengis.net/wms")
                    .append(" http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd")
                    .append(" http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/sld_capabilities.xsd\">\n");
        }
        service();
        sb.append("<Capability>\n<Request>\n");
        operation("GetCapabilities", List.of(v == WmsVersion.V111 ? "application/vnd.ogc.wms_xml" : "text/xml"), false);
        operation("GetMap", MAP_FORMATS, false);
        operation("GetFeatureInfo", FEATURE_INFO_FORMATS, false);
        operation("GetLegendGraphic", List.of("image/png", "image/jpeg"), v == WmsVersion.V130);
        sb.append("</Request>\n<Exception>\n");
        List<String> ex = v == WmsVersion.V111
                ? List.of("application/vnd.ogc.se_xml", "application/vnd.ogc.se_inimage", "application/vnd.ogc.se_blank")
                : List.of("XML", "INIMAGE", "BLANK");
        ex.forEach(f -> element("Format", f));
        sb.append("</Exception>\n");
        if (v == WmsVersion.V130) {
            sb.append("<sld:UserDefinedSymbolization SupportSLD=\"0\" UserLayer=\"0\" UserStyle=\"0\" RemoteWFS=\"0\"/>\n");
        } else {
            sb.append("<UserDefinedSymbolization SupportSLD=\"0\" UserLayer=\"0\" UserStyle=\"0\" RemoteWFS=\"0\"/>\n");
        }
        sb.append("<Layer>\n");
        element("Title", "gridwatch 环境网格 Environmental supervision grid");
        element("Abstract", "The four-level grid (city, county/district, township/street, village/community), "
                + "current versions, and the registers located in it: monitoring points, pollution sources, complaints"
                + " and open problems. Stored in CGCS2000 (EPSG:4490).");
        for (String crs : crsList) {
            element(v == WmsVersion.V130 ? "CRS" : "SRS", crs);
        }
        boundingBoxes(all, crsList);
        for (MapLayer layer : MapLayers.all()) {
            layer(layer, extents.byLayer().getOrDefault(layer.name(), all), crsList);
        }
        sb.append("</Layer>\n</Capability>\n");
        sb.append(v == WmsVersion.V111 ? "</WMT_MS_Capabilities>\n" : "</WMS_Capabilities>\n");
        return sb.toString();
    }

    private void service() {
        sb.append("<Service>\n");
        element("Name", v == WmsVersion.V111 ? "OGC:WMS" : "WMS");
        element("Title", "gridwatch WMS 环境网格化监管");
        element("Abstract", "Layers of the environmental supervision grid (环境网格) and its registers. Authenticate with "
                + "HTTP Basic (any user name, an API token as password) or access_token in the URL.");
        sb.append("<KeywordList>");
        for (String k : List.of("grid", "网格", "environment", "CGCS2000", "监测点位", "污染源", "信访", "问题")) {
            sb.append("<Keyword>").append(Xml.esc(k)).append("</Keyword>");
        }
        sb.append("</KeywordList>\n");
        onlineResource(base);
        element("Fees", "none");
        element("AccessConstraints", "authenticated users only");
        if (v == WmsVersion.V130) {
            element("MaxWidth", String.valueOf(GetMapRequest.MAX_SIZE));
            element("MaxHeight", String.valueOf(GetMapRequest.MAX_SIZE));
        }
        sb.append("</Service>\n");
    }

    private void operation(String name, List<String> formats, boolean sldPrefix) {
        String tag = (sldPrefix ? "sld:" : "") + name;
        sb.append('<').append(tag).append(">\n");
        formats.forEach(f -> element("Format", f));
        sb.append("<DCPType><HTTP><Get>");
        onlineResource(base);
        sb.append("</Get></HTTP></DCPType>\n</").append(tag).append(">\n");
    }

    private void layer(MapLayer layer, Envelope e, List<String> crsList) {
        sb.append("<Layer queryable=\"1\" opaque=\"0\">\n");
        element("Name", layer.name());
        element("Title", layer.title());
        element("Abstract", layer.description());
        boundingBoxes(e, crsList);
        if (layer.isGrid()) {
            gridTimeDimension();
        } else if (layer.timed()) {
            intervalTimeDimension(layer);
        }
        for (Style style : layer.styles()) {
            Dimension size = layer.isGrid() ? new Dimension(Legend.DEFAULT_BOX, Legend.DEFAULT_BOX)
                    : Legend.titledSize(style, Legend.DEFAULT_BOX, Legend.DEFAULT_BOX);
            sb.append("<Style>");
            element("Name", style.name());
            element("Title", style.title());
            sb.append("<LegendURL width=\"").append(size.width).append("\" height=\"").append(size.height).append("\">");
            element("Format", "image/png");
            onlineResource(base + "SERVICE=WMS&VERSION=" + v.text() + "&REQUEST=GetLegendGraphic&FORMAT=image/png"
                    + "&LAYER=" + layer.name() + "&STYLE=" + style.name() + "&WIDTH=" + Legend.DEFAULT_BOX + "&HEIGHT="
                    + Legend.DEFAULT_BOX);
            sb.append("</LegendURL></Style>\n");
        }
        if (v == WmsVersion.V130) {
            if (layer.minScale() > 0) {
                element("MinScaleDenominator", fmt(layer.minScale()));
            }
            if (layer.maxScale() > 0) {
                element("MaxScaleDenominator", fmt(layer.maxScale()));
            }
        } else if (layer.minScale() > 0 || layer.maxScale() > 0) {
            // 1.1.1 ScaleHint: the diagonal of a pixel in metres
            double k = WmsService.PIXEL_M * Math.sqrt(2);
            sb.append("<ScaleHint min=\"").append(fmt(layer.minScale() * k)).append("\" max=\"")
                    .append(layer.maxScale() > 0 ? fmt(layer.maxScale() * k) : "Infinity").append("\"/>\n");
        }
        sb.append("</Layer>\n");
    }

    /** TIME of grid layers: the cell versions valid on a day, from the first import to today; absent means current. */
    private void gridTimeDimension() {
        if (extents.firstGridDate() == null) {
            return;
        }
        dimension(extents.firstGridDate() + "/present/P1D", "current");
    }

    /**
     * TIME of a timed register layer: intervals of days from its first row to today (or its last row
     * when later: plan days ahead); the default is its default window (the last N days up to today),
     * or the whole extent for layers without one (problems, plans).
     */
    private void intervalTimeDimension(MapLayer layer) {
        Instant[] t = extents.times().get(layer.name());
        LocalDate first = t == null ? today : LocalDate.ofInstant(t[0], ZoneId.systemDefault());
        LocalDate last = t == null ? today : LocalDate.ofInstant(t[1], ZoneId.systemDefault());
        LocalDate end = last.isAfter(today) ? last : today; // plans may lie ahead
        LocalDate start = first.isBefore(end) ? first : end;
        String defaultValue = layer.table().allTimesByDefault() ? start + "/" + end
                : today.minusDays(layer.table().defaultDays()) + "/" + today;
        dimension(start + "/" + end + "/P1D", defaultValue);
    }

    private void dimension(String extent, String defaultValue) {
        if (v == WmsVersion.V130) {
            sb.append("<Dimension name=\"time\" units=\"ISO8601\" default=\"").append(Xml.esc(defaultValue))
                    .append("\" current=\"1\" nearestValue=\"0\">").append(extent).append("</Dimension>\n");
        } else {
            sb.append("<Dimension name=\"time\" units=\"ISO8601\"/>\n<Extent name=\"time\" default=\"")
                    .append(Xml.esc(defaultValue)).append("\" nearestValue=\"0\">").append(extent).append("</Extent>\n");
        }
    }

    private void boundingBoxes(Envelope lonLat, List<String> crsList) {
        if (v == WmsVersion.V130) {
            sb.append("<EX_GeographicBoundingBox><westBoundLongitude>").append(fmt(lonLat.getMinX()))
                    .append("</westBoundLongitude><eastBoundLongitude>").append(fmt(lonLat.getMaxX()))
                    .append("</eastBoundLongitude><southBoundLatitude>").append(fmt(lonLat.getMinY()))
                    .append("</southBoundLatitude><northBoundLatitude>").append(fmt(lonLat.getMaxY()))
                    .append("</northBoundLatitude></EX_GeographicBoundingBox>\n");
        } else {
            box("LatLonBoundingBox", null, lonLat, false);
        }
        for (String crs : crsList) {
            SupportedCrs c = CrsRegistry.parse(crs);
            Envelope e = WmsService.fromLonLat(c, lonLat);
            if (e != null) {
                box("BoundingBox", crs, e, v == WmsVersion.V130 && c.axisOrderYX());
            }
        }
    }

    private void box(String tag, String crs, Envelope e, boolean yx) {
        sb.append('<').append(tag);
        if (crs != null) {
            sb.append(v == WmsVersion.V130 ? " CRS=\"" : " SRS=\"").append(crs).append('"');
        }
        double minx = yx ? e.getMinY() : e.getMinX();
        double miny = yx ? e.getMinX() : e.getMinY();
        double maxx = yx ? e.getMaxY() : e.getMaxX();
        double maxy = yx ? e.getMaxX() : e.getMaxY();
        sb.append(" minx=\"").append(fmt(minx)).append("\" miny=\"").append(fmt(miny))
                .append("\" maxx=\"").append(fmt(maxx)).append("\" maxy=\"").append(fmt(maxy)).append("\"/>\n");
    }

    private void onlineResource(String href) {
        sb.append("<OnlineResource ").append(v == WmsVersion.V111 ? XLINK + " " : "")
                .append("xlink:type=\"simple\" xlink:href=\"").append(Xml.esc(href)).append("\"/>");
    }

    private void element(String tag, String text) {
        sb.append('<').append(tag).append('>').append(Xml.esc(text)).append("</").append(tag).append(">\n");
    }

    private static String fmt(double d) {
        return BigDecimal.valueOf(d).round(new MathContext(10)).stripTrailingZeros().toPlainString();
    }
}
