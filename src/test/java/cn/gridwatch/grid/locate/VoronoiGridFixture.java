package cn.gridwatch.grid.locate;

import cn.gridwatch.grid.GridCell;
import cn.gridwatch.grid.GridKind;
import cn.gridwatch.grid.GridLevel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * A synthetic four-level admin grid for tests and benchmarks: Voronoi villages over a rectangle in
 * EPSG:4490 degrees, grouped by nearest seed into townships, counties and cities whose geometries
 * are unions of their children (so nearest-seed groups that are not contiguous become
 * multipolygons). Village edges are densified and bent by a smooth random offset, the same for both
 * cells sharing the edge, so villages get realistic vertex counts (about 6 edges times
 * {@code segmentsPerEdge}) and still tile the rectangle. Vertices are rounded to 1e-9 degree so that
 * neighbours share them bit for bit.
 *
 * <p>Codes follow the 12-digit statistical scheme under province 43 (Hunan). Deterministic for a
 * seed. Not thread-safe; use each instance once.
 */
public final class VoronoiGridFixture {
    private static final double SNAP = 1e9;
    private final GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 4490);
    private final Random random;
    private final Envelope extent;
    private final int minSegments;
    private final int maxSegments;
    private final double bend;
    private final Map<String, Coordinate[]> bentEdges = new HashMap<>();

    /**
     * @param seed random seed
     * @param extent the rectangle to tile (x = longitude, y = latitude)
     * @param minSegments fewest segments an original Voronoi edge is cut into (1 = not densified)
     * @param maxSegments most segments
     * @param bend largest sideways offset of a bent edge, as a fraction of its length (0 = straight)
     */
    public VoronoiGridFixture(long seed, Envelope extent, int minSegments, int maxSegments, double bend) {
        this.random = new Random(seed);
        this.extent = extent;
        this.minSegments = minSegments;
        this.maxSegments = maxSegments;
        this.bend = bend;
    }

    /** Generates cities, counties, townships and villages (all {@link GridKind#ADMIN}). */
    public List<GridCell> generate(int cities, int counties, int townships, int villages) {
        Coordinate[] villageSites = sites(villages);
        Coordinate[] townshipSites = sites(townships);
        Coordinate[] countySites = sites(counties);
        Coordinate[] citySites = sites(cities);
        int[] townshipOfVillage = nearest(villageSites, townshipSites);
        int[] countyOfTownship = nearest(townshipSites, countySites);
        int[] cityOfCounty = nearest(countySites, citySites);

        List<Geometry> villageGeoms = villageGeometries(villageSites);
        String[] cityCode = new String[cities];
        for (int c = 0; c < cities; c++) {
            cityCode[c] = String.format(Locale.ROOT, "43%02d00000000", c + 1);
        }
        String[] countyCode = childCodes(cityOfCounty, cityCode, 4, 2, 1);
        String[] townshipCode = childCodes(countyOfTownship, countyCode, 6, 3, 1);
        String[] villageCode = childCodes(townshipOfVillage, townshipCode, 9, 3, 1);

        List<GridCell> out = new ArrayList<>();
        List<List<Geometry>> townshipParts = group(villageGeoms, townshipOfVillage, townships);
        List<Geometry> townshipGeoms = unionEach(townshipParts);
        List<Geometry> countyGeoms = unionEach(group(townshipGeoms, countyOfTownship, counties));
        List<Geometry> cityGeoms = unionEach(group(countyGeoms, cityOfCounty, cities));
        add(out, GridLevel.CITY, cityCode, null, cityGeoms);
        add(out, GridLevel.COUNTY, countyCode, cityOfCounty, countyGeoms, cityCode);
        add(out, GridLevel.TOWNSHIP, townshipCode, countyOfTownship, townshipGeoms, countyCode);
        add(out, GridLevel.VILLAGE, villageCode, townshipOfVillage, villageGeoms, townshipCode);
        return out;
    }

    private Coordinate[] sites(int n) {
        Coordinate[] s = new Coordinate[n];
        for (int i = 0; i < n; i++) {
            s[i] = new Coordinate(extent.getMinX() + random.nextDouble() * extent.getWidth(),
                    extent.getMinY() + random.nextDouble() * extent.getHeight());
        }
        return s;
    }

    private static int[] nearest(Coordinate[] from, Coordinate[] to) {
        int[] result = new int[from.length];
        for (int i = 0; i < from.length; i++) {
            double best = Double.MAX_VALUE;
            for (int k = 0; k < to.length; k++) {
                double dx = from[i].x - to[k].x;
                double dy = from[i].y - to[k].y;
                double d = dx * dx + dy * dy;
                if (d < best) {
                    best = d;
                    result[i] = k;
                }
            }
        }
        return result;
    }

    /** Codes numbered 1.. within each parent, in generation order. */
    private static String[] childCodes(int[] parentOf, String[] parentCode, int prefix, int digits, int first) {
        int[] counter = new int[parentCode.length];
        String[] codes = new String[parentOf.length];
        for (int i = 0; i < parentOf.length; i++) {
            int number = first + counter[parentOf[i]]++;
            String own = String.format(Locale.ROOT, "%0" + digits + "d", number);
            String code = parentCode[parentOf[i]].substring(0, prefix) + own;
            codes[i] = code + "0".repeat(12 - code.length());
        }
        return codes;
    }

    private List<Geometry> villageGeometries(Coordinate[] sites) {
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        List<Coordinate> siteList = List.of(sites);
        builder.setSites(siteList);
        builder.setClipEnvelope(extent);
        Geometry diagram = builder.getDiagram(factory);
        Map<Coordinate, Geometry> bySite = new HashMap<>();
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Geometry cell = diagram.getGeometryN(i);
            bySite.put((Coordinate) cell.getUserData(), cell);
        }
        List<List<Coordinate>> rings = new ArrayList<>();
        for (Coordinate site : sites) {
            Geometry cell = bySite.get(site);
            rings.add(cell == null ? List.of() : snappedRing((Polygon) cell.getGeometryN(0)));
        }
        List<Geometry> result = new ArrayList<>();
        for (List<Coordinate> ring : rings) {
            result.add(bent(ring));
        }
        // a bend can make a polygon self-intersect at a sharp corner: straighten that cell's edges
        // (for its neighbours too, as edges are shared) until every village is valid
        for (int round = 0; round < 5; round++) {
            boolean changed = false;
            for (int i = 0; i < result.size(); i++) {
                if (!result.get(i).isValid()) {
                    straighten(rings.get(i));
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            for (int i = 0; i < result.size(); i++) {
                result.set(i, bent(rings.get(i)));
            }
        }
        return result;
    }

    private static List<Coordinate> snappedRing(Polygon cell) {
        List<Coordinate> ring = new ArrayList<>();
        for (Coordinate c : cell.getExteriorRing().getCoordinates()) {
            Coordinate s = snap(c);
            if (ring.isEmpty() || !ring.get(ring.size() - 1).equals2D(s)) {
                ring.add(s);
            }
        }
        return ring;
    }

    private Geometry bent(List<Coordinate> ring) {
        if (ring.size() < 4) {
            return factory.createPolygon();
        }
        List<Coordinate> out = new ArrayList<>();
        for (int i = 0; i < ring.size() - 1; i++) {
            Coordinate[] line = bentEdge(ring.get(i), ring.get(i + 1));
            for (int k = 0; k < line.length - 1; k++) {
                out.add(line[k]);
            }
        }
        out.add(out.get(0).copy());
        return factory.createPolygon(out.toArray(new Coordinate[0]));
    }

    private void straighten(List<Coordinate> ring) {
        for (int i = 0; i < ring.size() - 1; i++) {
            Coordinate a = ring.get(i);
            Coordinate b = ring.get(i + 1);
            boolean forward = a.compareTo(b) < 0;
            Coordinate p = forward ? a : b;
            Coordinate q = forward ? b : a;
            bentEdges.put(key(p, q), new Coordinate[] {p, q});
        }
    }

    private static String key(Coordinate p, Coordinate q) {
        return p.x + "," + p.y + "," + q.x + "," + q.y;
    }

    /** The bent polyline from a to b, generated once per undirected edge so neighbours agree. */
    private Coordinate[] bentEdge(Coordinate a, Coordinate b) {
        boolean forward = a.compareTo(b) < 0;
        Coordinate p = forward ? a : b;
        Coordinate q = forward ? b : a;
        Coordinate[] line = bentEdges.computeIfAbsent(key(p, q), k -> bend(p, q));
        if (forward) {
            return line;
        }
        Coordinate[] reversed = new Coordinate[line.length];
        for (int i = 0; i < line.length; i++) {
            reversed[i] = line[line.length - 1 - i];
        }
        return reversed;
    }

    private Coordinate[] bend(Coordinate p, Coordinate q) {
        boolean onBorder = (p.x == q.x && (p.x == snapValue(extent.getMinX()) || p.x == snapValue(extent.getMaxX())))
                || (p.y == q.y && (p.y == snapValue(extent.getMinY()) || p.y == snapValue(extent.getMaxY())));
        int segments = minSegments + random.nextInt(maxSegments - minSegments + 1);
        double dx = q.x - p.x;
        double dy = q.y - p.y;
        double a1 = onBorder ? 0 : bend * (2 * random.nextDouble() - 1);
        double a2 = onBorder ? 0 : bend * 0.4 * (2 * random.nextDouble() - 1);
        Coordinate[] line = new Coordinate[segments + 1];
        line[0] = p;
        line[segments] = q;
        for (int k = 1; k < segments; k++) {
            double t = (double) k / segments;
            double jitter = onBorder ? 0 : bend * 0.15 * (2 * random.nextDouble() - 1);
            double off = (a1 + jitter) * Math.sin(Math.PI * t) + a2 * Math.sin(2 * Math.PI * t);
            line[k] = snap(new Coordinate(p.x + t * dx - off * dy, p.y + t * dy + off * dx));
        }
        return line;
    }

    private static Coordinate snap(Coordinate c) {
        return new Coordinate(snapValue(c.x), snapValue(c.y));
    }

    private static double snapValue(double v) {
        return Math.round(v * SNAP) / SNAP;
    }

    private static List<List<Geometry>> group(List<Geometry> children, int[] parentOf, int parents) {
        List<List<Geometry>> groups = new ArrayList<>();
        for (int i = 0; i < parents; i++) {
            groups.add(new ArrayList<>());
        }
        for (int i = 0; i < children.size(); i++) {
            groups.get(parentOf[i]).add(children.get(i));
        }
        return groups;
    }

    private List<Geometry> unionEach(List<List<Geometry>> groups) {
        List<Geometry> result = new ArrayList<>();
        for (List<Geometry> g : groups) {
            result.add(g.isEmpty() ? factory.createPolygon() : UnaryUnionOp.union(g));
        }
        return result;
    }

    private void add(List<GridCell> out, GridLevel level, String[] codes, int[] parentOf, List<Geometry> geoms,
            String... parentCodes) {
        for (int i = 0; i < codes.length; i++) {
            Geometry g = geoms.get(i);
            g.setSRID(4490);
            String parent = parentOf == null ? null : parentCodes[parentOf[i]];
            out.add(new GridCell(out.size() + 1, codes[i], level, GridKind.ADMIN, level.id() + " " + codes[i],
                    parent, LocalDate.of(2024, 1, 1), null, g));
        }
    }
}
