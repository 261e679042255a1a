package cn.gridwatch.map.wms;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.TestServer;
import cn.gridwatch.map.RegisterFixture;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The capabilities and exception reports validated offline against the official OGC schemas: WMS
 * 1.3.0 {@code capabilities_1_3_0.xsd} with SLD 1.1.0 {@code sld_capabilities.xsd} (for
 * {@code sld:GetLegendGraphic} and {@code sld:UserDefinedSymbolization}) and
 * {@code exceptions_1_3_0.xsd}; WMS 1.1.1 {@code WMS_MS_Capabilities.dtd} and
 * {@code exception_1_1_1.dtd}. The files come from the {@code org.ogc-schemas:ogc-schemas} jar on
 * the test class path (its {@code ogc/} tree mirrors schemas.opengis.net). Every schema location a
 * document or schema names is resolved to that jar by a resolver, and network access is switched
 * off ({@link XMLConstants#ACCESS_EXTERNAL_SCHEMA}, {@link XMLConstants#ACCESS_EXTERNAL_DTD}), so
 * nothing is fetched. The W3C {@code xlink.xsd} is not in that jar (nor in any artifact found); a
 * minimal stand-in declaring XLink's {@code simpleAttrs} is in {@code src/test/resources/schemas}.
 * Runs over {@link RegisterFixture}, so every layer kind, style, legend and time dimension is in the
 * document.
 */
class CapabilitiesSchemaTest {
    private static final String OPENGIS = "http://schemas.opengis.net/";
    private static final Map<String, String> LOCAL = Map.of("http://www.w3.org/1999/xlink.xsd", "/schemas/xlink.xsd");
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.server();
    private static String token;

    @BeforeAll
    static void start() {
        RegisterFixture.load(server.testServer(), server.fresh());
        token = server.tokenFor(TestServer.ADMIN);
    }

    private static byte[] get(String q) {
        return WmsFixture.get(server.port(), token, q).body();
    }

    /** The class-path copy of a schema or DTD named by its URL. @throws AssertionError for anything else */
    private static URL local(String systemId) {
        String path = LOCAL.get(systemId);
        if (path == null && systemId != null && systemId.startsWith(OPENGIS)) {
            path = "/ogc/" + systemId.substring(OPENGIS.length());
        }
        URL url = path == null ? null : CapabilitiesSchemaTest.class.getResource(path);
        if (url == null) {
            throw new AssertionError("no local copy of " + systemId + " (the test never fetches from the network)");
        }
        return url;
    }

    private static final LSResourceResolver RESOLVER = (type, ns, publicId, systemId, baseUri) -> {
        URL url = local(systemId.startsWith("http") ? systemId : resolve(baseUri, systemId));
        return new Input(url, systemId);
    };

    /** A relative schema location against the URL (on schemas.opengis.net) of the schema that names it. */
    private static String resolve(String baseUri, String relative) {
        String base = baseUri;
        String jarRoot = CapabilitiesSchemaTest.class.getResource("/ogc/").toString();
        if (base.startsWith(jarRoot)) {
            base = OPENGIS + base.substring(jarRoot.length());
        }
        return java.net.URI.create(base).resolve(relative).toString();
    }

    private static Schema schema(String... urls) throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setResourceResolver(RESOLVER);
        StreamSource[] sources = new StreamSource[urls.length];
        for (int i = 0; i < urls.length; i++) {
            URL u = local(urls[i]);
            sources[i] = new StreamSource(u.openStream(), OPENGIS + u.toString().substring(
                    CapabilitiesSchemaTest.class.getResource("/ogc/").toString().length()));
        }
        return f.newSchema(sources);
    }

    private static List<String> validateXsd(Schema schema, byte[] doc) throws Exception {
        Validator v = schema.newValidator();
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        v.setResourceResolver(RESOLVER);
        List<String> errors = new ArrayList<>();
        v.setErrorHandler(collect(errors));
        v.validate(new StreamSource(new ByteArrayInputStream(doc)));
        return errors;
    }

    private static List<String> validateDtd(byte[] doc) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setValidating(true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "jar,file");
        DocumentBuilder b = f.newDocumentBuilder();
        b.setEntityResolver((publicId, systemId) -> {
            InputSource s = new InputSource(local(systemId).openStream());
            s.setSystemId(local(systemId).toString());
            return s;
        });
        List<String> errors = new ArrayList<>();
        b.setErrorHandler(collect(errors));
        b.parse(new ByteArrayInputStream(doc));
        return errors;
    }

    private static ErrorHandler collect(List<String> errors) {
        return new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings are not validity errors
            }

            @Override
            public void error(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + " (fatal): " + e.getMessage());
            }
        };
    }

    @Test
    void capabilities_130_are_valid_against_the_wms_and_sld_schemas() throws Exception {
        byte[] doc = get("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0");
        Schema s = schema(OPENGIS + "wms/1.3.0/capabilities_1_3_0.xsd", OPENGIS + "sld/1.1.0/sld_capabilities.xsd");
        assertThat(validateXsd(s, doc)).as(new String(doc, java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void capabilities_111_are_valid_against_the_dtd() throws Exception {
        byte[] doc = get("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.1.1");
        assertThat(validateDtd(doc)).as(new String(doc, java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void exception_reports_are_valid_in_both_versions() throws Exception {
        String bad = "/wms?SERVICE=WMS&REQUEST=GetMap&LAYERS=nope&STYLES=&BBOX=0,0,1,1&WIDTH=10&HEIGHT=10"
                + "&FORMAT=image/png";
        byte[] v130 = get(bad + "&VERSION=1.3.0&CRS=EPSG:4326");
        assertThat(new String(v130, java.nio.charset.StandardCharsets.UTF_8)).contains("LayerNotDefined");
        assertThat(validateXsd(schema(OPENGIS + "wms/1.3.0/exceptions_1_3_0.xsd"), v130)).isEmpty();
        byte[] v111 = get(bad + "&VERSION=1.1.1&SRS=EPSG:4326");
        assertThat(validateDtd(v111)).isEmpty();
    }

    @Test
    void the_validation_catches_an_invalid_document() throws Exception {
        String doc = new String(get("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0"),
                java.nio.charset.StandardCharsets.UTF_8).replaceFirst("<Title>", "<Titel>").replaceFirst("</Title>",
                        "</Titel>");
        Schema s = schema(OPENGIS + "wms/1.3.0/capabilities_1_3_0.xsd", OPENGIS + "sld/1.1.0/sld_capabilities.xsd");
        assertThat(validateXsd(s, doc.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isNotEmpty();
        String v111 = new String(get("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.1.1"),
                java.nio.charset.StandardCharsets.UTF_8).replaceFirst("<Fees>", "<Cost>").replaceFirst("</Fees>", "</Cost>");
        assertThat(validateDtd(v111.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isNotEmpty();
    }

    /** A schema document from the class path, keeping the URL it was asked for as its system id. */
    private record Input(URL url, String systemId) implements LSInput {
        @Override
        public InputStream getByteStream() {
            try {
                return url.openStream();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public String getSystemId() {
            String jarRoot = CapabilitiesSchemaTest.class.getResource("/ogc/").toString();
            String u = url.toString();
            return u.startsWith(jarRoot) ? OPENGIS + u.substring(jarRoot.length()) : u;
        }

        @Override
        public java.io.Reader getCharacterStream() {
            return null;
        }

        @Override
        public void setCharacterStream(java.io.Reader r) {
        }

        @Override
        public void setByteStream(InputStream s) {
        }

        @Override
        public String getStringData() {
            return null;
        }

        @Override
        public void setStringData(String s) {
        }

        @Override
        public void setSystemId(String s) {
        }

        @Override
        public String getPublicId() {
            return null;
        }

        @Override
        public void setPublicId(String s) {
        }

        @Override
        public String getBaseURI() {
            return null;
        }

        @Override
        public void setBaseURI(String s) {
        }

        @Override
        public String getEncoding() {
            return null;
        }

        @Override
        public void setEncoding(String s) {
        }

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCertifiedText(boolean b) {
        }
    }
}
