package cn.gridwatch.grid.generate;

import cn.gridwatch.grid.AdminCode;
import cn.gridwatch.grid.GridLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Generates grid hierarchies (city → county → township → village) in memory, deterministically: the
 * same arguments give the same result, whatever the number of threads. Three modes:
 * <ul>
 *   <li>{@link #demo} — the fictional city 湘源市 (code 432000, an unused Hunan prefecture code),
 *       about 60 × 50 km around 113.0°E 27.65°N, with 6 counties, ~80 townships and ~800 villages;</li>
 *   <li>{@link #province} — a fictional province (codes 39xxxx, an unused province code) at the
 *       scale of Hunan, for benchmarks;</li>
 *   <li>{@link #fromCounties} — townships and villages inside real county polygons.</li>
 * </ul>
 * Geometry is EPSG:4490, x = longitude, y = latitude, vertices on the 1e-6 degree grid; children tile
 * their parent exactly. Stateless and thread-safe; work is spread over the common fork-join pool.
 */
public final class GridGenerator {
    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 20261122L;
    /** The demo city's code (12 digits) and name. */
    public static final String DEMO_CITY_CODE = "432000000000";
    public static final String DEMO_CITY_NAME = "湘源市";

    private static final String PROVINCE_CODE = "39";
    private static final double DEMO_TOWNSHIPS_PER_COUNTY = 14.5;
    private static final double DEMO_VILLAGES_PER_TOWNSHIP = 10.5;

    /** The fictional demo city with exactly six counties (the first an urban district). */
    public GeneratedGrid demo(long seed) {
        SplittableRandom rnd = HierarchyDesigner.random(seed, DEMO_CITY_CODE);
        Polygon outline = CityOutline.create(113.0, 27.65, 30, 25, 240, rnd);
        GeneratedCell city = new GeneratedCell(DEMO_CITY_CODE, DEMO_CITY_NAME, GridLevel.CITY, null, outline);
        return build(List.of(city), c -> 6, DEMO_TOWNSHIPS_PER_COUNTY, DEMO_VILLAGES_PER_TOWNSHIP,
                HierarchyDesigner.FINE, seed);
    }

    /** A fictional province of {@code plan.cities()} cities; see {@link ProvincePlan#HUNAN_SIZE}. */
    public GeneratedGrid province(long seed, ProvincePlan plan) {
        SplittableRandom rnd = HierarchyDesigner.random(seed, PROVINCE_CODE + "0000000000");
        double scale = Math.sqrt(plan.cities() * plan.countiesPerCity() * plan.townshipsPerCounty()
                * plan.villagesPerTownship() / 24_000.0);
        Polygon outline = CityOutline.create(111.7, 27.6, 270 * scale, 230 * scale, 600, rnd);
        List<Coordinate> seeds = SeedSampler.sample(outline, plan.cities(), rnd);
        List<Geometry> pieces = Subdivider.partition(outline, seeds, HierarchyDesigner.COARSE.county(), rnd);
        NameGenerator names = new NameGenerator(rnd);
        List<GeneratedCell> cities = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            String code = PROVINCE_CODE + String.format("%02d", i + 1) + "00000000";
            cities.add(new GeneratedCell(code, names.rural("市"), GridLevel.CITY, null, pieces.get(i)));
        }
        Function<GeneratedCell, Integer> counties = c -> HierarchyDesigner.count(plan.countiesPerCity(), 2,
                HierarchyDesigner.random(seed ^ 1, c.code()));
        return build(cities, counties, plan.townshipsPerCounty(), plan.villagesPerTownship(),
                HierarchyDesigner.COARSE, seed);
    }

    /**
     * Townships and villages inside real counties. Counties named ...区 smaller than 600 km² are
     * treated as urban districts (streets and communities). Larger counties get more townships:
     * the mean is scaled by the square root of the area relative to the others.
     *
     * @throws IllegalArgumentException when there are no counties or a code is not a county code
     */
    public GeneratedGrid fromCounties(List<SourceCounty> sources, long seed, double townshipsPerCounty,
            double villagesPerTownship) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no counties to subdivide");
        }
        ProvincePlan.checkMean("townshipsPerCounty", townshipsPerCounty, 80);
        ProvincePlan.checkMean("villagesPerTownship", villagesPerTownship, 150);
        List<GeneratedCell> counties = new ArrayList<>();
        double meanRoot = 0;
        for (SourceCounty s : sources) {
            String code = AdminCode.normalize(s.code());
            if (AdminCode.levelOf(code) != GridLevel.COUNTY) {
                throw new IllegalArgumentException("county code must have 6 digits ending in a county number, but was: "
                        + s.code() + " (" + s.name() + ")");
            }
            counties.add(new GeneratedCell(code, s.name(), GridLevel.COUNTY, AdminCode.parentOf(code), s.geometry()));
            meanRoot += Math.sqrt(s.geometry().getArea()) / sources.size();
        }
        double rootMean = meanRoot;
        List<GeneratedCell> townships = flatten(counties, c -> HierarchyDesigner.townships(c, isUrbanByName(c),
                townshipsPerCounty * Math.sqrt(c.geometry().getArea()) / rootMean, HierarchyDesigner.FINE, seed));
        List<GeneratedCell> villages = flatten(townships,
                t -> HierarchyDesigner.villages(t, villagesPerTownship, HierarchyDesigner.FINE, seed));
        return CoverageAssembler.assemble(new GeneratedGrid(List.of(), counties, townships, villages), true);
    }

    private GeneratedGrid build(List<GeneratedCell> cities, Function<GeneratedCell, Integer> countiesOf,
            double townshipsPerCounty, double villagesPerTownship, HierarchyDesigner.Detail detail, long seed) {
        List<GeneratedCell> counties = flatten(cities,
                c -> HierarchyDesigner.counties(c, countiesOf.apply(c), detail, seed));
        List<GeneratedCell> townships = flatten(counties, c -> HierarchyDesigner.townships(c,
                Integer.parseInt(c.code().substring(4, 6)) <= 20, townshipsPerCounty, detail, seed));
        List<GeneratedCell> villages = flatten(townships,
                t -> HierarchyDesigner.villages(t, villagesPerTownship, detail, seed));
        return CoverageAssembler.assemble(new GeneratedGrid(cities, counties, townships, villages), false);
    }

    private static boolean isUrbanByName(GeneratedCell county) {
        Geometry g = county.geometry();
        double lat = g.getEnvelopeInternal().centre().y;
        double km2 = g.getArea() * 111.32 * 111.32 * Math.cos(Math.toRadians(lat));
        return county.name().endsWith("区") && km2 < 600;
    }

    /** Children of every parent, in parent order, computed in parallel. */
    private static List<GeneratedCell> flatten(List<GeneratedCell> parents,
            Function<GeneratedCell, List<GeneratedCell>> children) {
        List<List<GeneratedCell>> lists = parents.parallelStream().map(children).collect(Collectors.toList());
        List<GeneratedCell> result = new ArrayList<>();
        lists.forEach(result::addAll);
        return result;
    }
}
