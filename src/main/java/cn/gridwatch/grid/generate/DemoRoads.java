package cn.gridwatch.grid.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * A plausible road network for a generated city, deterministic for a seed: the seat of each county
 * is the inside point of its first township (the urban district's seat gets the {@link CityStreets}
 * grid), township and village centres the inside points of their cells. Then
 * <ul>
 *   <li>an expressway ({@code motorway}, drawn as one two-way line, 120 km/h limit) from the western-
 *       to the easternmost county seat past the city seat, joined to each of them by a
 *       {@code motorway_link} from an interchange 2 km south;</li>
 *   <li>{@code trunk} roads (provincial roads, 80 km/h limit) along a minimum spanning tree of the
 *       county seats;</li>
 *   <li>in each county a spanning tree of the seat and township centres: {@code primary} where it
 *       touches the seat, {@code secondary} elsewhere, plus a {@code secondary} road between the two
 *       nearest townships of neighbouring counties (under 6 km), so the network has loops;</li>
 *   <li>in each township a spanning tree of the centre and villages: {@code tertiary} from the centre,
 *       {@code unclassified} between villages, {@code residential} in urban streets (街道);</li>
 *   <li>in each village a {@code residential} lane (…巷) from the centre three quarters of the way to
 *       the village's farthest boundary vertex;</li>
 * </ul>
 * Everything joins at shared nodes, so the network is connected. Roads bow gently and carry Chinese
 * names and refs (S71, S2xx, X0xx, X1xx, Yxxx, Cxxx). Stateless and thread-safe.
 */
public final class DemoRoads {
    /** The file name in the demo folder. */
    public static final String FILE = "roads.osm";
    private static final double INTERCHANGE_OFFSET_M = 2000;
    private static final double CROSS_COUNTY_MAX_M = 6000;
    private static final double SPUR_SHARE = 0.75;

    private DemoRoads() {
    }

    /** Writes the roads of {@code grid} as OSM XML; returns a one-line summary. */
    public static String write(GeneratedGrid grid, long seed, Path file) {
        RoadSketch s = build(grid, seed);
        OsmXmlWriter.write(s, file, "fictional roads of the generated demo city, seed " + seed
                + "; see README.md. Not OpenStreetMap data.");
        return String.format(Locale.ROOT, "%d nodes, %d ways, %.0f km", s.nodes().size(), s.ways().size(), s.lengthKm());
    }

