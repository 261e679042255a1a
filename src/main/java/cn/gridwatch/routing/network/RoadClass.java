package cn.gridwatch.routing.network;

import java.util.Locale;

/**
 * The OSM {@code highway=*} values that cars can drive on, with the speed used for travel times when
 * the way has no usable {@code maxspeed}. The speeds are typical driving speeds on Chinese roads of
 * that class (not the legal limits): expressway 100, national/provincial trunk road 80, primary 60,
 * secondary 50, tertiary 40, unclassified (village roads) 30, residential 25, service 15, living
 * street 10, track 10 km/h; links a little slower than their road. Every other highway value
 * (footway, path, cycleway, steps, pedestrian, construction, proposed ...) is not routable.
 * Immutable.
 */
public enum RoadClass {
    MOTORWAY(100), MOTORWAY_LINK(60),
    TRUNK(80), TRUNK_LINK(50),
    PRIMARY(60), PRIMARY_LINK(45),
    SECONDARY(50), SECONDARY_LINK(40),
    TERTIARY(40), TERTIARY_LINK(30),
    UNCLASSIFIED(30), RESIDENTIAL(25), LIVING_STREET(10), SERVICE(15), ROAD(25), TRACK(10);

    /**
     * A piece of network with fewer junctions than this (and smaller than the network's largest
     * piece) is isolated: points do not snap to it while a connected road is within reach. A parking
     * lot or a clipped road at the edge of an extract should not swallow a target.
     */
    public static final int MIN_CONNECTED_VERTICES = 50;

    private final double speedKmh;

    RoadClass(double speedKmh) {
        this.speedKmh = speedKmh;
    }

    /** The speed used when the way has no usable maxspeed, km/h. */
    public double speedKmh() {
        return speedKmh;
    }

    /** The OSM tag value, e.g. {@code motorway_link}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The class of an OSM {@code highway} value, or null when cars cannot use it. */
    public static RoadClass ofHighway(String value) {
        if (value == null) {
            return null;
        }
        switch (value) {
            case "motorway": return MOTORWAY;
            case "motorway_link": return MOTORWAY_LINK;
            case "trunk": return TRUNK;
            case "trunk_link": return TRUNK_LINK;
            case "primary": return PRIMARY;
            case "primary_link": return PRIMARY_LINK;
            case "secondary": return SECONDARY;
            case "secondary_link": return SECONDARY_LINK;
            case "tertiary": return TERTIARY;
            case "tertiary_link": return TERTIARY_LINK;
            case "unclassified": return UNCLASSIFIED;
            case "residential": return RESIDENTIAL;
            case "living_street": return LIVING_STREET;
            case "service": return SERVICE;
            case "road": return ROAD;
            case "track": return TRACK;
            default: return null;
        }
    }
}
