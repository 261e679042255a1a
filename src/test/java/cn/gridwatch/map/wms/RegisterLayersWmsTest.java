package cn.gridwatch.map.wms;

import static cn.gridwatch.map.wms.WmsFixture.image;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.TestServer;
import cn.gridwatch.map.RegisterFixture;
import cn.gridwatch.security.Role;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The register layers in WMS on the real server and PostGIS, over {@link RegisterFixture}: maps are
 * 400 x 400 pixels of the whole city (112..114E, 27..29N, 1.1.1 EPSG:4326), so (lon, lat) is the
 * pixel ((lon - 112) * 200, (29 - lat) * 200).
 */
class RegisterLayersWmsTest {
    private static final String MAP = "/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&SRS=EPSG:4326&BBOX=112,27,114,29"
            + "&WIDTH=400&HEIGHT=400&FORMAT=image/png&TRANSPARENT=TRUE&STYLES=";
    private static final String INFO = "/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetFeatureInfo&SRS=EPSG:4326"
            + "&BBOX=112,27,114,29&WIDTH=400&HEIGHT=400&STYLES=&FEATURE_COUNT=10";
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.server();
    private static String token;

    @BeforeAll
    static void start() {
        RegisterFixture.load(server.testServer(), server.fresh());
        token = server.tokenFor(TestServer.ADMIN);
    }

