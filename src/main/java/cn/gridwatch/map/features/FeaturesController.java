package cn.gridwatch.map.features;

import cn.gridwatch.http.Params;
import cn.gridwatch.map.MapLayers;
import cn.gridwatch.map.table.TableFilter;
import cn.gridwatch.map.FeaturePage;
import cn.gridwatch.map.FeatureRow;
import cn.gridwatch.map.TimeRange;
import cn.gridwatch.security.AccessFilter;
import com.fasterxml.jackson.databind.util.RawValue;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * OGC API – Features Part 1 (Core, GeoJSON) under {@code /ogc}: landing page, conformance,
 * collections (every published layer: grid levels and registers), items (bbox in CRS84 lon/lat,
 * {@code datetime} for timed collections such as complaints, whose default is their window,
 * {@code ../..} for all; limit/offset paging with {@code next}/{@code prev} links) and single items. Answers are JSON ({@code f=json}; GeoJSON for items, RFC 7946, lon/lat).
 * Links are absolute and keep {@code access_token} when the caller sent one, so a GIS client that
 * can only put the token in the URL can follow them. Errors use the app's JSON error shape.
 * Officers see only their jurisdiction.
 */
public final class FeaturesController {
    static final String GEOJSON = "application/geo+json";
    static final String JSON = "application/json";
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson");

    private final FeaturesService features;

    public FeaturesController(FeaturesService features) {
        this.features = features;
    }

    public void routes(RoutesConfig r) {
        r.get("/ogc", this::landing);
        r.get("/ogc/conformance", this::conformance);
        r.get("/ogc/collections", this::collections);
        r.get("/ogc/collections/{id}", this::collection);
        r.get("/ogc/collections/{id}/items", this::items);
        r.get("/ogc/collections/{id}/items/{featureId}", this::item);
    }

