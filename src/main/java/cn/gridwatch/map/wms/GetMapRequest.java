package cn.gridwatch.map.wms;

import cn.gridwatch.geo.CrsRegistry;
import cn.gridwatch.geo.SupportedCrs;
import cn.gridwatch.map.MapLayer;
import cn.gridwatch.map.MapLayers;
import cn.gridwatch.map.TableLayer;
import cn.gridwatch.map.TimeRange;
import cn.gridwatch.map.render.ImageFormat;
import cn.gridwatch.map.style.Style;
import java.awt.Color;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.Envelope;

/**
 * A parsed and checked GetMap request (also the map part of GetFeatureInfo). {@code bbox} is x/y in
 * {@code crs} (x = longitude/easting) whatever the axis order of the request; {@code background}
 * is null for a transparent map. TIME gives {@code gridDate}, the day whose cell versions grid
 * layers show (null: the current ones), and {@code time}, the interval time-filtered register
 * layers show (null: each layer's default window). {@code vendor}: the vendor parameters some layer
 * declares ({@code PLAN}, {@code LEVEL}, {@code NETWORK}), lower-case names, values checked against
 * the asked layers' declarations. Immutable.
 */
record GetMapRequest(WmsVersion version, List<MapLayer> layers, List<Style> styles, SupportedCrs crs,
        Envelope bbox, int width, int height, ImageFormat format, boolean transparent, Color bgcolor, LocalDate gridDate,
        TimeRange time, Map<String, String> vendor) {
    static final int MAX_SIZE = 4096;

    /** The colour to fill before drawing: null when transparent (and the format has alpha). */
    Color background() {
        return transparent && format.supportsAlpha() ? null : bgcolor;
    }

    /** True when a register layer is asked for: its answer depends on data outside the grid version. */
    boolean hasRegisterLayers() {
        return layers.stream().anyMatch(l -> !l.isGrid());
    }

    /**
     * Parses the GetMap parameters. {@code needFormat} is false for GetFeatureInfo, where FORMAT
     * is not used.
     *
     * @throws WmsException with the OGC code for the first bad or missing parameter
     */
    static GetMapRequest parse(WmsParams p, WmsVersion v, boolean needFormat) {
        List<MapLayer> layers = layers(p.required("LAYERS"), "LAYERS");
        List<Style> styles = styles(p.raw("STYLES"), layers);
        SupportedCrs crs = crs(p, v);
        Envelope bbox = bbox(p.required("BBOX"), crs, v);
        int width = p.positiveInt("WIDTH", MAX_SIZE);
        int height = p.positiveInt("HEIGHT", MAX_SIZE);
        ImageFormat format = needFormat ? format(p.required("FORMAT")) : ImageFormat.PNG;
        boolean transparent = "TRUE".equalsIgnoreCase(p.get("TRANSPARENT"));
        Color bg = bgcolor(p.get("BGCOLOR"));
        String timeText = p.get("TIME");
        LocalDate gridDate = null;
        if (layers.stream().anyMatch(MapLayer::isGrid)) {
            gridDate = time(timeText);
        }
        TimeRange range = timeRange(timeText);
        return new GetMapRequest(v, layers, styles, crs, bbox, width, height, format, transparent, bg, gridDate, range,
                vendor(p, layers));
    }

    /**
     * The vendor parameters given, each checked by the asked layers that declare it.
     *
     * @throws WmsException InvalidParameterValue naming the parameter and value
     */
    static Map<String, String> vendor(WmsParams p, List<MapLayer> layers) {
        Map<String, String> out = new TreeMap<>();
        for (String name : MapLayers.vendorParams()) {
            String value = p.get(name.toUpperCase(Locale.ROOT));
            if (value == null || value.isBlank()) {
                continue;
            }
            for (MapLayer l : layers) {
                TableLayer.Param decl = l.table() == null ? null : l.table().params().get(name);
                if (decl != null) {
                    try {
                        decl.value(value);
                    } catch (IllegalArgumentException e) {
                        throw new WmsException(WmsException.INVALID_PARAMETER, e.getMessage(),
                                name.toUpperCase(Locale.ROOT));
                    }
                }
            }
            out.put(name, value.trim());
        }
        return out;
    }

    /**
     * TIME for grid layers: one date ({@code 2024-06-01}, a timestamp's date part is used), or
     * absent/{@code current} for the current cells (null).
     *
     * @throws WmsException InvalidDimensionValue naming the value for anything else (ranges, lists)
     */
    static LocalDate time(String text) {
        if (text == null || text.equalsIgnoreCase("current") || text.equalsIgnoreCase("present")) {
            return null;
        }
        if (text.matches("\\d{4}-\\d{2}-\\d{2}(T.*)?")) {
            try {
                return LocalDate.parse(text.substring(0, 10));
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw new WmsException(WmsException.INVALID_DIMENSION_VALUE, "TIME must be one date like 2024-06-01 or current"
                + " for grid layers (ranges and lists are for register layers such as complaints), but was: '" + text
                + "'", "TIME");
    }

    /**
     * TIME for time-filtered register layers: null (absent or {@code current}: each layer's default
     * window), one day (a date, or a timestamp's date) or an interval {@code start/end} of dates or
     * timestamps ({@code ..} for an open end), dates in the server's time zone.
     *
     * @throws WmsException InvalidDimensionValue naming TIME and the value
     */
    static TimeRange timeRange(String text) {
        if (text == null || text.equalsIgnoreCase("current") || text.equalsIgnoreCase("present")) {
            return null;
        }
        String t = text.indexOf('/') < 0 && text.matches("\\d{4}-\\d{2}-\\d{2}T.*") ? text.substring(0, 10) : text;
        try {
            return TimeRange.parse("TIME", t, ZoneId.systemDefault());
        } catch (IllegalArgumentException e) {
            throw new WmsException(WmsException.INVALID_DIMENSION_VALUE, e.getMessage(), "TIME");
        }
    }

    static List<MapLayer> layers(String text, String param) {
        List<MapLayer> out = new ArrayList<>();
        for (String name : text.split(",", -1)) {
            out.add(MapLayers.find(name).orElseThrow(() -> new WmsException(WmsException.LAYER_NOT_DEFINED,
                    "layer '" + name.trim() + "' in " + param + " is not defined; layers: "
                            + MapLayers.all().stream().map(MapLayer::name).toList(), name.trim())));
        }
        return out;
    }

    /** Empty, absent or all-empty (",,,") STYLES mean the default style of each layer. */
    static List<Style> styles(String text, List<MapLayer> layers) {
        String[] names = text == null || text.isBlank() ? new String[0] : text.split(",", -1);
        if (names.length > 0 && names.length != layers.size()) {
            throw new WmsException(WmsException.STYLE_NOT_DEFINED, "STYLES must name one style per layer ("
                    + layers.size() + "), or be empty, but was: '" + text + "'", "STYLES");
        }
        List<Style> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            String n = i < names.length ? names[i].trim() : "";
            try {
                out.add(layers.get(i).style(n));
            } catch (IllegalArgumentException e) {
                throw new WmsException(WmsException.STYLE_NOT_DEFINED, e.getMessage(), n);
            }
        }
        return out;
    }

    /** CRS in 1.3.0, SRS in 1.1.1 (the other name is accepted too). GCJ-02/BD-09 are not offered. */
    static SupportedCrs crs(WmsParams p, WmsVersion v) {
        String param = v == WmsVersion.V130 ? "CRS" : "SRS";
        String other = v == WmsVersion.V130 ? "SRS" : "CRS";
        String text = p.get(param) != null ? p.get(param) : p.get(other);
        if (text == null) {
            throw WmsException.missing(param);
        }
        String code = v == WmsVersion.V130 ? "InvalidCRS" : "InvalidSRS";
        SupportedCrs crs;
        try {
            crs = CrsRegistry.parse(text);
        } catch (IllegalArgumentException e) {
            throw new WmsException(code, param + " '" + text + "' is not supported; see the capabilities", param);
        }
        if (crs.kind() == SupportedCrs.Kind.GCJ02 || crs.kind() == SupportedCrs.Kind.BD09) {
            throw new WmsException(code, param + " '" + text + "' is not offered by this WMS", param);
        }
        return crs;
    }

    /** BBOX in the request's axis order (y first for lat/lon and Gauss-Krüger CRSs in 1.3.0), as x/y. */
    static Envelope bbox(String text, SupportedCrs crs, WmsVersion v) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw WmsException.invalid("BBOX", "BBOX must be four numbers minx,miny,maxx,maxy, but was: '" + text + "'");
        }
        double[] d = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                d[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                d[i] = Double.NaN;
            }
            if (!Double.isFinite(d[i])) {
                throw WmsException.invalid("BBOX", "BBOX has a non-number '" + parts[i] + "' in '" + text + "'");
            }
        }
        if (d[0] >= d[2] || d[1] >= d[3]) {
            throw WmsException.invalid("BBOX", "BBOX must have minx < maxx and miny < maxy, but was: '" + text + "'");
        }
        boolean yx = v == WmsVersion.V130 && crs.axisOrderYX();
        return yx ? new Envelope(d[1], d[3], d[0], d[2]) : new Envelope(d[0], d[2], d[1], d[3]);
    }

    static ImageFormat format(String text) {
        try {
            return ImageFormat.parse(text);
        } catch (IllegalArgumentException e) {
            throw new WmsException(WmsException.INVALID_FORMAT, e.getMessage(), "FORMAT");
        }
    }

    /** 0xRRGGBB (also #RRGGBB); white when absent. */
    static Color bgcolor(String text) {
        if (text == null) {
            return Color.WHITE;
        }
        String t = text.toUpperCase(Locale.ROOT);
        String hex = t.startsWith("0X") ? t.substring(2) : t.startsWith("#") ? t.substring(1) : t;
        if (!hex.matches("[0-9A-F]{6}")) {
            throw WmsException.invalid("BGCOLOR", "BGCOLOR must be 0xRRGGBB, but was: '" + text + "'");
        }
        return new Color(Integer.parseInt(hex, 16));
    }
}