    static RoadSketch build(GeneratedGrid grid, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x726f616473L);
        double refLat = grid.cities().isEmpty() ? 27.65 : grid.cities().get(0).geometry().getCentroid().getY();
        RoadSketch s = new RoadSketch(refLat);
        Map<String, List<GeneratedCell>> townshipsOf = children(grid.townships());
        Map<String, List<GeneratedCell>> villagesOf = children(grid.villages());
        Map<String, Long> centre = new LinkedHashMap<>();
        List<GeneratedCell> counties = grid.counties();
        long[] seats = new long[counties.size()];
        for (int c = 0; c < counties.size(); c++) {
            GeneratedCell first = townshipsOf.get(counties.get(c).code()).get(0);
            Point p = first.geometry().getInteriorPoint();
            seats[c] = c == 0 ? CityStreets.draw(s, p.getX(), p.getY()) : s.node(p.getX(), p.getY());
            centre.put(first.code(), seats[c]);
        }
        for (GeneratedCell t : grid.townships()) {
            centre.computeIfAbsent(t.code(), k -> node(s, t));
        }
        expressway(s, seats, rnd);
        int[] ref = {200};
        for (int[] e : s.spanningTree(seats)) {
            s.way(s.line(seats[e[0]], seats[e[1]], rnd), "highway", "trunk", "name", "省道S" + ref[0], "ref",
                    "S" + ref[0]++, "maxspeed", "80");
        }
        int[] x0 = {1};
        int[] x1 = {101};
        for (int c = 0; c < counties.size(); c++) {
            List<GeneratedCell> ts = townshipsOf.get(counties.get(c).code());
            long[] ids = ts.stream().mapToLong(t -> centre.get(t.code())).toArray();
            for (int[] e : s.spanningTree(ids)) {
                boolean seat = e[0] == 0 || e[1] == 0;
                String r = seat ? String.format(Locale.ROOT, "X%03d", x0[0]++) : String.format(Locale.ROOT, "X%03d", x1[0]++);
                s.way(s.line(ids[e[0]], ids[e[1]], rnd), "highway", seat ? "primary" : "secondary", "name", "县道" + r,
                        "ref", r);
            }
        }
        crossCounty(s, counties, townshipsOf, centre, x1, rnd);
        int[] y = {1};
        int[] cv = {1};
        for (GeneratedCell t : grid.townships()) {
            List<GeneratedCell> vs = villagesOf.getOrDefault(t.code(), List.of());
            long[] ids = new long[vs.size() + 1];
            ids[0] = centre.get(t.code());
            for (int v = 0; v < vs.size(); v++) {
                ids[v + 1] = node(s, vs.get(v));
            }
            boolean street = Integer.parseInt(t.code().substring(6, 9)) < 100;
            for (int v = 0; v < vs.size(); v++) {
                spur(s, ids[v + 1], vs.get(v), rnd);
            }
            for (int[] e : s.spanningTree(ids)) {
                boolean fromCentre = e[0] == 0 || e[1] == 0;
                String highway = street ? "residential" : fromCentre ? "tertiary" : "unclassified";
                String r = street ? null : fromCentre ? String.format(Locale.ROOT, "Y%03d", y[0]++)
                        : String.format(Locale.ROOT, "C%03d", cv[0]++);
                String name = street ? stem(vs.get(Math.max(e[0], e[1]) - 1).name()) + "路"
                        : (fromCentre ? "乡道" : "村道") + r;
                s.way(s.line(ids[e[0]], ids[e[1]], rnd), "highway", highway, "name", name, "ref", r);
            }
        }
        return s;
    }

    /**
     * A lane from the village centre three quarters of the way to the village's farthest boundary
     * vertex, so most of the village lies within reach of a road.
     */
    private static void spur(RoadSketch s, long centre, GeneratedCell village, SplittableRandom rnd) {
        Coordinate far = null;
        double best = -1;
        for (Coordinate c : village.geometry().getCoordinates()) {
            double d = Math.hypot(c.x - s.lon(centre), c.y - s.lat(centre));
            if (d > best) {
                best = d;
                far = c;
            }
        }
        long end = s.node(s.lon(centre) + SPUR_SHARE * (far.x - s.lon(centre)),
                s.lat(centre) + SPUR_SHARE * (far.y - s.lat(centre)));
        s.way(s.line(centre, end, rnd), "highway", "residential", "name", stem(village.name()) + "巷");
    }

    /** A community's name without 社区 or 村: 莲港社区 gives the street 莲港路. */
    private static String stem(String name) {
        return name.replaceFirst("(社区|村)$", "");
    }

    private static long node(RoadSketch s, GeneratedCell cell) {
        Point p = cell.geometry().getInteriorPoint();
        return s.node(p.getX(), p.getY());
    }

    /** West end, city seat, east end; interchanges 2 km south of each, linked to the seat. */
    private static void expressway(RoadSketch s, long[] seats, SplittableRandom rnd) {
        if (seats.length < 3) {
            return;
        }
        int west = 1;
        int east = 1;
        for (int c = 1; c < seats.length; c++) {
            west = s.lon(seats[c]) < s.lon(seats[west]) ? c : west;
            east = s.lon(seats[c]) > s.lon(seats[east]) ? c : east;
        }
        int[] via = {west, 0, east};
        long[] interchange = new long[3];
        for (int k = 0; k < 3; k++) {
            long seat = seats[via[k]];
            interchange[k] = s.nodeOffset(s.lon(seat), s.lat(seat), 0, -INTERCHANGE_OFFSET_M);
            s.way(s.line(seat, interchange[k], rnd), "highway", "motorway_link", "oneway", "no");
        }
        for (int k = 0; k < 2; k++) {
            s.way(s.line(interchange[k], interchange[k + 1], rnd), "highway", "motorway", "oneway", "no", "name",
                    "湘源高速", "ref", "S71", "maxspeed", "120");
        }
    }

    /** The nearest pair of township centres of each two counties, joined when closer than 6 km. */
    private static void crossCounty(RoadSketch s, List<GeneratedCell> counties, Map<String, List<GeneratedCell>> townshipsOf,
            Map<String, Long> centre, int[] ref, SplittableRandom rnd) {
        for (int a = 0; a < counties.size(); a++) {
            for (int b = a + 1; b < counties.size(); b++) {
                long bestA = 0;
                long bestB = 0;
                double best = Double.MAX_VALUE;
                for (GeneratedCell ta : townshipsOf.get(counties.get(a).code())) {
                    for (GeneratedCell tb : townshipsOf.get(counties.get(b).code())) {
                        double d = s.metres(centre.get(ta.code()), centre.get(tb.code()));
                        if (d < best) {
                            best = d;
                            bestA = centre.get(ta.code());
                            bestB = centre.get(tb.code());
                        }
                    }
                }
                if (best < CROSS_COUNTY_MAX_M) {
                    String r = String.format(Locale.ROOT, "X%03d", ref[0]++);
                    s.way(s.line(bestA, bestB, rnd), "highway", "secondary", "name", "县道" + r, "ref", r);
                }
            }
        }
    }

    private static Map<String, List<GeneratedCell>> children(List<GeneratedCell> cells) {
        Map<String, List<GeneratedCell>> out = new LinkedHashMap<>();
        for (GeneratedCell c : cells) {
            out.computeIfAbsent(c.parentCode(), k -> new ArrayList<>()).add(c);
        }
        return out;
    }
}
