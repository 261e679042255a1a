package cn.gridwatch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.TestHttp;
import cn.gridwatch.TestHttp.Reply;
import cn.gridwatch.config.Config;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The web map's HTTP side on the real server: the redirect from {@code /}, the page and Leaflet
 * served publicly from the jar with their caching, {@code /api/web/config} with the basemap setting,
 * that setting's validation, and no browser password dialog for a page whose session ended.
 */
class WebPagesTest {
    private static final String BASEMAP = "https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile"
            + "&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}"
            + "&TILECOL={x}&tk=KEY";
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.server()
            .env("GRIDWATCH_BASEMAP_URL", BASEMAP).env("GRIDWATCH_BASEMAP_ATTRIBUTION", "天地图");
    private static TestHttp anon;

    @BeforeAll
    static void start() {
        anon = server.http().anonymous();
    }

    @Test
    void the_root_redirects_to_the_page_without_credentials() {
        Reply r = anon.get("/");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).isEqualTo("/web/");
    }

    @Test
    void the_page_is_public_chinese_and_revalidated() {
        Reply r = anon.get("/web/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.body()).contains("<html lang=\"zh-CN\">").contains("网格监管地图")
                .contains("lib/leaflet-" + WebController.LEAFLET_VERSION + "/dist/leaflet.js")
                .doesNotContain("http://").doesNotContain("https://");
        assertThat(r.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(anon.get("/web/js/main.js").contentType()).contains("javascript");
    }

    @Test
    void the_page_preloads_every_one_of_its_modules() throws Exception {
        String html = anon.get("/web/").body();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("web", "js"))) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".js") && !n.equals("main.js"))
                    .forEach(n -> assertThat(html).as("index.html preloads %s", n)
                            .contains("<link rel=\"modulepreload\" href=\"js/" + n + "\">"));
        }
    }

    @Test
    void leaflet_comes_from_the_jar_cached_for_a_year_under_its_versioned_path() {
        Reply js = anon.get(WebController.LEAFLET_PATH + "/dist/leaflet.js");
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.body()).contains("Leaflet").contains("1.9.4");
        assertThat(js.header("Cache-Control")).contains("immutable");
        assertThat(anon.get(WebController.LEAFLET_PATH + "/dist/leaflet.css").status()).isEqualTo(200);
        assertThat(anon.get(WebController.LEAFLET_PATH + "/dist/images/layers.png").contentType()).isEqualTo("image/png");
    }

    @Test
    void an_unknown_file_under_web_is_404_and_the_api_stays_closed() {
        assertThat(anon.get("/web/nothing-here.js").status()).isEqualTo(404);
        assertThat(anon.get("/api/web/config").status()).isEqualTo(401);
        assertThat(anon.get("/api/grids").status()).isEqualTo(401);
    }

    @Test
    void the_config_endpoint_hands_the_page_the_basemap_setting() {
        Reply r = server.http().get("/api/web/config");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("basemap").get("url").asText()).isEqualTo(BASEMAP);
        assertThat(r.json().get("basemap").get("attribution").asText()).isEqualTo("天地图");
        assertThat(r.json().get("maxUploadMb").asInt()).isEqualTo(2);
    }

    @Test
    void a_request_whose_session_ended_gets_no_password_challenge() {
        Reply r = anon.with("Cookie", "gw_session=ended-or-forged").get("/tiles/grid_city/0/0/0.png");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).isNull();
        // GIS clients without a cookie still get the challenge that makes them ask for a password
        assertThat(anon.get("/tiles/grid_city/0/0/0.png").header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void a_bad_basemap_url_stops_start_up_naming_the_variable() {
        assertThatThrownBy(() -> config("GRIDWATCH_BASEMAP_URL", "ftp://tiles.example/{z}/{x}/{y}.png"))
                .hasMessageContaining("GRIDWATCH_BASEMAP_URL").hasMessageContaining("ftp://");
        assertThatThrownBy(() -> config("GRIDWATCH_BASEMAP_URL", "https://tiles.example/{z}/{x}.png"))
                .hasMessageContaining("GRIDWATCH_BASEMAP_URL").hasMessageContaining("{y}");
        assertThatThrownBy(() -> config("GRIDWATCH_BASEMAP_URL", "https://tiles.example/\"{z}/{x}/{y}.png"))
                .hasMessageContaining("GRIDWATCH_BASEMAP_URL");
        assertThat(config("GRIDWATCH_BASEMAP_URL", " ").basemapUrl()).isNull();
        assertThat(config("GRIDWATCH_BASEMAP_URL", "https://a.example/{z}/{x}/{y}.png").basemapUrl())
                .isEqualTo("https://a.example/{z}/{x}/{y}.png");
    }

    private static Config config(String key, String value) {
        Map<String, String> env = new HashMap<>();
        env.put("GRIDWATCH_DB_URL", "jdbc:postgresql://127.0.0.1:1/x");
        env.put(key, value);
        return Config.from(env);
    }
}
