package cn.gridwatch.routing.network.osm;

import cn.gridwatch.routing.network.RoadClass;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a way's OSM tags into what routing needs, following the OSM wiki's car conventions:
 * <ul>
 *   <li>routable: {@code highway} is a {@link RoadClass}, not {@code area=yes}, and the most specific
 *       of {@code motorcar}, {@code motor_vehicle}, {@code vehicle}, {@code access} is not {@code no}
 *       (private roads stay: inspections go onto enterprises' own premises);</li>
 *   <li>direction: {@code oneway=yes|true|1} along the way, {@code oneway=-1|reverse} against it,
 *       {@code oneway=no|false|0} both; without the tag, {@code junction=roundabout|circular} and
 *       {@code highway=motorway} are one-way along the way (implied), everything else two-way;</li>
 *   <li>speed: 90% of a parseable {@code maxspeed} in 1..150 km/h ({@code 60}, {@code 60 km/h},
 *       {@code 40 mph}; the first of several values), else the class speed. Traffic rarely drives at
 *       the limit, hence the 90%.</li>
 *   <li>name: {@code name}, else {@code name:zh}, else {@code ref}.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class WayRules {
    /** Share of the legal limit that traffic drives at. */
    public static final double MAXSPEED_FACTOR = 0.9;
    private static final String[] ACCESS_KEYS = {"motorcar", "motor_vehicle", "vehicle", "access"};
    private static final Pattern SPEED = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)\\s*(km/h|kmh|kph|mph)?\\s*$");

    private WayRules() {
    }

    /** What one way means for cars. {@code maxspeedKmh} is null when the tag is absent or unusable. */
    public record RoadAttributes(RoadClass roadClass, double speedKmh, Double maxspeedKmh, boolean forward,
            boolean backward, String name) {
    }

    /** The routing attributes of a way, or null when cars cannot use it. */
    public static RoadAttributes of(Map<String, String> tags) {
        RoadClass rc = RoadClass.ofHighway(tags.get("highway"));
        if (rc == null || "yes".equals(tags.get("area")) || closed(tags)) {
            return null;
        }
        boolean forward = true;
        boolean backward = true;
        String oneway = lower(tags.get("oneway"));
        if (oneway == null) {
            String junction = lower(tags.get("junction"));
            if ("roundabout".equals(junction) || "circular".equals(junction) || rc == RoadClass.MOTORWAY) {
                backward = false;
            }
        } else if (oneway.equals("yes") || oneway.equals("true") || oneway.equals("1")) {
            backward = false;
        } else if (oneway.equals("-1") || oneway.equals("reverse")) {
            forward = false;
        }
        Double max = maxspeedKmh(tags.get("maxspeed"));
        double speed = max == null ? rc.speedKmh() : max * MAXSPEED_FACTOR;
        String name = tags.get("name");
        if (name == null || name.isBlank()) {
            name = tags.get("name:zh");
        }
        if (name == null || name.isBlank()) {
            name = tags.get("ref");
        }
        return new RoadAttributes(rc, speed, max, forward, backward, name == null || name.isBlank() ? null : name);
    }

    /** A {@code maxspeed} value in km/h, or null when absent, symbolic ({@code CN:urban}, {@code none}) or out of range. */
    public static Double maxspeedKmh(String value) {
        if (value == null) {
            return null;
        }
        String first = value.split(";", 2)[0];
        Matcher m = SPEED.matcher(first.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        double v = Double.parseDouble(m.group(1));
        if ("mph".equals(m.group(2))) {
            v *= 1.609344;
        }
        return v >= 1 && v <= 150 ? v : null;
    }

    /** The most specific access tag wins: motorcar, then motor_vehicle, vehicle, access. */
    private static boolean closed(Map<String, String> tags) {
        for (String key : ACCESS_KEYS) {
            String v = lower(tags.get(key));
            if (v != null) {
                return v.equals("no");
            }
        }
        return false;
    }

    private static String lower(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }
}
