package cn.gridwatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One tab of the web map in the browser tests, with what the tests ask of it: sign in, open the
 * page and wait for the grid, read what the tiles drew, move the map, take screenshots. Uncaught
 * script errors are collected ({@link #errors()}). Not thread-safe.
 */
final class MapPage {
    static final Path SHOTS = Path.of(System.getProperty("gridwatch.screenshots", "target/screenshots"));
    private final String base;
    private final Page page;
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());

    MapPage(BrowserContext context, String base) {
        this.base = base;
        this.page = context.newPage();
        page.onPageError(e -> errors.add(e));
        page.setDefaultTimeout(20_000);
    }

    /** A browser context of the given size, signed in as {@code user} through the API (session cookie). */
    static BrowserContext signedIn(Browser browser, String base, int width, int height, String user, String password) {
        BrowserContext ctx = browser.newContext(options(width, height));
        var r = ctx.request().post(base + "/api/auth/login",
                RequestOptions.create().setData(Map.of("username", user, "password", password)));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return ctx;
    }

    /** A desk or phone of that size in China: Chinese locale, China time (what the page shows times in). */
    static Browser.NewContextOptions options(int width, int height) {
        return new Browser.NewContextOptions().setViewportSize(width, height).setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai");
    }

    Page page() {
        return page;
    }

    List<String> errors() {
        return errors;
    }

    /** Opens {@code /} (the redirect to the page) and waits until every grid level in view has its tiles. */
    MapPage open() {
        page.navigate(base + "/");
        waitForGrid();
        return this;
    }

    void waitForGrid() {
        page.waitForFunction("() => window.gwTimings && window.gwTimings.gridLoaded");
    }

    /** Sets the view and waits until the grid tiles of the new view have loaded. */
    void view(double lat, double lon, int zoom) {
        page.evaluate("([lat, lon, z]) => new Promise(resolve => {"
                + " const m = window.gwMap; m.setView([lat, lon], z, {animate: false});"
                + " setTimeout(resolve, 50); })", List.of(lat, lon, zoom));
        waitForTiles();
    }

    /** Waits until no grid level on the map is loading tiles (empty tiles, 204, count as done). */
    void waitForTiles() {
        page.waitForFunction("() => !window.gwMap._animatingZoom"
                + " && [...window.gwGrid.layers.values()].every(l => !l._map || !l._loading)");
        page.waitForTimeout(300); // Leaflet's 200 ms tile fade-in
    }

    /** How many tiles of a level are loaded and how many of their pixels are not transparent. */
    Map<String, Object> tilePixels(String level) {
        return pixels(".grid-tiles-" + level);
    }

    /** Waits for the server-drawn overlay {@code id} (overlays.js) to load, then counts its tiles' pixels. */
    Map<String, Object> overlayPixels(String id) {
        page.waitForFunction("id => { const l = window.gwOverlays.layers.get(id); return l && l._map && !l._loading; }", id);
        page.waitForTimeout(300); // the tile fade-in
        return pixels(".overlay-" + id);
    }

    /** Loaded tiles under the tile layer container {@code selector} and their non-transparent pixels. */
    @SuppressWarnings("unchecked")
    Map<String, Object> pixels(String selector) {
        return (Map<String, Object>) page.evaluate("sel => {"
                + " const imgs = [...document.querySelectorAll(`${sel} img.leaflet-tile-loaded`)];"
                + " const c = document.createElement('canvas'); c.width = c.height = 256;"
                + " const g = c.getContext('2d'); let drawn = 0;"
                + " for (const img of imgs) { g.clearRect(0, 0, 256, 256); g.drawImage(img, 0, 0);"
                + "   const d = g.getImageData(0, 0, 256, 256).data;"
                + "   for (let i = 3; i < d.length; i += 4) if (d[i] > 0) drawn++; }"
                + " return {tiles: imgs.length, drawn, src: imgs.length ? imgs[0].getAttribute('src') : null}; }", selector);
    }

    /** The map as the user sees it. */
    BufferedImage mapImage() {
        return MapPixels.decode(page.locator("#map").screenshot());
    }

    /** Clicks the map at a lon/lat (it must be in view, not under a control). */
    void clickAt(double lat, double lon) {
        @SuppressWarnings("unchecked")
        Map<String, Number> p = (Map<String, Number>) page.evaluate("([lat, lon]) => {"
                + " const pt = window.gwMap.latLngToContainerPoint([lat, lon]);"
                + " const r = document.getElementById('map').getBoundingClientRect();"
                + " return {x: r.left + pt.x, y: r.top + pt.y}; }", List.of(lat, lon));
        page.mouse().click(p.get("x").doubleValue(), p.get("y").doubleValue());
    }

    Locator $(String selector) {
        return page.locator(selector);
    }

    void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")));
    }

    void close() {
        page.close();
    }
}
