package cn.gridwatch.map.wms;

import cn.gridwatch.db.DatabaseException;
import cn.gridwatch.map.MapFeature;
import cn.gridwatch.map.MapLayer;
import cn.gridwatch.map.render.ImageEncoder;
import cn.gridwatch.map.render.ImageFormat;
import cn.gridwatch.map.render.Legend;
import cn.gridwatch.map.style.Style;
import cn.gridwatch.security.AccessFilter;
import cn.gridwatch.security.Scope;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.awt.Color;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import cn.gridwatch.map.table.TableFilter;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /wms}: OGC WMS 1.1.1 and 1.3.0 (GetCapabilities, GetMap, GetFeatureInfo,
 * GetLegendGraphic). Parameter names are case-insensitive; a missing VERSION means 1.3.0. Every
 * failure is a service exception in the version's format (or drawn into the image for
 * EXCEPTIONS=INIMAGE, a blank image for BLANK), HTTP 200 as WMS clients expect, 503 when the
 * database fails. Answers about the grid alone carry an ETag from the grid version, the normalized
 * request and the caller's scope, checked before any drawing; answers that include register layers
 * or the capabilities (register extents, today's date) carry an ETag of their bytes. A matching
 * If-None-Match gives 304. Officers see only their jurisdiction's register features (maps and feature
 * info) and grid cells (feature info). Authentication happens before, in {@link AccessFilter}.
 * Thread-safe.
 */
public final class WmsController {
    private static final Logger LOG = LoggerFactory.getLogger(WmsController.class);
    private final WmsService wms;

    public WmsController(WmsService wms) {
        this.wms = wms;
    }

    public void routes(RoutesConfig r) {
        r.get("/wms", this::handle);
    }

    private void handle(Context ctx) {
        WmsParams p = WmsParams.of(ctx.queryParamMap());
        WmsVersion v = version(p);
        String request = p.get("REQUEST");
        try {
            String service = p.get("SERVICE");
            if (service != null && !service.equalsIgnoreCase("WMS")) {
                throw WmsException.invalid("SERVICE", "SERVICE must be WMS, but was: '" + service + "'");
            }
            if (request == null) {
                throw WmsException.missing("REQUEST");
            }
            switch (request.toLowerCase(Locale.ROOT)) {
                case "getcapabilities", "capabilities" -> capabilities(ctx, p, v);
                case "getmap", "map" -> getMap(ctx, p, v);
                case "getfeatureinfo", "feature_info" -> featureInfo(ctx, p, v);
                case "getlegendgraphic" -> legend(ctx, p, v);
                default -> throw new WmsException(WmsException.OPERATION_NOT_SUPPORTED, "REQUEST '" + request
                        + "' is not supported; use GetCapabilities, GetMap, GetFeatureInfo or GetLegendGraphic", "REQUEST");
            }
        } catch (WmsException e) {
            report(ctx, p, v, request, e, 200);
        } catch (DatabaseException e) {
            LOG.warn("database failure on WMS {}: {}", request, e.getMessage());
            report(ctx, p, v, request, new WmsException(null, "the database is unavailable or failed; try again", null), 503);
        }
    }

    /** VERSION (or 1.0's WMTVER) negotiated; a GetMap with SRS but no VERSION and no CRS is 1.1.1. */
    private static WmsVersion version(WmsParams p) {
        String asked = p.get("VERSION") != null ? p.get("VERSION") : p.get("WMTVER");
        if (asked == null && p.get("SRS") != null && p.get("CRS") == null) {
            return WmsVersion.V111;
        }
        return WmsVersion.negotiate(asked);
    }

