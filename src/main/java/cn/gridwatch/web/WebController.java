package cn.gridwatch.web;

import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Serves the web map: {@code GET /} sends the browser to {@code /web/}, the page's files (the
 * project's {@code web/} directory, packed into the jar under {@code /web}) are served from
 * {@code /web/}, Leaflet from its WebJar under {@code /web/lib/leaflet-1.9.4/dist/} (the version is in the
 * path, so those files are cached for a year), and {@code GET /api/web/config} answers the page's
 * settings, among them {@code gridDate}: the day whose grid the tiles and locate show (the page
 * asks search and cell details for that day, so it never offers a cell the map does not draw).
 * Nothing is fetched from the internet at run time. The page itself is public (it shows a
 * sign-in form); everything it shows comes from the authenticated API. Stateless and thread-safe.
 */
public final class WebController {
    /** The Leaflet release the page loads; its WebJar is a dependency of the same version. */
    public static final String LEAFLET_VERSION = "1.9.4";
    public static final String LEAFLET_PATH = "/web/lib/leaflet-" + LEAFLET_VERSION;
    private final WebSettings settings;
    private final Supplier<LocalDate> gridDate;

    public WebController(WebSettings settings) {
        this(settings, () -> null);
    }

    /** @param gridDate the date of the grid the map draws (the locate snapshot's); null: unknown */
    public WebController(WebSettings settings, Supplier<LocalDate> gridDate) {
        this.settings = settings;
        this.gridDate = gridDate;
    }

    /** Registers the static file handlers (call inside {@code Javalin.create}). */
    public static void staticFiles(JavalinConfig config) {
        config.staticFiles.add(sf -> {
            sf.hostedPath = LEAFLET_PATH;
            // the WebJar has no entry for dist/ itself, and Javalin needs the directory to exist
            sf.directory = "/META-INF/resources/webjars/leaflet/" + LEAFLET_VERSION;
            sf.location = Location.CLASSPATH;
            sf.headers = Map.of("Cache-Control", "public, max-age=31536000, immutable");
        });
        config.staticFiles.add(sf -> {
            sf.hostedPath = "/web";
            sf.directory = "/web";
            sf.location = Location.CLASSPATH;
            // the page changes with each release: revalidate (Last-Modified / 304) rather than guess an age
            sf.headers = Map.of("Cache-Control", "no-cache");
        });
    }

    public void routes(RoutesConfig r) {
        r.get("/", ctx -> ctx.redirect("/web/", HttpStatus.FOUND));
        r.get("/api/web/config", this::config);
    }

    private void config(Context ctx) {
        Map<String, Object> basemap = new LinkedHashMap<>();
        basemap.put("url", settings.basemapUrl());
        basemap.put("attribution", settings.basemapAttribution());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("basemap", basemap);
        m.put("maxUploadMb", settings.maxUploadMb());
        m.put("leaflet", LEAFLET_VERSION);
        LocalDate day = gridDate.get();
        m.put("gridDate", day == null ? null : day.toString());
        ctx.header("Cache-Control", "no-cache");
        ctx.json(m);
    }
}
