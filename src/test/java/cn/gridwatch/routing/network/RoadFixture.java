package cn.gridwatch.routing.network;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.locationtech.jts.geom.Coordinate;

/**
 * The hand-made network in {@code src/test/resources/osm/tiny.osm}, 0.001 degree spacing at 28 N
 * (111.19 m north-south, 98.18 m east-west):
 * <pre>
 *   n4 ──人民路 one-way east──▶ n5 ───────▶ n6 ──motorway (implied one-way)──▶ n11 ◀─┐
 *   │                          │             ▲                                  │     │ roundabout
 *   西路 (tertiary)          service      C001 (oneway=-1: only n6 → n3)          ▼     │ n10→n12→n11→n10
 *   │                          │             │                                  n10 ──┘
 *   n1 ──────东风路 (residential)── n2 ───── n3 ──── primary, maxspeed 36 ────── n10
 *                                                   n8 ── 孤路 ── n9  (isolated)
 * </pre>
 * Also: a footway n5-n7 and an {@code access=no} road n3-n8 (both not routable), a way to a node
 * the file lacks (n10-n99), a repeated node in 人民路, a deleted node and a relation.
 */
final class RoadFixture {
    static final double NS = 111.19;
    static final double EW = 98.18;

    private RoadFixture() {
    }

    static Path tinyOsm() {
        try {
            return Path.of(RoadFixture.class.getResource("/osm/tiny.osm").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The coordinate of fixture node {@code id}. */
    static Coordinate node(int id) {
        switch (id) {
            case 1: return new Coordinate(113.000, 28.000);
            case 2: return new Coordinate(113.001, 28.000);
            case 3: return new Coordinate(113.002, 28.000);
            case 4: return new Coordinate(113.000, 28.001);
            case 5: return new Coordinate(113.001, 28.001);
            case 6: return new Coordinate(113.002, 28.001);
            case 8: return new Coordinate(113.008, 28.000);
            case 9: return new Coordinate(113.009, 28.000);
            case 10: return new Coordinate(113.004, 28.000);
            case 11: return new Coordinate(113.004, 28.001);
            default: throw new IllegalArgumentException("no fixture node " + id);
        }
    }
}