    private void capabilities(Context ctx, WmsParams p, WmsVersion v) {
        long version = wms.version();
        String seq = p.get("UPDATESEQUENCE");
        if (seq != null) {
            long asked;
            try {
                asked = Long.parseLong(seq);
            } catch (NumberFormatException e) {
                throw new WmsException(WmsException.INVALID_UPDATE_SEQUENCE, "UPDATESEQUENCE must be a number like "
                        + version + ", but was: '" + seq + "'", "UPDATESEQUENCE");
            }
            if (asked == version) {
                throw new WmsException(WmsException.CURRENT_UPDATE_SEQUENCE, "UPDATESEQUENCE " + seq + " is current",
                        "UPDATESEQUENCE");
            }
            if (asked > version) {
                throw new WmsException(WmsException.INVALID_UPDATE_SEQUENCE, "UPDATESEQUENCE " + seq
                        + " is newer than the server's " + version, "UPDATESEQUENCE");
            }
        }
        String xml = CapabilitiesWriter.write(v, baseUrl(ctx), version, wms.extents(version), LocalDate.now());
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        if (notModified(ctx, bodyTag(body))) {
            return;
        }
        ctx.contentType(v == WmsVersion.V111 ? "application/vnd.ogc.wms_xml; charset=UTF-8" : "text/xml; charset=UTF-8")
                .result(body);
    }

    private void getMap(Context ctx, WmsParams p, WmsVersion v) {
        GetMapRequest r = GetMapRequest.parse(p, v, true);
        boolean registers = r.hasRegisterLayers();
        if (!registers && notModified(ctx, requestTag(ctx, p, v, wms.version()))) {
            return;
        }
        byte[] image = ImageEncoder.encode(wms.map(r, scope(ctx).prefix(), viewer(ctx)), r.format(), r.bgcolor());
        if (registers && notModified(ctx, bodyTag(image))) {
            return;
        }
        ctx.contentType(r.format().mime()).result(image);
    }

    private void featureInfo(Context ctx, WmsParams p, WmsVersion v) {
        GetMapRequest r = GetMapRequest.parse(p, v, false);
        List<MapLayer> query = GetMapRequest.layers(p.required("QUERY_LAYERS"), "QUERY_LAYERS");
        for (MapLayer q : query) {
            if (!r.layers().contains(q)) {
                throw new WmsException(WmsException.LAYER_NOT_DEFINED, "QUERY_LAYERS names " + q.name()
                        + ", which is not in LAYERS", q.name());
            }
        }
        String format = FeatureInfoWriter.checkFormat(p.get("INFO_FORMAT"));
        String iName = v == WmsVersion.V130 ? "I" : "X";
        String jName = v == WmsVersion.V130 ? "J" : "Y";
        int i = pixel(p, iName, v == WmsVersion.V130 ? "X" : "I", r.width());
        int j = pixel(p, jName, v == WmsVersion.V130 ? "Y" : "J", r.height());
        int max = featureCount(p.get("FEATURE_COUNT"));
        boolean registers = query.stream().anyMatch(l -> !l.isGrid());
        if (!registers && notModified(ctx, requestTag(ctx, p, v, wms.version()))) {
            return;
        }
        Scope scope = scope(ctx);
        Predicate<String> visible = code -> scope.isAll() || scope.contains(code) || scope.isAncestor(code);
        List<MapFeature> found = wms.featureInfo(r, query, i, j, max, visible, scope.prefix(), viewer(ctx));
        FeatureInfoWriter.Output out = FeatureInfoWriter.write(format, found);
        byte[] body = out.body().getBytes(StandardCharsets.UTF_8);
        if (registers && notModified(ctx, bodyTag(body))) {
            return;
        }
        ctx.contentType(out.contentType()).result(body);
    }

    private static int pixel(WmsParams p, String name, String otherName, int size) {
        String text = p.get(name) != null ? p.get(name) : p.get(otherName);
        if (text == null) {
            throw WmsException.missing(name);
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 0 && n < size) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new WmsException(WmsException.INVALID_POINT, name + " must be a pixel in 0.." + (size - 1)
                + ", but was: '" + text + "'", name);
    }

