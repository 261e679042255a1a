package cn.gridwatch.grid.io;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the CRS names files carry ({@code urn:ogc:def:crs:EPSG::4490}, {@code EPSG:4490},
 * {@code urn:ogc:def:crs:OGC:1.3:CRS84}) into the ids the CRS registry takes. Stateless, thread-safe.
 */
final class CrsNames {
    private static final Pattern EPSG = Pattern.compile("EPSG:*(?:[\\d.]*:)?(\\d+)$");

    private CrsNames() {
    }

    /** The registry id for a file's CRS name, or {@code null} when it names none we recognise. */
    static String fromFileName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String t = name.trim().toUpperCase(Locale.ROOT);
        if (t.endsWith("CRS84") || t.endsWith("CRS:84")) {
            return "CRS:84";
        }
        Matcher m = EPSG.matcher(t);
        return m.find() ? "EPSG:" + m.group(1) : null;
    }
}
