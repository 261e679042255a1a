package cn.gridwatch.routing.network.osm;

import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams OSM XML (API 0.6, as written by openstreetmap.org, JOSM, osmium, osmosis) with StAX, so
 * memory does not grow with the file. Delivers {@code node} and {@code way} elements; skips
 * relations, deleted objects ({@code visible="false"}, JOSM's {@code action="delete"}) and
 * everything else. DTDs and external entities are refused. Errors name the line and column.
 * One instance per read; not thread-safe.
 */
final class OsmXmlReader {
    private static final XMLInputFactory FACTORY = newFactory();
    private final String fileName;

    OsmXmlReader(String fileName) {
        this.fileName = fileName;
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    void read(InputStream in, OsmHandler handler) {
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(in);
            readDocument(r, handler);
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(fileName + " is not well-formed OSM XML"
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber() + ", column "
                    + e.getLocation().getColumnNumber()) + ": " + cleanMessage(e), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException e) {
                    // the stream is closed by the caller; nothing else holds resources here
                }
            }
        }
    }

    private void readDocument(XMLStreamReader r, OsmHandler handler) throws XMLStreamException {
        boolean rootSeen = false;
        boolean nodes = handler.wantsNodes();
        boolean ways = handler.wantsWays();
        long[] refs = new long[256];
        Map<String, String> tags = new HashMap<>();
        long wayId = 0;
        int refCount = 0;
        boolean inWay = false;
        boolean keepWay = false;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                if (!rootSeen) {
                    if (!name.equals("osm") && !name.equals("osmChange")) {
                        throw error(r, "the root element is <" + name + ">, not <osm>");
                    }
                    rootSeen = true;
                } else if (name.equals("node")) {
                    if (nodes && !deleted(r)) {
                        handler.node(longAttr(r, "id"), coordinate(r, "lon", 180), coordinate(r, "lat", 90));
                    }
                } else if (name.equals("way")) {
                    inWay = true;
                    keepWay = ways && !deleted(r);
                    if (keepWay) {
                        wayId = longAttr(r, "id");
                        refCount = 0;
                        tags.clear();
                    }
                } else if (inWay && keepWay && name.equals("nd")) {
                    if (refCount == refs.length) {
                        refs = Arrays.copyOf(refs, refs.length * 2);
                    }
                    refs[refCount++] = longAttr(r, "ref");
                } else if (inWay && keepWay && name.equals("tag")) {
                    String k = r.getAttributeValue(null, "k");
                    String v = r.getAttributeValue(null, "v");
                    if (k == null || v == null) {
                        throw error(r, "<tag> of way " + wayId + " needs both k and v");
                    }
                    tags.put(k, v);
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT && inWay && r.getLocalName().equals("way")) {
                if (keepWay) {
                    handler.way(wayId, Arrays.copyOf(refs, refCount), tags);
                }
                inWay = false;
            }
        }
        if (!rootSeen) {
            throw new IllegalArgumentException(fileName + " has no <osm> element");
        }
    }

    private static boolean deleted(XMLStreamReader r) {
        return "false".equals(r.getAttributeValue(null, "visible")) || "delete".equals(r.getAttributeValue(null, "action"));
    }

    private long longAttr(XMLStreamReader r, String name) {
        String v = r.getAttributeValue(null, name);
        if (v == null) {
            throw error(r, "<" + r.getLocalName() + "> has no " + name + " attribute");
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw error(r, "<" + r.getLocalName() + "> " + name + " must be a whole number, but was: '" + v + "'");
        }
    }

    private double coordinate(XMLStreamReader r, String name, double limit) {
        String v = r.getAttributeValue(null, name);
        if (v == null) {
            throw error(r, "node " + r.getAttributeValue(null, "id") + " has no " + name);
        }
        double d;
        try {
            d = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw error(r, "node " + r.getAttributeValue(null, "id") + " " + name + " must be a number, but was: '"
                    + v + "'");
        }
        if (!(d >= -limit && d <= limit)) {
            throw error(r, "node " + r.getAttributeValue(null, "id") + " " + name + " must be in [-" + (int) limit
                    + ", " + (int) limit + "], but was: " + v);
        }
        return d;
    }

    private IllegalArgumentException error(XMLStreamReader r, String what) {
        return new IllegalArgumentException(fileName + " line " + r.getLocation().getLineNumber() + ": " + what);
    }

    private static String cleanMessage(XMLStreamException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        int i = m.indexOf("Message: ");
        return i >= 0 ? m.substring(i + "Message: ".length()) : m;
    }
}