    private void landing(Context ctx) {
        checkFormat(ctx);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "gridwatch");
        m.put("description", "The supervision grid as OGC API – Features (read-only)");
        m.put("links", List.of(
                link(ctx, "/ogc", "self", JSON, "This document"),
                link(ctx, "/ogc/conformance", "conformance", JSON, "Conformance classes"),
                link(ctx, "/ogc/collections", "data", JSON, "Collections")));
        ctx.json(m);
    }

    private void conformance(Context ctx) {
        checkFormat(ctx);
        ctx.json(Map.of("conformsTo", CONFORMANCE));
    }

    private void collections(Context ctx) {
        checkFormat(ctx);
        List<Object> list = new ArrayList<>();
        for (FeatureCollectionDef d : FeatureCollectionDef.ALL) {
            list.add(describe(ctx, d));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("links", List.of(link(ctx, "/ogc/collections", "self", JSON, "Collections")));
        m.put("collections", list);
        ctx.json(m);
    }

    private void collection(Context ctx) {
        checkFormat(ctx);
        ctx.json(describe(ctx, FeatureCollectionDef.byId(ctx.pathParam("id"))));
    }

    private Map<String, Object> describe(Context ctx, FeatureCollectionDef d) {
        double[] e = features.extent(d, scope(ctx));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("title", d.title());
        m.put("description", d.description());
        m.put("itemType", "feature");
        m.put("crs", List.of(CRS84));
        m.put("storageCrs", CRS84);
        Map<String, Object> extent = new LinkedHashMap<>();
        if (e != null) {
            extent.put("spatial", Map.of("bbox", List.of(e), "crs", CRS84));
        }
        Instant[] t = features.timeExtent(d);
        if (t != null) {
            extent.put("temporal", Map.of("interval", List.of(List.of(t[0].toString(), t[1].toString())),
                    "trs", "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"));
        }
        if (!extent.isEmpty()) {
            m.put("extent", extent);
        }
        String base = "/ogc/collections/" + d.id();
        m.put("links", List.of(
                link(ctx, base, "self", JSON, d.title()),
                link(ctx, base + "/items", "items", GEOJSON, d.title() + " as GeoJSON")));
        return m;
    }

    private void items(Context ctx) {
        checkFormat(ctx);
        FeatureCollectionDef d = FeatureCollectionDef.byId(ctx.pathParam("id"));
        Envelope bbox = Params.bbox(ctx, "bbox");
        int limit = Params.intValue(ctx, "limit", FeaturesService.DEFAULT_LIMIT, 1, FeaturesService.MAX_LIMIT);
        int offset = Params.intValue(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        String datetime = Params.text(ctx, "datetime");
        TimeRange time = datetime == null ? null : TimeRange.parse("query parameter 'datetime'", datetime,
                ZoneId.systemDefault());
        Map<String, String> vendor = vendorParams(ctx);
        FeaturePage page = features.page(d, new TableFilter(time, scope(ctx), vendor,
                TableFilter.Viewer.of(AccessFilter.principal(ctx))), bbox, limit, offset);
        String path = "/ogc/collections/" + d.id() + "/items";
        String bboxText = Params.text(ctx, "bbox");
        List<Object> links = new ArrayList<>();
        links.add(link(ctx, path + query(bboxText, datetime, vendor, limit, offset), "self", GEOJSON, "This page"));
        if (offset + page.rows().size() < page.matched()) {
            links.add(link(ctx, path + query(bboxText, datetime, vendor, limit, offset + page.rows().size()), "next", GEOJSON,
                    "Next page"));
        }
        if (offset > 0) {
            links.add(link(ctx, path + query(bboxText, datetime, vendor, limit, Math.max(0, offset - limit)), "prev", GEOJSON,
                    "Previous page"));
        }
        List<Object> feats = new ArrayList<>(page.rows().size());
        for (FeatureRow row : page.rows()) {
            feats.add(feature(row));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "FeatureCollection");
        m.put("numberMatched", page.matched());
        m.put("numberReturned", page.rows().size());
        m.put("links", links);
        m.put("features", feats);
        ctx.json(m).contentType(GEOJSON);
    }

    private void item(Context ctx) {
        checkFormat(ctx);
        FeatureCollectionDef d = FeatureCollectionDef.byId(ctx.pathParam("id"));
        FeatureRow row = features.one(d, scope(ctx), TableFilter.Viewer.of(AccessFilter.principal(ctx)),
                ctx.pathParam("featureId"));
        Map<String, Object> m = feature(row);
        String base = "/ogc/collections/" + d.id();
        m.put("links", List.of(link(ctx, base + "/items/" + enc(row.id()), "self", GEOJSON, String.valueOf(
                row.properties().get("name"))),
                link(ctx, base, "collection", JSON, d.title())));
        ctx.json(m).contentType(GEOJSON);
    }

    private static Map<String, Object> feature(FeatureRow row) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("id", row.id());
        f.put("geometry", new RawValue(row.geometryJson()));
        f.put("properties", row.properties());
        return f;
    }

    /** Only JSON is offered: {@code f} absent, json or geojson. */
    private static void checkFormat(Context ctx) {
        String f = Params.text(ctx, "f");
        if (f != null && !f.equals("json") && !f.equals("geojson")) {
            throw new IllegalArgumentException("query parameter 'f' must be json (the only format offered), but was: '"
                    + f + "'");
        }
    }

    private static String scope(Context ctx) {
        return AccessFilter.principal(ctx).scope().prefix();
    }

    /** The vendor parameters any layer declares ({@code plan}, {@code level}), as given in the query. */
    private static Map<String, String> vendorParams(Context ctx) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (String name : MapLayers.vendorParams()) {
            String v = Params.text(ctx, name);
            if (v != null) {
                out.put(name, v);
            }
        }
        return out;
    }

    private static String query(String bbox, String datetime, Map<String, String> vendor, int limit, int offset) {
        StringBuilder q = new StringBuilder("?limit=").append(limit).append("&offset=").append(offset);
        if (bbox != null) {
            q.append("&bbox=").append(enc(bbox));
        }
        if (datetime != null) {
            q.append("&datetime=").append(enc(datetime));
        }
        vendor.forEach((k, v) -> q.append('&').append(k).append('=').append(enc(v)));
        return q.toString();
    }

    /** An absolute link; keeps {@code f} and the caller's {@code access_token}. */
    private static Map<String, Object> link(Context ctx, String pathAndQuery, String rel, String type, String title) {
        StringBuilder href = new StringBuilder(ctx.scheme()).append("://").append(ctx.host()).append(pathAndQuery);
        char sep = pathAndQuery.contains("?") ? '&' : '?';
        String f = Params.text(ctx, "f");
        if (f != null) {
            href.append(sep).append("f=").append(enc(f));
            sep = '&';
        }
        String token = Params.text(ctx, "access_token");
        if (token != null) {
            href.append(sep).append("access_token=").append(enc(token));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("href", href.toString());
        m.put("rel", rel);
        m.put("type", type);
        m.put("title", title);
        return m;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
