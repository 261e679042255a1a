package cn.gridwatch.map.wms;

import cn.gridwatch.map.render.CjkFont;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes WMS service exceptions: the ServiceExceptionReport XML of each version (1.1.1 with its
 * DTD, content type {@code application/vnd.ogc.se_xml}; 1.3.0 in the OGC namespace,
 * {@code text/xml}), or, for EXCEPTIONS=INIMAGE, an image with the message drawn on it, and for
 * BLANK an empty image. Stateless and thread-safe.
 */
final class ExceptionReport {
    /** How the client asked to get exceptions. */
    enum Mode { XML, INIMAGE, BLANK }

    private ExceptionReport() {
    }

    /** The EXCEPTIONS parameter in either version's spelling; unknown or absent → XML. */
    static Mode mode(String exceptions) {
        if (exceptions == null) {
            return Mode.XML;
        }
        String e = exceptions.toLowerCase(Locale.ROOT);
        if (e.endsWith("inimage")) {
            return Mode.INIMAGE;
        }
        if (e.endsWith("blank")) {
            return Mode.BLANK;
        }
        return Mode.XML;
    }

    static String contentType(WmsVersion v) {
        return v == WmsVersion.V111 ? "application/vnd.ogc.se_xml; charset=UTF-8" : "text/xml; charset=UTF-8";
    }

    static String xml(WmsVersion v, WmsException e) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        if (v == WmsVersion.V111) {
            sb.append("<!DOCTYPE ServiceExceptionReport SYSTEM "
                    + "\"http://schemas.opengis.net/wms/1.1.1/exception_1_1_1.dtd\">\n")
                    .append("<ServiceExceptionReport version=\"1.1.1\">\n");
        } else {
            sb.append("<ServiceExceptionReport version=\"1.3.0\" xmlns=\"http://www.opengis.net/ogc\""
                    + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation="
                    + "\"http://www.opengis.net/ogc http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd\">\n");
        }
        sb.append("  <ServiceException");
        if (e.code() != null) {
            sb.append(" code=\"").append(Xml.esc(e.code())).append('"');
        }
        if (e.locator() != null && v == WmsVersion.V130) { // the 1.1.1 DTD has no locator attribute
            sb.append(" locator=\"").append(Xml.esc(e.locator())).append('"');
        }
        sb.append('>').append(Xml.esc(e.getMessage())).append("</ServiceException>\n</ServiceExceptionReport>\n");
        return sb.toString();
    }

    /** An image of the requested size: blank (background only) or with the message drawn in. */
    static BufferedImage image(WmsException e, int width, int height, Color background, boolean withMessage) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            if (background != null) {
                g.setColor(background);
                g.fillRect(0, 0, width, height);
            }
            if (!withMessage) {
                return img;
            }
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Font font = CjkFont.of(12f);
            g.setFont(font);
            g.setColor(Color.BLACK);
            FontMetrics fm = g.getFontMetrics();
            String text = (e.code() == null ? "" : e.code() + ": ") + e.getMessage();
            int y = fm.getAscent() + 2;
            for (String line : wrap(text, fm, Math.max(1, width - 8))) {
                if (y > height) {
                    break;
                }
                g.drawString(line, 4, y);
                y += fm.getHeight();
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static List<String> wrap(String text, FontMetrics fm, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            line.append(text.charAt(i));
            if (fm.stringWidth(line.toString()) > width && line.length() > 1) {
                line.setLength(line.length() - 1);
                lines.add(line.toString());
                line.setLength(0);
                line.append(text.charAt(i));
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
