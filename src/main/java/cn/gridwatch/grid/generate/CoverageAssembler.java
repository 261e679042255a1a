package cn.gridwatch.grid.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Makes a designed hierarchy exact. Each level was designed by splitting its parent separately, and
 * snap rounding may have moved shared borders by up to 1e-6 degrees differently on either side. Here
 * the village rings of a whole region are snap-rounded together into one arrangement, each face goes
 * to the village design that contains it, and every coarser unit is rebuilt as the union of its
 * children. All levels then tile exactly, vertex for vertex, on the 1e-6 degree grid (EPSG:4490).
 * Stateless and thread-safe.
 */
final class CoverageAssembler {
    /**
     * Faces outside every village design whose mean width (twice the area over the perimeter) is
     * below this many degrees are slivers left by rounding, not real holes, and are filled.
     */
    private static final double GAP_WIDTH = 4e-6;

    private CoverageAssembler() {
    }

    /**
     * Rebuilds every level from one arrangement per region.
     *
     * @param perCounty true to build one arrangement per county (counties given as input, which
     *                  need not tile each other); false for one arrangement of everything
     */
    static GeneratedGrid assemble(GeneratedGrid design, boolean perCounty) {
        Function<GeneratedCell, String> region = perCounty ? v -> v.code().substring(0, 6) : v -> "";
        Map<String, List<GeneratedCell>> regions = design.villages().stream()
                .collect(Collectors.groupingBy(region, LinkedHashMap::new, Collectors.toList()));
        List<List<GeneratedCell>> rebuilt = new ArrayList<>(regions.values()).parallelStream()
                .map(CoverageAssembler::assembleVillages)
                .collect(Collectors.toList());
        List<GeneratedCell> villages = new ArrayList<>();
        rebuilt.forEach(villages::addAll);
        List<GeneratedCell> townships = unionChildren(design.townships(), villages);
        List<GeneratedCell> counties = unionChildren(design.counties(), townships);
        List<GeneratedCell> cities = unionChildren(design.cities(), counties);
        return new GeneratedGrid(cities, counties, townships, villages);
    }

    private static List<GeneratedCell> assembleVillages(List<GeneratedCell> designs) {
        List<Coordinate[]> lines = new ArrayList<>();
        STRtree tree = new STRtree();
        for (int i = 0; i < designs.size(); i++) {
            Geometry g = designs.get(i).geometry();
            for (int p = 0; p < g.getNumGeometries(); p++) {
                Polygon poly = (Polygon) g.getGeometryN(p);
                lines.add(poly.getExteriorRing().getCoordinates());
                for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                    lines.add(poly.getInteriorRingN(h).getCoordinates());
                }
            }
            tree.insert(g.getEnvelopeInternal(), i);
        }
        IndexedPointInAreaLocator[] locators = new IndexedPointInAreaLocator[designs.size()];
        List<List<Geometry>> faces = new ArrayList<>();
        for (int i = 0; i < designs.size(); i++) {
            faces.add(new ArrayList<>());
        }
        List<Polygon> gaps = new ArrayList<>();
        for (Polygon face : PlanarFaces.of(lines)) {
            int owner = owner(face, designs, tree, locators);
            if (owner >= 0) {
                faces.get(owner).add(face);
            } else if (2 * face.getArea() / face.getLength() < GAP_WIDTH) {
                gaps.add(face);
            }
        }
        List<Geometry> pieces = new ArrayList<>();
        int[] township = new int[designs.size()];
        Map<String, Integer> townshipIndex = new LinkedHashMap<>();
        for (int i = 0; i < designs.size(); i++) {
            List<Geometry> f = faces.get(i);
            pieces.add(f.isEmpty() ? GeneratorGeometry.FACTORY.createPolygon() : Subdivider.unionFaces(f));
            township[i] = townshipIndex.computeIfAbsent(designs.get(i).parentCode(), k -> townshipIndex.size());
        }
        for (Polygon gap : gaps) {
            FragmentMerger.absorb(pieces, gap); // a gap touching nothing along a line is left out
        }
        FragmentMerger.merge(pieces, township, 0);
        List<GeneratedCell> result = new ArrayList<>();
        for (int i = 0; i < designs.size(); i++) {
            if (!pieces.get(i).isEmpty()) {
                result.add(designs.get(i).withGeometry(pieces.get(i)));
            }
        }
        return result;
    }

    private static int owner(Polygon face, List<GeneratedCell> designs, STRtree tree,
            IndexedPointInAreaLocator[] locators) {
        Coordinate pt = face.getInteriorPoint().getCoordinate();
        int best = Integer.MAX_VALUE;
        for (Object o : tree.query(new Envelope(pt))) {
            int i = (Integer) o;
            if (i < best) {
                if (locators[i] == null) {
                    locators[i] = new IndexedPointInAreaLocator(designs.get(i).geometry());
                }
                if (locators[i].locate(pt) == Location.INTERIOR) {
                    best = i;
                }
            }
        }
        return best == Integer.MAX_VALUE ? -1 : best;
    }

    /** Each parent's geometry replaced by the union of its children; parents without children are dropped. */
    private static List<GeneratedCell> unionChildren(List<GeneratedCell> parents, List<GeneratedCell> children) {
        Map<String, List<Geometry>> byParent = new LinkedHashMap<>();
        for (GeneratedCell c : children) {
            byParent.computeIfAbsent(c.parentCode(), k -> new ArrayList<>()).add(c.geometry());
        }
        return parents.parallelStream()
                .filter(p -> byParent.containsKey(p.code()))
                .map(p -> p.withGeometry(Subdivider.unionFaces(byParent.get(p.code()))))
                .collect(Collectors.toList());
    }
}
