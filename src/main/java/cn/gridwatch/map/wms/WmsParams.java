package cn.gridwatch.map.wms;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The query parameters of a WMS request with case-insensitive names (the OGC rule); values keep
 * their case and are trimmed, blank counts as absent. The first value wins. Immutable.
 */
public final class WmsParams {
    private final Map<String, String> values;

    private WmsParams(Map<String, String> values) {
        this.values = values;
    }

    public static WmsParams of(Map<String, List<String>> query) {
        Map<String, String> m = new TreeMap<>();
        query.forEach((k, v) -> {
            String key = k.toUpperCase(Locale.ROOT);
            if (!v.isEmpty() && !m.containsKey(key)) {
                m.put(key, v.get(0).trim());
            }
        });
        return new WmsParams(m);
    }

    /** The value, or null when absent or blank. */
    public String get(String name) {
        String v = values.get(name.toUpperCase(Locale.ROOT));
        return v == null || v.isEmpty() ? null : v;
    }

    /** The value as given, possibly empty (STYLES= is a valid value), or null when absent. */
    public String raw(String name) {
        return values.get(name.toUpperCase(Locale.ROOT));
    }

    /** @throws WmsException MissingParameterValue naming the parameter */
    public String required(String name) {
        String v = get(name);
        if (v == null) {
            throw WmsException.missing(name);
        }
        return v;
    }

    /** A whole number in 1..{@code max}. @throws WmsException naming the parameter and value */
    public int positiveInt(String name, int max) {
        String v = required(name);
        int i;
        try {
            i = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw WmsException.invalid(name, name + " must be a whole number, but was: '" + v + "'");
        }
        if (i < 1 || i > max) {
            throw WmsException.invalid(name, name + " must be in 1.." + max + ", but was: " + i);
        }
        return i;
    }

    /**
     * A canonical form for cache keys: sorted upper-case names and values, without the
     * credentials ({@code ACCESS_TOKEN}).
     */
    public String normalized() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> {
            if (!k.equals("ACCESS_TOKEN")) {
                sb.append(k).append('=').append(v).append('&');
            }
        });
        return sb.toString();
    }
}
