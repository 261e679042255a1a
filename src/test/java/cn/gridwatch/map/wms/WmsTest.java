package cn.gridwatch.map.wms;

import static cn.gridwatch.map.wms.WmsFixture.darkPixels;
import static cn.gridwatch.map.wms.WmsFixture.darkestColumn;
import static cn.gridwatch.map.wms.WmsFixture.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.TestServer;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The WMS on the real server and PostGIS over the {@link WmsFixture} grid. */
class WmsTest {
    private static final String MAP = "/wms?SERVICE=WMS&REQUEST=GetMap&STYLES=&FORMAT=image/png";
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.server();
    private static String token;
    private static int port;

    @BeforeAll
    static void start() {
        WmsFixture.load(server.testServer());
        token = server.tokenFor(TestServer.ADMIN);
        port = server.port();
    }

    private static HttpResponse<byte[]> get(String q, String... headers) {
        return WmsFixture.get(port, token, q, headers);
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
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

    private static Element bbox(Document d, String attr, String crs) {
        NodeList nl = d.getElementsByTagNameNS("*", "BoundingBox");
        for (int i = 0; i < nl.getLength(); i++) {
            Element e = (Element) nl.item(i);
            if (e.getAttribute(attr).equals(crs)) {
                return e; // the root layer's comes first
            }
        }
        throw new AssertionError("no BoundingBox for " + crs);
    }

    private static double attr(Element e, String name) {
        return Double.parseDouble(e.getAttribute(name));
    }

    private static void assertException(HttpResponse<byte[]> r, String code) {
        assertThat(text(r)).contains("ServiceExceptionReport").contains("code=\"" + code + "\"");
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void capabilities_130_list_every_layer_the_crs_list_and_bounding_boxes_in_the_right_axis_order() throws Exception {
        HttpResponse<byte[]> r = get("/wms?service=WMS&request=GetCapabilities&version=1.3.0");
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        Document d = xml(r);
        assertThat(d.getDocumentElement().getLocalName()).isEqualTo("WMS_Capabilities");
        assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.opengis.net/wms");
        assertThat(d.getDocumentElement().getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation"))
                .contains("capabilities_1_3_0.xsd");
        assertThat(texts(d, "Name")).contains("grid_city", "grid_county", "grid_township", "grid_village");
        assertThat(texts(d, "Title")).contains("村/社区网格 Village grid");
        // 112..114E touches the zones of 111E (EPSG:4546) and 114E (EPSG:4547), nothing else
        assertThat(texts(d, "CRS")).containsExactly("EPSG:4490", "EPSG:4326", "CRS:84", "EPSG:3857", "EPSG:4546",
                "EPSG:4547");
        for (String geographic : List.of("EPSG:4326", "EPSG:4490")) {
            Element b = bbox(d, "CRS", geographic);
            assertThat(attr(b, "minx")).as("latitude first").isCloseTo(27, within(1e-6));
            assertThat(attr(b, "miny")).isCloseTo(112, within(1e-6));
            assertThat(attr(b, "maxx")).isCloseTo(29, within(1e-6));
            assertThat(attr(b, "maxy")).isCloseTo(114, within(1e-6));
        }
        Element crs84 = bbox(d, "CRS", "CRS:84");
        assertThat(attr(crs84, "minx")).isCloseTo(112, within(1e-6));
        Element gk = bbox(d, "CRS", "EPSG:4547");
        assertThat(attr(gk, "minx")).as("northing first").isBetween(2_900_000.0, 3_100_000.0);
        assertThat(attr(gk, "miny")).as("easting, false easting 500 km").isBetween(200_000.0, 500_000.0);
        Element merc = bbox(d, "CRS", "EPSG:3857");
        assertThat(attr(merc, "minx")).isCloseTo(12_467_782.96, within(1.0));
        assertThat(texts(d, "westBoundLongitude")).contains("112");
        assertThat(texts(d, "MaxScaleDenominator")).contains("250000");
        assertThat(texts(d, "Format")).contains("image/png", "image/png; mode=8bit", "image/jpeg", "XML", "INIMAGE",
                "BLANK", "application/json", "text/html");
        assertThat(text(r)).contains("outline_labels").contains("REQUEST=GetLegendGraphic").contains("queryable=\"1\"");
    }

    @Test
    void capabilities_111_have_the_doctype_srs_and_lon_lat_boxes() throws Exception {
        HttpResponse<byte[]> r = get("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.1.1");
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.ogc.wms_xml");
        assertThat(text(r)).contains("<!DOCTYPE WMT_MS_Capabilities SYSTEM").contains("<ScaleHint");
        Document d = xml(r);
        assertThat(d.getDocumentElement().getTagName()).isEqualTo("WMT_MS_Capabilities");
        assertThat(texts(d, "SRS")).contains("EPSG:4490", "EPSG:4326", "EPSG:3857", "EPSG:4547");
        Element b = bbox(d, "SRS", "EPSG:4326");
        assertThat(attr(b, "minx")).as("longitude first in 1.1.1").isCloseTo(112, within(1e-6));
        assertThat(d.getElementsByTagName("LatLonBoundingBox").getLength()).isGreaterThan(0);
        assertThat(texts(d, "Format")).contains("application/vnd.ogc.se_inimage");
    }

    @Test
    void version_negotiation_answers_the_highest_supported_at_or_below_the_request() {
        assertThat(text(get("/wms?SERVICE=WMS&REQUEST=GetCapabilities"))).contains("<WMS_Capabilities version=\"1.3.0\"");
        assertThat(text(get("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=2.0.0"))).contains("version=\"1.3.0\"");
        assertThat(text(get("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.2.0")))
                .contains("<WMT_MS_Capabilities version=\"1.1.1\"");
        assertThat(text(get("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.0.0"))).contains("version=\"1.1.1\"");
    }

    @Test
    void update_sequence_equal_to_the_current_one_is_reported() {
        String caps = text(get("/wms?SERVICE=WMS&REQUEST=GetCapabilities"));
        String seq = caps.replaceFirst("(?s).*updateSequence=\"(\\d+)\".*", "$1");
        assertException(get("/wms?SERVICE=WMS&REQUEST=GetCapabilities&UPDATESEQUENCE=" + seq), "CurrentUpdateSequence");
        assertException(get("/wms?SERVICE=WMS&REQUEST=GetCapabilities&UPDATESEQUENCE=" + (Long.parseLong(seq) + 5)),
                "InvalidUpdateSequence");
    }

    @Test
    void the_same_area_in_epsg4326_130_crs84_and_epsg4326_111_gives_identical_images() {
        byte[] a = get(MAP + "&VERSION=1.3.0&LAYERS=grid_county,grid_township&CRS=EPSG:4326&BBOX=27.5,112.5,28.5,113.5"
                + "&WIDTH=400&HEIGHT=400").body();
        byte[] b = get(MAP + "&VERSION=1.3.0&LAYERS=grid_county,grid_township&CRS=CRS:84&BBOX=112.5,27.5,113.5,28.5"
                + "&WIDTH=400&HEIGHT=400").body();
        byte[] c = get(MAP + "&VERSION=1.1.1&LAYERS=grid_county,grid_township&SRS=EPSG:4326&BBOX=112.5,27.5,113.5,28.5"
                + "&WIDTH=400&HEIGHT=400").body();
        BufferedImage ia = image(a);
        assertThat(pixels(image(b))).isEqualTo(pixels(ia));
        assertThat(pixels(image(c))).isEqualTo(pixels(ia));
        // the county boundary at 113E is the middle column, the township boundary at 28N the middle row
        // (townships draw below 1:1 000 000: a degree on 400 pixels is about 1:994 000)
        assertThat(darkestColumn(ia, 10, 190, 500)).isBetween(198, 201);
        assertThat(darkPixels(ia, 0, 199, 400, 201, 500)).isGreaterThan(300);
    }

    @Test
    void a_gauss_kruger_map_in_130_takes_the_bbox_as_northing_easting() {
        double[] c = cn.gridwatch.geo.CrsRegistry.fromCgcs2000("EPSG:4547", 113, 28); // on the county boundary
        String bbox = (c[1] - 40_000) + "," + (c[0] - 40_000) + "," + (c[1] + 40_000) + "," + (c[0] + 40_000);
        BufferedImage img = image(get(MAP + "&VERSION=1.3.0&LAYERS=grid_county&CRS=EPSG:4547&BBOX=" + bbox
                + "&WIDTH=400&HEIGHT=400").body());
        // the meridian 113E leans by the grid convergence (about 0.5 degree here): a few pixels over the height
        assertThat(darkestColumn(img, 150, 250, 500)).isBetween(197, 203);
        // easting first is 1.1.1's order: in 1.3.0 it is read as a northing of ~460 km, far from this grid
        BufferedImage swapped = image(get(MAP + "&VERSION=1.3.0&LAYERS=grid_county&CRS=EPSG:4547&WIDTH=400&HEIGHT=400"
                + "&BBOX=" + (c[0] - 40_000) + "," + (c[1] - 40_000) + "," + (c[0] + 40_000) + "," + (c[1] + 40_000)).body());
        assertThat(darkPixels(swapped, 0, 0, 400, 400, 500)).isZero();
        BufferedImage v111 = image(get(MAP + "&VERSION=1.1.1&LAYERS=grid_county&SRS=EPSG:4547&WIDTH=400&HEIGHT=400"
                + "&BBOX=" + (c[0] - 40_000) + "," + (c[1] - 40_000) + "," + (c[0] + 40_000) + "," + (c[1] + 40_000)).body());
        assertThat(pixels(v111)).isEqualTo(pixels(img));
    }

    @Test
    void time_picks_the_cell_versions_valid_on_that_day() {
        String q = MAP + "&VERSION=1.3.0&LAYERS=grid_county&CRS=EPSG:4490&BBOX=27.5,112.5,28.5,113.5&WIDTH=400&HEIGHT=400";
        int[] current = pixels(image(get(q).body()));
        assertThat(pixels(image(get(q + "&TIME=2024-06-01").body()))).isEqualTo(current);
        assertThat(pixels(image(get(q + "&TIME=current").body()))).isEqualTo(current);
        assertThat(darkPixels(image(get(q + "&TIME=2023-12-31").body()), 0, 0, 400, 400, 500))
                .as("nothing was valid before the import's 2024-01-01").isZero();
        assertException(get(q + "&TIME=2024-01-01/2024-02-01"), "InvalidDimensionValue");
        assertException(get(q + "&TIME=yesterday"), "InvalidDimensionValue");
        String fi = text(get("/wms?SERVICE=WMS&REQUEST=GetFeatureInfo&VERSION=1.3.0&LAYERS=grid_county&STYLES="
                + "&CRS=EPSG:4490&BBOX=27,112,29,114&WIDTH=200&HEIGHT=200&QUERY_LAYERS=grid_county&I=50&J=50"
                + "&INFO_FORMAT=text/plain&TIME=2023-01-01"));
        assertThat(fi).contains("no features");
        assertThat(text(get("/wms?SERVICE=WMS&REQUEST=GetCapabilities")))
                .contains("<Dimension name=\"time\" units=\"ISO8601\" default=\"current\" current=\"1\" nearestValue=\"0\">"
                        + "2024-01-01/present/P1D</Dimension>");
        assertThat(text(get("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.1.1")))
                .contains("<Extent name=\"time\" default=\"current\" nearestValue=\"0\">2024-01-01/present/P1D</Extent>");
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    @Test
    void parameter_names_are_case_insensitive() {
        HttpResponse<byte[]> r = get("/wms?sErViCe=WMS&Request=GetMap&version=1.3.0&layers=grid_city&styles=&crs=EPSG:4490"
                + "&bbox=27,112,29,114&Width=64&HEIGHT=64&format=image/png");
        assertThat(r.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        assertThat(image(r.body()).getWidth()).isEqualTo(64);
    }

    @Test
    void tiny_and_large_images_have_the_requested_size_and_formats_encode() throws Exception {
        BufferedImage small = image(get(MAP + "&VERSION=1.3.0&LAYERS=grid_city&CRS=EPSG:4490&BBOX=27,112,29,114"
                + "&WIDTH=8&HEIGHT=5").body());
        assertThat(small.getWidth()).isEqualTo(8);
        assertThat(small.getHeight()).isEqualTo(5);
        BufferedImage large = image(get(MAP + "&VERSION=1.3.0&LAYERS=grid_city,grid_county&CRS=EPSG:3857"
                + "&BBOX=12400000,3100000,12800000,3400000&WIDTH=1024&HEIGHT=768").body());
        assertThat(large.getWidth()).isEqualTo(1024);
        assertThat(large.getHeight()).isEqualTo(768);
        HttpResponse<byte[]> png8 = get(MAP.replace("image/png", "image/png;%20mode=8bit") + "&VERSION=1.3.0"
                + "&LAYERS=grid_county&CRS=EPSG:4490&BBOX=27.5,112.5,28.5,113.5&WIDTH=400&HEIGHT=400&TRANSPARENT=TRUE");
        assertThat(png8.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png; mode=8bit");
        BufferedImage p8 = image(png8.body());
        assertThat(p8.getColorModel()).isInstanceOf(IndexColorModel.class);
        assertThat(p8.getRGB(25, 25) >>> 24).as("transparent inside the county").isEqualTo(0);
        assertThat(p8.getRGB(200, 100) >>> 24).as("the boundary at 113E is opaque").isGreaterThan(128);
        HttpResponse<byte[]> jpeg = get(MAP.replace("image/png", "image/jpeg") + "&VERSION=1.1.1&LAYERS=grid_county"
                + "&SRS=EPSG:4490&BBOX=112,27,114,29&WIDTH=100&HEIGHT=100&BGCOLOR=0xFF0000");
        assertThat(jpeg.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/jpeg");
        int rgb = image(jpeg.body()).getRGB(25, 25);
        assertThat((rgb >> 16) & 0xFF).as("red background").isGreaterThan(200);
        assertThat(rgb & 0xFF).isLessThan(60);
    }

    @Test
    void errors_are_service_exception_reports_with_the_ogc_codes() {
        String ok = "&VERSION=1.3.0&CRS=EPSG:4490&BBOX=27,112,29,114&WIDTH=10&HEIGHT=10";
        assertException(get(MAP + ok + "&LAYERS=grid_nothing"), "LayerNotDefined");
        assertException(get(MAP.replace("image/png", "image/gif") + ok + "&LAYERS=grid_city"), "InvalidFormat");
        assertException(get("/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&LAYERS=grid_city&STYLES=&CRS=EPSG:4490"
                + "&WIDTH=10&HEIGHT=10&FORMAT=image/png"), "MissingParameterValue");
        assertException(get(MAP + ok.replace("EPSG:4490", "EPSG:2000") + "&LAYERS=grid_city"), "InvalidCRS");
        assertException(get(MAP + "&VERSION=1.1.1&SRS=EPSG:9999&BBOX=112,27,114,29&WIDTH=10&HEIGHT=10&LAYERS=grid_city"),
                "InvalidSRS");
        assertException(get(MAP.replace("&STYLES=", "&STYLES=fancy") + ok + "&LAYERS=grid_city"), "StyleNotDefined");
        assertException(get("/wms?SERVICE=WMS&REQUEST=GetSomething&VERSION=1.3.0"), "OperationNotSupported");
        assertException(get("/wms?SERVICE=WMS&VERSION=1.3.0"), "MissingParameterValue");
        HttpResponse<byte[]> swapped = get(MAP + "&VERSION=1.3.0&CRS=EPSG:4490&BBOX=29,112,27,114&WIDTH=10&HEIGHT=10"
                + "&LAYERS=grid_city");
        assertException(swapped, "InvalidParameterValue");
        assertThat(text(swapped)).contains("minx &lt; maxx");
        HttpResponse<byte[]> huge = get(MAP + ok.replace("WIDTH=10", "WIDTH=5000") + "&LAYERS=grid_city");
        assertException(huge, "InvalidParameterValue");
        assertThat(text(huge)).contains("WIDTH must be in 1..4096, but was: 5000");
        assertThat(huge.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        HttpResponse<byte[]> v111 = get(MAP + "&VERSION=1.1.1&SRS=EPSG:4490&BBOX=112,27,114,29&WIDTH=10&HEIGHT=10"
                + "&LAYERS=nope");
        assertThat(v111.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.ogc.se_xml");
        assertThat(text(v111)).contains("exception_1_1_1.dtd").contains("LayerNotDefined");
    }

    @Test
    void inimage_exceptions_draw_the_message_and_blank_ones_draw_nothing() {
        String q = MAP + "&VERSION=1.3.0&CRS=EPSG:4490&BBOX=27,112,29,114&WIDTH=300&HEIGHT=100&LAYERS=grid_nothing";
        HttpResponse<byte[]> in = get(q + "&EXCEPTIONS=INIMAGE");
        assertThat(in.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        assertThat(darkPixels(image(in.body()), 0, 0, 300, 100, 300)).isGreaterThan(50);
        HttpResponse<byte[]> blank = get(q + "&EXCEPTIONS=application/vnd.ogc.se_blank");
        assertThat(darkPixels(image(blank.body()), 0, 0, 300, 100, 700)).isZero();
    }

    @Test
    void chinese_labels_are_drawn_with_a_cjk_font() throws Exception {
        HttpResponse<byte[]> r = get("/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&LAYERS=grid_county,grid_township"
                + "&STYLES=outline_labels,outline_labels&CRS=EPSG:4490&BBOX=27,112,29,114&WIDTH=600&HEIGHT=600"
                + "&FORMAT=image/png");
        Path out = Path.of("target", "wms", "wms-labels.png");
        Files.createDirectories(out.getParent());
        Files.write(out, r.body());
        BufferedImage img = image(r.body());
        assertThat(cn.gridwatch.map.render.CjkFont.isCjk()).isTrue();
        // 芙蓉区's interior point is near the middle of its box (112.5E, 28N) → pixel (150, 300)
        assertThat(darkPixels(img, 110, 285, 190, 315, 450)).isGreaterThan(40);
    }

    @Test
    void feature_info_returns_the_cells_under_the_pixel() {
        String q = "/wms?SERVICE=WMS&REQUEST=GetFeatureInfo&VERSION=1.3.0&LAYERS=grid_county,grid_village&STYLES="
                + "&CRS=EPSG:4490&BBOX=27,112,29,114&WIDTH=200&HEIGHT=200&QUERY_LAYERS=grid_county,grid_village"
                + "&FEATURE_COUNT=5&I=25&J=150";
        String plain = text(get(q + "&INFO_FORMAT=text/plain"));
        assertThat(plain).contains("430102000000").contains("芙蓉区").contains("430102001001").contains("解放东村社区");
        String json = text(get(q + "&INFO_FORMAT=application/json"));
        assertThat(json).contains("\"FeatureCollection\"").contains("\"level\":\"village\"");
        assertThat(text(get(q + "&INFO_FORMAT=application/vnd.ogc.gml"))).contains("<gw:name>芙蓉区</gw:name>");
        assertThat(text(get(q + "&INFO_FORMAT=text/html"))).contains("<td>芙蓉区</td>");
        String v111 = text(get(q.replace("VERSION=1.3.0", "VERSION=1.1.1").replace("CRS=", "SRS=")
                .replace("BBOX=27,112,29,114", "BBOX=112,27,114,29").replace("&I=25&J=150", "&X=175&Y=50")
                + "&INFO_FORMAT=text/plain"));
        assertThat(v111).contains("天心区").doesNotContain("芙蓉区");
        assertException(get(q.replace("I=25", "I=500") + "&INFO_FORMAT=text/plain"), "InvalidPoint");
        assertException(get(q + "&INFO_FORMAT=image/png"), "InvalidFormat");
    }

    @Test
    void feature_info_hides_cells_outside_an_officers_jurisdiction() {
        server.userWithToken("wms-officer", cn.gridwatch.security.Role.COUNTY_OFFICER, "430103");
        String t = server.tokenFor("wms-officer");
        String q = "/wms?SERVICE=WMS&REQUEST=GetFeatureInfo&VERSION=1.3.0&LAYERS=grid_county&STYLES=&CRS=EPSG:4490"
                + "&BBOX=27,112,29,114&WIDTH=200&HEIGHT=200&QUERY_LAYERS=grid_county&INFO_FORMAT=text/plain&J=100";
        assertThat(text(WmsFixture.get(port, t, q + "&I=150"))).contains("天心区");
        assertThat(text(WmsFixture.get(port, t, q + "&I=50"))).contains("no features");
    }

    @Test
    void legend_graphics_tolerate_missing_width_and_height() {
        HttpResponse<byte[]> r = get("/wms?SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER=grid_county&FORMAT=image/png");
        BufferedImage img = image(r.body());
        assertThat(img.getWidth()).isEqualTo(20);
        assertThat(darkPixels(img, 0, 0, 20, 20, 600)).isGreaterThan(10);
        assertException(get("/wms?SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER=grid_county&STYLE=nope"), "StyleNotDefined");
    }

    @Test
    void an_unchanged_map_answers_304_to_its_etag() {
        String q = MAP + "&VERSION=1.3.0&LAYERS=grid_city&CRS=EPSG:4490&BBOX=27,112,29,114&WIDTH=50&HEIGHT=50";
        HttpResponse<byte[]> first = get(q);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(get(q, "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(get(q.replace("WIDTH=50", "WIDTH=51"), "If-None-Match", etag).statusCode()).isEqualTo(200);
        assertThat(get(q.replace("layers", "LAYERS"), "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void gis_clients_authenticate_with_basic_and_a_token_as_password_or_with_access_token_in_the_url() throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString(("qgis:" + token).getBytes(StandardCharsets.UTF_8));
        java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                + "/wms?REQUEST=GetCapabilities")).header("Authorization", "Basic " + basic).GET().build();
        HttpResponse<byte[]> r = WmsFixture.CLIENT.send(req, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(text(r)).contains("<WMS_Capabilities");
        java.net.http.HttpRequest viaUrl = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                + port + "/wms?REQUEST=GetCapabilities&access_token=" + token)).GET().build();
        String caps = text(WmsFixture.CLIENT.send(viaUrl, HttpResponse.BodyHandlers.ofByteArray()));
        assertThat(caps).as("the operations' URLs keep the token for URL-only clients")
                .contains("/wms?access_token=" + token + "&amp;");
    }

    @Test
    void without_credentials_the_wms_answers_401_with_a_basic_challenge() {
        HttpResponse<byte[]> r = WmsFixture.get(port, "nope", "/wms?REQUEST=GetCapabilities");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
    }
}