    private static int featureCount(String text) {
        if (text == null) {
            return 1;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return Math.min(n, 100);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw WmsException.invalid("FEATURE_COUNT", "FEATURE_COUNT must be a positive whole number, but was: '" + text + "'");
    }

    private void legend(Context ctx, WmsParams p, WmsVersion v) {
        MapLayer layer = GetMapRequest.layers(p.required("LAYER"), "LAYER").get(0);
        Style style = GetMapRequest.styles(p.get("STYLE"), List.of(layer)).get(0);
        ImageFormat format = p.get("FORMAT") == null ? ImageFormat.PNG : GetMapRequest.format(p.get("FORMAT"));
        int width = p.get("WIDTH") == null ? Legend.DEFAULT_BOX : p.positiveInt("WIDTH", 512);
        int height = p.get("HEIGHT") == null ? Legend.DEFAULT_BOX : p.positiveInt("HEIGHT", 512);
        if (notModified(ctx, requestTag(ctx, p, v, wms.version()))) {
            return;
        }
        ctx.contentType(format.mime()).result(ImageEncoder.encode(WmsService.legend(layer, style, width, height), format,
                Color.WHITE));
    }

    private static TableFilter.Viewer viewer(Context ctx) {
        return TableFilter.Viewer.of(AccessFilter.principal(ctx));
    }

    private static Scope scope(Context ctx) {
        return AccessFilter.principal(ctx).scope();
    }

    /** An ETag from what the answer depends on when only the grid is involved: grid version, request, scope. */
    private static String requestTag(Context ctx, WmsParams p, WmsVersion v, long gridVersion) {
        return "\"" + sha256(gridVersion + "|" + v.text() + "|" + p.normalized() + "|" + scope(ctx)) + "\"";
    }

    /** An ETag of the answer's bytes (for answers that depend on more than the grid version). */
    private static String bodyTag(byte[] body) {
        try {
            return "\"b" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    /** Sets the ETag; true (and 304 sent) when the client's If-None-Match already has it. */
    private static boolean notModified(Context ctx, String etag) {
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "private, no-cache");
        String inm = ctx.header("If-None-Match");
        if (inm != null && (inm.trim().equals("*") || List.of(inm.split(",")).stream()
                .map(s -> s.trim().replaceFirst("^W/", "")).anyMatch(etag::equals))) {
            ctx.status(304);
            return true;
        }
        return false;
    }

    private static String sha256(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    /** This service's URL for the capabilities, with the caller's access_token kept so URL-only clients work. */
    private static String baseUrl(Context ctx) {
        String token = ctx.queryParam("access_token");
        String host = ctx.host() == null ? "127.0.0.1" : ctx.host(); // HTTP/1.0 clients may send no Host
        return ctx.scheme() + "://" + host + "/wms?"
                + (token == null ? "" : "access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&");
    }

    private static void report(Context ctx, WmsParams p, WmsVersion v, String request, WmsException e, int status) {
        ExceptionReport.Mode mode = ExceptionReport.mode(p.get("EXCEPTIONS"));
        boolean image = request != null && request.equalsIgnoreCase("GetMap") && mode != ExceptionReport.Mode.XML;
        if (image) {
            try {
                int w = p.positiveInt("WIDTH", GetMapRequest.MAX_SIZE);
                int h = p.positiveInt("HEIGHT", GetMapRequest.MAX_SIZE);
                ImageFormat f = GetMapRequest.format(p.required("FORMAT"));
                boolean transparent = "TRUE".equalsIgnoreCase(p.get("TRANSPARENT")) && f.supportsAlpha();
                Color bg = GetMapRequest.bgcolor(p.get("BGCOLOR"));
                byte[] bytes = ImageEncoder.encode(ExceptionReport.image(e, w, h, transparent ? null : bg,
                        mode == ExceptionReport.Mode.INIMAGE), f, bg);
                ctx.status(status).contentType(f.mime()).result(bytes);
                return;
            } catch (WmsException cannotDraw) {
                // the size or format is what is wrong: fall back to the XML report
            }
        }
        ctx.status(status).contentType(ExceptionReport.contentType(v))
                .result(ExceptionReport.xml(v, e).getBytes(StandardCharsets.UTF_8));
    }
}
