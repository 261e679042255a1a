package cn.gridwatch.map.tiles;

import cn.gridwatch.http.Params;
import cn.gridwatch.map.TableLayer;
import cn.gridwatch.map.TimeRange;
import cn.gridwatch.map.table.TableFilter;
import cn.gridwatch.map.style.Style;
import cn.gridwatch.security.AccessFilter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP for tiles of every published layer: vector {@code GET /tiles/{layer}/{z}/{x}/{y}.mvt}, raster
 * {@code GET /tiles/{layer}/{z}/{x}/{y}.png?style=} (256x256, transparent, drawn like WMS GetMap;
 * default style outline_labels for grid layers, the layer's default style for registers) and the
 * TileJSON 3.0.0 document {@code GET /tiles/{layer}.json} (vector). Timed register layers take
 * {@code from} and {@code to} (ISO dates, both included; default: the layer's window). Caching for
 * clients: every tile has an ETag ({@code "v{version}-{crc}"}) and answers {@code If-None-Match}
 * with 304; a plain URL is {@code Cache-Control: no-cache} (revalidate every time), a grid tile URL
 * with {@code ?v=} equal to the current grid version is immutable for a year (TileJSON hands out
 * such URLs, so a grid change gives clients new URLs). An empty tile is 204 No Content. Officers
 * see only their jurisdiction.
 */
public final class TileController {
    public static final String MVT = "application/vnd.mapbox-vector-tile";
    public static final String PNG = "image/png";
    private final TileService tiles;

    public TileController(TileService tiles) {
        this.tiles = tiles;
    }

    public void routes(RoutesConfig r) {
        r.get("/tiles/{layer}/{z}/{x}/{file}", this::tile);
        r.get("/tiles/{file}", this::tileJson);
    }

    private void tile(Context ctx) {
        TileLayer layer = TileLayer.byId(ctx.pathParam("layer"));
        String file = ctx.pathParam("file");
        String scope = AccessFilter.principal(ctx).scope().prefix();
        TableFilter filter = new TableFilter(timeRange(ctx), scope, vendorParams(ctx, layer),
                TableFilter.Viewer.of(AccessFilter.principal(ctx)));
        if (file.endsWith(".png")) {
            String style = Params.text(ctx, "style");
            if (style == null && layer.isGrid()) {
                style = Style.OUTLINE_LABELS;
            }
            send(ctx, layer, tiles.png(layer, coord(ctx, file), style, filter), PNG);
        } else if (file.endsWith(".mvt") || file.endsWith(".pbf")) {
            send(ctx, layer, tiles.tile(layer, coord(ctx, file), filter), MVT);
        } else {
            throw new IllegalArgumentException("a tile URL ends in {y}.mvt or {y}.png, but was: '" + file + "'");
        }
    }

    /**
     * The vendor parameters the layer declares ({@code plan}, {@code level}, {@code network}), checked.
     *
     * @throws IllegalArgumentException naming the parameter and the bad value
     */
    static Map<String, String> vendorParams(Context ctx, TileLayer layer) {
        Map<String, String> out = new java.util.TreeMap<>();
        if (layer.layer().table() != null) {
            layer.layer().table().params().forEach((name, decl) -> {
                String v = Params.text(ctx, name);
                if (v != null) {
                    decl.value(v);
                    out.put(name, v);
                }
            });
        }
        return out;
    }

    /** {@code from}/{@code to} (ISO dates, both days included) for timed layers; null when neither is given. */
    static TimeRange timeRange(Context ctx) {
        LocalDate from = Params.date(ctx, "from");
        LocalDate to = Params.date(ctx, "to");
        if (from == null && to == null) {
            return null;
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("query parameter 'to' (" + to + ") must not be before 'from' (" + from + ")");
        }
        ZoneId zone = ZoneId.systemDefault();
        return new TimeRange(from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private static TileCoord coord(Context ctx, String file) {
        return TileCoord.parse(ctx.pathParam("z"), ctx.pathParam("x"), file.substring(0, file.lastIndexOf('.')));
    }

    /**
     * The caching headers, 304 for a matching If-None-Match, 204 for an empty tile, else the bytes.
     * Only grid tiles with the current {@code ?v=} are immutable; register tiles always revalidate.
     */
    private static void send(Context ctx, TileLayer layer, Tile tile, String contentType) {
        String v = Params.text(ctx, "v");
        boolean versioned = layer.isGrid() && v != null && v.equals(Long.toString(tile.version()));
        ctx.header("Cache-Control", versioned ? "public, max-age=31536000, immutable" : "no-cache");
        ctx.header("Vary", "Authorization");
        ctx.header("ETag", tile.etag());
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && matches(ifNoneMatch, tile.etag())) {
            ctx.status(304);
            return;
        }
        if (tile.isEmpty()) {
            ctx.status(204);
            return;
        }
        // straight from the cached array to the socket: ctx.result(byte[]) wraps it in a stream that
        // Javalin copies in 8 KiB steps, the hottest frame of a cached tile in a profile (bench/README)
        ctx.contentType(contentType);
        ctx.res().setContentLength(tile.bytes().length);
        try {
            ctx.res().getOutputStream().write(tile.bytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("writing a tile to the client", e);
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String part : ifNoneMatch.split(",")) {
            String p = part.trim();
            if (p.equals("*") || p.equals(etag) || p.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    /** TileJSON 3.0.0 for one layer; tile URLs carry {@code ?v=} (and the caller's access_token, if any). */
    private void tileJson(Context ctx) {
        String file = ctx.pathParam("file");
        if (!file.endsWith(".json")) {
            throw new io.javalin.http.NotFoundResponse("no such resource: " + ctx.path());
        }
        TileLayer layer = TileLayer.byId(file.substring(0, file.length() - ".json".length()));
        long version = tiles.currentVersion();
        String token = Params.text(ctx, "access_token");
        String query = layer.isGrid() ? "?v=" + version : ""; // register tiles are not versioned
        if (token != null) {
            query += (query.isEmpty() ? "?" : "&") + "access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        }
        String url = ctx.scheme() + "://" + ctx.host() + "/tiles/" + layer.id() + "/{z}/{x}/{y}.mvt" + query;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", "String");
        fields.put("name", "String");
        if (layer.isGrid()) {
            fields.put("level", "String");
        } else {
            fields.put("class", "String");
            layer.layer().table().attributes().keySet().forEach(a -> fields.put(a, "String"));
            if (layer.layer().table().scoped()) {
                for (String c : TableLayer.CELL_COLUMNS) {
                    fields.put(c, "String");
                }
            }
        }
        Map<String, Object> vl = new LinkedHashMap<>();
        vl.put("id", layer.id());
        vl.put("description", layer.title());
        vl.put("minzoom", layer.minZoom());
        vl.put("maxzoom", TileLayer.TILEJSON_MAX_ZOOM);
        vl.put("fields", fields);
        List<Object> layers = new ArrayList<>();
        layers.add(vl);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tilejson", "3.0.0");
        m.put("name", layer.id());
        m.put("description", layer.title());
        m.put("version", "1.0." + version);
        m.put("scheme", "xyz");
        m.put("tiles", List.of(url));
        m.put("minzoom", layer.minZoom());
        m.put("maxzoom", TileLayer.TILEJSON_MAX_ZOOM);
        m.put("bounds", tiles.bounds(layer, AccessFilter.principal(ctx).scope().prefix()));
        m.put("vector_layers", layers);
        ctx.header("Cache-Control", "no-cache");
        ctx.json(m);
    }
}
