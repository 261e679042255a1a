package cn.gridwatch.routing.network;

import cn.gridwatch.Json;
import cn.gridwatch.geo.CrsRegistry;
import cn.gridwatch.http.Params;
import cn.gridwatch.http.Uploads;
import cn.gridwatch.routing.TravelMatrix;
import cn.gridwatch.routing.network.graph.Snap;
import cn.gridwatch.security.AccessFilter;
import cn.gridwatch.security.AccessPolicy;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;

/**
 * HTTP in and out for road networks, routes and travel matrices. Coordinates are lon/lat in
 * EPSG:4490 unless {@code crs=} names another supported CRS (GCJ-02 and BD-09 included); answers are
 * EPSG:4490. Import and delete are for administrators and planners ({@link AccessPolicy}).
 */
public final class RoadController {
    /** Largest matrix over HTTP; the Java API takes up to {@link RoadMatrixProvider#MAX_POINTS}. */
    public static final int MAX_HTTP_POINTS = 1000;
    private final RoadImportService imports;
    private final RoadMatrixProvider roads;
    private final long maxUploadBytes;

    public RoadController(RoadImportService imports, RoadMatrixProvider roads, int maxUploadMb) {
        this.imports = imports;
        this.roads = roads;
        this.maxUploadBytes = (long) maxUploadMb * 1024 * 1024;
    }

    public void routes(RoutesConfig r) {
        r.post("/api/roads/import", this::importUpload);
        r.get("/api/roads/networks", this::networks);
        r.delete("/api/roads/networks/{name}", this::delete);
        r.get("/api/roads/route", this::route);
        r.post("/api/matrix", this::matrix);
    }

    private void importUpload(Context ctx) throws IOException {
        AccessPolicy.checkMayEditRoads(AccessFilter.principal(ctx));
        String name = Params.required(ctx, "name");
        RoadImportService.checkName(name);
        Path dir = Files.createTempDirectory("gridwatch-roads-");
        try {
            Path file = receive(ctx, dir);
            RoadImportReport report = imports.importFile(file, name, String.valueOf(file.getFileName()),
                    Params.flag(ctx, "force"), AccessFilter.actor(ctx));
            ctx.status(report.status().equals("unchanged") ? 200 : 201).json(report);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** Copies the upload into {@code dir} under the name the client gave it (so errors name their file). */
    private Path receive(Context ctx, Path dir) throws IOException {
        Uploads.checkDeclaredLength(ctx, maxUploadBytes);
        if (Uploads.isMultipart(ctx)) {
            UploadedFile up = Uploads.multipartFile(ctx);
            Path target = dir.resolve(safeName(up.filename()));
            Uploads.copy(up.content(), target, maxUploadBytes);
            return target;
        }
        Path target = dir.resolve(safeName(Params.text(ctx, "filename")));
        if (Uploads.copy(ctx.bodyInputStream(), target, maxUploadBytes) == 0) {
            throw new IllegalArgumentException("the request body is empty: send the OSM file as the body or as"
                    + " multipart field 'file'");
        }
        return target;
    }

    /** The last path element of a client's file name, without control characters, at most 100 characters. */
    private static String safeName(String name) {
        String base = name == null ? "" : name.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").strip();
        if (base.length() > 100) {
            base = base.substring(base.length() - 100);
        }
        return base.isEmpty() || base.equals(".") || base.equals("..") ? "upload.osm" : base;
    }

    private void networks(Context ctx) {
        List<RoadNetworkInfo> all = imports.networks();
        int limit = Params.intValue(ctx, "limit", 100, 1, 1000);
        int offset = Params.intValue(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", all.size());
        m.put("limit", limit);
        m.put("offset", offset);
        m.put("items", all.stream().skip(offset).limit(limit).toList());
        ctx.json(m);
    }

    private void delete(Context ctx) {
        String name = ctx.pathParam("name");
        if (!imports.delete(name, AccessFilter.actor(ctx))) {
            throw new HttpResponseException(404, "no road network named '" + name + "'", Map.of());
        }
        ctx.status(204);
    }

    private void route(Context ctx) throws JsonProcessingException {
        String crs = Params.text(ctx, "crs");
        Coordinate from = point("from", Params.required(ctx, "from"), crs);
        Coordinate to = point("to", Params.required(ctx, "to"), crs);
        RoadRoute r = roads.route(from, to);
        if (!r.reachable()) {
            throw new HttpResponseException(422, "no route from " + Params.required(ctx, "from") + " to "
                    + Params.required(ctx, "to") + ": " + String.join("; ", r.notes()), Map.of());
        }
        List<double[]> coords = new ArrayList<>();
        for (Coordinate c : r.geometry().getCoordinates()) {
            coords.add(new double[] {c.x, c.y});
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("seconds", r.seconds());
        props.put("metres", r.metres());
        props.put("method", r.method());
        props.put("notes", r.notes());
        props.put("from", snap(r.from()));
        props.put("to", snap(r.to()));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("geometry", Map.of("type", "LineString", "coordinates", coords));
        f.put("properties", props);
        ctx.contentType("application/geo+json; charset=utf-8").result(Json.MAPPER.writeValueAsString(f));
    }

    private static Map<String, Object> snap(Snap s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lon", s.lon());
        m.put("lat", s.lat());
        m.put("status", s.status().name().toLowerCase(Locale.ROOT));
        if (s.graph() != null) {
            m.put("network", s.networkName());
            m.put("snappedLon", s.snappedLon());
            m.put("snappedLat", s.snappedLat());
            m.put("roadName", s.graph().edgeName(s.edge()));
        }
        m.put("distanceM", Double.isNaN(s.distanceM()) ? null : Math.round(s.distanceM() * 10) / 10.0);
        if (s.reason() != null) {
            m.put("reason", s.reason());
        }
        return m;
    }

    private void matrix(Context ctx) {
        MatrixRequest req = MatrixRequest.parse(ctx.body(), Params.text(ctx, "crs"), MAX_HTTP_POINTS);
        TravelMatrix m = roads.matrix(req.points());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("size", m.size());
        out.put("method", m.method());
        out.put("seconds", nullWhereUnreachable(m.seconds()));
        out.put("metres", nullWhereUnreachable(m.meters()));
        out.put("notes", m.notes());
        ctx.json(out);
    }

    private static List<List<Long>> nullWhereUnreachable(long[][] a) {
        List<List<Long>> rows = new ArrayList<>(a.length);
        for (long[] row : a) {
            List<Long> r = new ArrayList<>(row.length);
            for (long v : row) {
                r.add(v >= TravelMatrix.UNREACHABLE ? null : v);
            }
            rows.add(r);
        }
        return rows;
    }

    /** {@code lon,lat} in {@code crs} (default EPSG:4490) to EPSG:4490. */
    static Coordinate point(String name, String text, String crs) {
        String[] p = text.split(",");
        if (p.length != 2) {
            throw new IllegalArgumentException("query parameter '" + name + "' must be lon,lat, but was: '" + text + "'");
        }
        double x = Params.parseDouble(name, p[0].trim());
        double y = Params.parseDouble(name, p[1].trim());
        return toCgcs2000(name, x, y, crs);
    }

    static Coordinate toCgcs2000(String name, double x, double y, String crs) {
        if (crs != null) {
            double[] c = CrsRegistry.toCgcs2000(crs, x, y);
            x = c[0];
            y = c[1];
        }
        if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90)) {
            throw new IllegalArgumentException(name + " must be longitude in [-180, 180] and latitude in [-90, 90],"
                    + " but was: " + x + ", " + y);
        }
        return new Coordinate(x, y);
    }
}