    private static HttpResponse<byte[]> get(String q) {
        return WmsFixture.get(server.port(), token, q);
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static BufferedImage map(String layers) {
        return map(token, layers, "");
    }

    private static BufferedImage map(String as, String layers, String extra) {
        HttpResponse<byte[]> r = WmsFixture.get(server.port(), as, MAP + "&LAYERS=" + layers + extra);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(text(r)).startsWith("image/png");
        return image(r.body());
    }

    /** The pixel colour (RGB, 0 when transparent) at (lon, lat). */
    private static int at(BufferedImage img, double lon, double lat) {
        int argb = img.getRGB((int) ((lon - 112) * 200), (int) ((29 - lat) * 200));
        return (argb >>> 24) < 128 ? 0 : argb & 0xFFFFFF;
    }

    private static boolean drawn(BufferedImage img, double lon, double lat) {
        return at(img, lon, lat) != 0;
    }

    @Test
    void capabilities_list_every_register_layer_with_chinese_titles_styles_legends_and_the_complaint_time() throws Exception {
        Document d = xml(get("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0"));
        List<String> names = texts(d, "Name");
        assertThat(names).contains("air_stations", "water_sections", "drinking_water_sources", "drinking_water_zones",
                "outfalls", "pollution_sources", "complaints", "problems", "by_type", "by_class", "open_overdue");
        assertThat(texts(d, "Title")).contains("空气质量监测站 Air monitoring stations", "污染源 Pollution sources",
                "信访投诉 Complaints", "未办结问题 Open problems", "按监管类别 By inspection class");
        Element complaints = layer(d, "complaints");
        Element time = (Element) complaints.getElementsByTagNameNS("*", "Dimension").item(0);
        LocalDate today = LocalDate.now();
        assertThat(time.getAttribute("default")).isEqualTo(today.minusDays(365) + "/" + today);
        assertThat(time.getTextContent()).isEqualTo("2024-03-15/" + today + "/P1D");
        Element sources = layer(d, "pollution_sources");
        Element box = (Element) sources.getElementsByTagNameNS("*", "EX_GeographicBoundingBox").item(0);
        assertThat(box.getElementsByTagNameNS("*", "westBoundLongitude").item(0).getTextContent()).isEqualTo("112.1");
        assertThat(box.getElementsByTagNameNS("*", "eastBoundLongitude").item(0).getTextContent()).isEqualTo("113.6");
        Element legend = (Element) sources.getElementsByTagNameNS("*", "LegendURL").item(0);
        assertThat(Integer.parseInt(legend.getAttribute("height"))).isGreaterThanOrEqualTo(3 * 20);
        String href = ((Element) legend.getElementsByTagNameNS("*", "OnlineResource").item(0))
                .getAttributeNS("http://www.w3.org/1999/xlink", "href");
        assertThat(href).contains("REQUEST=GetLegendGraphic").contains("LAYER=pollution_sources");
        Document v111 = xml(get("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.1.1"));
        assertThat(texts(v111, "Name")).contains("problems", "drinking_water_zones");
    }

    @Test
    void each_register_row_is_drawn_with_the_symbol_of_its_class_and_retired_closed_or_old_rows_are_not() {
        BufferedImage air = map("air_stations");
        assertThat(at(air, 112.25, 27.5)).as("national station red").isEqualTo(0xC0392B);
        assertThat(at(air, 113.5, 28.5)).as("micro-station light blue").isEqualTo(0x5DADE2);
        assertThat(drawn(air, 112.3, 27.6)).as("retired").isFalse();
        assertThat(drawn(air, 112.35, 27.4)).as("a closed version").isFalse();
        BufferedImage sources = map("pollution_sources");
        assertThat(at(sources, 112.1, 27.1)).isEqualTo(0xC0392B);
        assertThat(at(sources, 113.6, 27.6)).isEqualTo(0xE67E22);
        assertThat(at(sources, 112.9, 27.9)).isEqualTo(0x7F8C8D);
        assertThat(drawn(sources, 112.2, 27.9)).as("closed source").isFalse();
        BufferedImage water = map("water_sections,drinking_water_zones,drinking_water_sources,outfalls");
        assertThat(at(water, 112.75, 27.25)).isEqualTo(0x1F4E9E);
        assertThat(at(water, 113.25, 27.25)).as("the source's star over its zone").isEqualTo(0x0B5394);
        int zone = water.getRGB((int) ((113.15 - 112) * 200), (int) ((29 - 27.35) * 200));
        assertThat(zone >>> 24).as("the zone is filled, half transparent").isBetween(60, 120);
        assertThat(drawn(water, 112.6, 28.6)).as("outfall").isTrue();
        assertThat(drawn(water, 113.05, 27.05)).as("outside the zone").isFalse();
    }

    @Test
    void complaints_show_the_last_365_days_by_default_and_the_time_asked_otherwise() {
        BufferedImage byDefault = map("complaints");
        assertThat(drawn(byDefault, 112.2, 27.2)).as("10 days ago").isTrue();
        assertThat(drawn(byDefault, 112.2, 27.8)).as("400 days ago").isFalse();
        assertThat(drawn(byDefault, 113.2, 28.2)).as("2024").isFalse();
        String old = LocalDate.now().minusDays(500) + "/" + LocalDate.now().minusDays(300);
        BufferedImage range = map(token, "complaints", "&TIME=" + old);
        assertThat(drawn(range, 112.2, 27.8)).isTrue();
        assertThat(drawn(range, 112.2, 27.2)).isFalse();
        BufferedImage day = map(token, "complaints", "&TIME=2024-03-15");
        assertThat(drawn(day, 113.2, 28.2)).isTrue();
        assertThat(drawn(day, 112.2, 27.2)).isFalse();
        BufferedImage all = map(token, "complaints", "&TIME=../..");
        assertThat(drawn(all, 112.2, 27.2) && drawn(all, 112.2, 27.8) && drawn(all, 113.2, 28.2)).isTrue();
        assertException(get(MAP + "&LAYERS=complaints&TIME=2024-05-01/2024-01-01"), "InvalidDimensionValue");
        assertException(get(MAP + "&LAYERS=complaints&TIME=last-week"), "InvalidDimensionValue");
        assertException(get(MAP + "&LAYERS=complaints,grid_county&STYLES=,&TIME=2024-01-01/2024-02-01"),
                "InvalidDimensionValue");
    }

    @Test
    void open_problems_are_drawn_with_the_overdue_ones_in_red_and_closed_ones_not_at_all() {
        BufferedImage img = map("problems");
        assertThat(at(img, 112.4, 27.4)).as("overdue").isEqualTo(0xE74C3C);
        assertThat(at(img, 113.4, 28.4)).as("open, deadline ahead").isEqualTo(0xF39C12);
        assertThat(drawn(img, 112.45, 27.45)).as("closed").isFalse();
        String json = text(get(INFO + "&LAYERS=problems&QUERY_LAYERS=problems&INFO_FORMAT=application/json&X="
                + (int) ((112.4 - 112) * 200) + "&Y=" + (int) ((29 - 27.4) * 200)));
        assertThat(json).contains("\"code\":\"P-OVERDUE\"").contains("\"class\":\"overdue\"")
                .contains("\"overdue\":true").contains("\"layer\":\"problems\"").doesNotContain("P-CLOSED");
        String open = text(get(INFO + "&LAYERS=problems&QUERY_LAYERS=problems&INFO_FORMAT=text/plain&X="
                + (int) ((113.4 - 112) * 200) + "&Y=" + (int) ((29 - 28.4) * 200)));
        assertThat(open).contains("code = P-OPEN").contains("overdue = false").contains("class = open");
    }

    @Test
    void feature_info_of_register_layers_gives_their_attributes_in_every_format() {
        String q = INFO + "&LAYERS=pollution_sources,grid_village&STYLES=,&QUERY_LAYERS=pollution_sources,grid_village"
                + "&X=" + (int) ((112.1 - 112) * 200) + "&Y=" + (int) ((29 - 27.1) * 200);
        String plain = text(get(q + "&INFO_FORMAT=text/plain"));
        assertThat(plain).contains("Layer 'pollution_sources'").contains("特殊监管化工厂").contains("inspection_class = special")
                .contains("village_code = 430102001001").contains("Layer 'grid_village'").contains("解放东村社区");
        assertThat(text(get(q + "&INFO_FORMAT=text/html"))).contains("<caption>pollution_sources</caption>")
                .contains("<td>特殊监管化工厂</td>");
        assertThat(text(get(q + "&INFO_FORMAT=application/vnd.ogc.gml")))
                .contains("<gw:inspection_class>special</gw:inspection_class>");
        String far = text(get(INFO + "&LAYERS=pollution_sources&QUERY_LAYERS=pollution_sources&INFO_FORMAT=text/plain"
                + "&X=" + (int) ((112.1 - 112) * 200 + 20) + "&Y=" + (int) ((29 - 27.1) * 200)));
        assertThat(far).as("20 pixels away").contains("no features");
    }

    @Test
    void officers_see_only_the_register_features_of_their_jurisdiction() {
        server.userWithToken("reg-county", Role.COUNTY_OFFICER, "430103");
        server.userWithToken("reg-township", Role.TOWNSHIP_OFFICER, "430102001");
        String county = server.tokenFor("reg-county");
        String township = server.tokenFor("reg-township");
        BufferedImage c = map(county, "pollution_sources,outfalls,grid_county", "&STYLES=,,");
        assertThat(drawn(c, 113.6, 27.6)).as("S-KEY in 430103").isTrue();
        assertThat(drawn(c, 112.1, 27.1)).as("S-SPECIAL in 430102").isFalse();
        assertThat(drawn(c, 112.6, 28.6)).as("OUT-1 in 430102").isFalse();
        BufferedImage t = map(township, "pollution_sources,outfalls", "&STYLES=,");
        assertThat(drawn(t, 112.1, 27.1)).isTrue();
        assertThat(drawn(t, 112.9, 27.9)).as("S-GEN in village 430102001002").isTrue();
        assertThat(drawn(t, 112.6, 28.6)).as("OUT-1: county 430102 only, not in the township").isFalse();
        assertThat(drawn(t, 113.6, 27.6)).isFalse();
        String info = INFO + "&LAYERS=pollution_sources&QUERY_LAYERS=pollution_sources&INFO_FORMAT=text/plain&X="
                + (int) ((112.1 - 112) * 200) + "&Y=" + (int) ((29 - 27.1) * 200);
        assertThat(text(WmsFixture.get(server.port(), county, info))).contains("no features");
        assertThat(text(WmsFixture.get(server.port(), township, info))).contains("S-SPECIAL");
    }

    @Test
    void legends_list_each_class_with_its_chinese_title_even_without_width_and_height() {
        BufferedImage air = image(get("/wms?SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER=air_stations&FORMAT=image/png")
                .body());
        assertThat(air.getHeight()).as("seven classes of 20 px").isGreaterThanOrEqualTo(7 * 20);
        assertThat(air.getWidth()).as("symbol and title").isGreaterThan(100);
        assertThat(colours(air)).contains(0xC0392B, 0x5DADE2, 0x8E44AD);
        BufferedImage big = image(get("/wms?SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER=problems&FORMAT=image/png"
                + "&WIDTH=40&HEIGHT=40").body());
        assertThat(big.getHeight()).isGreaterThanOrEqualTo(2 * 40);
        assertThat(colours(big)).contains(0xE74C3C, 0xF39C12);
        assertException(get("/wms?SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER=problems&STYLE=outline"),
                "StyleNotDefined");
    }

    @Test
    void a_register_map_has_an_etag_of_its_bytes_that_changes_when_the_rows_change() {
        HttpResponse<byte[]> first = get(MAP + "&LAYERS=problems");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(WmsFixture.get(server.port(), token, MAP + "&LAYERS=problems", "If-None-Match", etag).statusCode())
                .isEqualTo(304);
        server.db().inTransaction("moving a deadline", c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("update problem set deadline = now() - interval '1 day' where code = 'P-OPEN'");
            }
            return null;
        });
        HttpResponse<byte[]> after = WmsFixture.get(server.port(), token, MAP + "&LAYERS=problems", "If-None-Match", etag);
        assertThat(after.statusCode()).as("the open problem is overdue now: a new image").isEqualTo(200);
        assertThat(at(image(after.body()), 113.4, 28.4)).isEqualTo(0xE74C3C);
        server.db().inTransaction("moving it back", c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("update problem set deadline = now() + interval '10 days' where code = 'P-OPEN'");
            }
            return null;
        });
    }

    private static List<Integer> colours(BufferedImage img) {
        List<Integer> out = new ArrayList<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if ((p >>> 24) == 255) {
                    out.add(p & 0xFFFFFF);
                }
            }
        }
        return out;
    }

    private static void assertException(HttpResponse<byte[]> r, String code) {
        assertThat(text(r)).contains("code=\"" + code + "\"");
    }

    private static Document xml(HttpResponse<byte[]> r) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
    }

    private static List<String> texts(Document d, String tag) {
        NodeList nl = d.getElementsByTagNameNS("*", tag);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nl.getLength(); i++) {
            out.add(nl.item(i).getTextContent().trim());
        }
        return out;
    }

    private static Element layer(Document d, String name) {
        NodeList nl = d.getElementsByTagNameNS("*", "Layer");
        for (int i = 0; i < nl.getLength(); i++) {
            Element e = (Element) nl.item(i);
            Element n = (Element) e.getElementsByTagNameNS("*", "Name").item(0);
            if (n != null && n.getParentNode() == e && n.getTextContent().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no layer " + name);
    }
}
