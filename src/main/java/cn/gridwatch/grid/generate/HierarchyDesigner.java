package cn.gridwatch.grid.generate;

import cn.gridwatch.grid.GridLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Designs the children of one unit: how many, where (via {@link Subdivider}), which kind (street,
 * town or township; community or village), their codes and names. Codes follow DOMAIN.md: township
 * digits 001-099 streets (街道), 100-199 towns (镇), 200-399 townships (乡); village digits 001-199
 * communities (社区), 200-399 villages (村). Streets and communities lie around the seat (the
 * parent's interior point); the rest are numbered clockwise around it. Each call draws from its own
 * random generator derived from the seed and the parent's code, so results do not depend on the
 * order or thread in which parents are processed. Stateless and thread-safe.
 */
final class HierarchyDesigner {
    /** Border wiggliness per level of the units being created. */
    record Detail(Subdivider.Noise county, Subdivider.Noise township, Subdivider.Noise village) {
    }

    /** For the demo and real counties: 16, 8 and 4 segments per Voronoi edge. */
    static final Detail FINE = new Detail(new Subdivider.Noise(4, 0.13), new Subdivider.Noise(3, 0.13),
            new Subdivider.Noise(2, 0.12));
    /** For province scale: half the vertices, so that 24,000 villages stay quick to build and draw. */
    static final Detail COARSE = new Detail(new Subdivider.Noise(3, 0.13), new Subdivider.Noise(2, 0.13),
            new Subdivider.Noise(1, 0.12));

    private HierarchyDesigner() {
    }

    /** A generator for one parent: the same seed and code always give the same sequence. */
    static SplittableRandom random(long seed, String code12) {
        return new SplittableRandom(seed ^ (Long.parseLong(code12) * 0x9E3779B97F4A7C15L));
    }

    /** A count around {@code mean} (80%..120%), at least {@code min}. */
    static int count(double mean, int min, SplittableRandom rnd) {
        return Math.max(min, (int) Math.round(mean * (0.8 + 0.4 * rnd.nextDouble())));
    }

    /**
     * Counties of a city: the first is an urban district (code ..02, 区) in the centre, then counties
     * (..21, ..22, 县) and, from four counties up, one county-level city (..81, 市) last.
     */
    static List<GeneratedCell> counties(GeneratedCell city, int n, Detail detail, long seed) {
        SplittableRandom rnd = random(seed, city.code());
        List<Coordinate> seeds = SeedSampler.extend(city.geometry(), ringSeeds(city.geometry(), n, rnd), n, rnd);
        List<Geometry> pieces = Subdivider.partition(city.geometry(), seeds, detail.county(), rnd);
        NameGenerator names = new NameGenerator(rnd);
        String prefix = city.code().substring(0, 4);
        List<GeneratedCell> result = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            String code;
            String name;
            if (i == 0) {
                code = prefix + "02";
                name = names.rural("区");
            } else if (i == pieces.size() - 1 && pieces.size() >= 4) {
                code = prefix + "81";
                name = names.rural("市");
            } else {
                code = prefix + String.format("%02d", 20 + i);
                name = names.rural("县");
            }
            result.add(new GeneratedCell(code + "000000", name, GridLevel.COUNTY, city.code(), pieces.get(i)));
        }
        return result;
    }

    /** Townships of a county; an urban district has only streets, a county one or two streets at its seat. */
    static List<GeneratedCell> townships(GeneratedCell county, boolean urban, double mean, Detail detail,
            long seed) {
        SplittableRandom rnd = random(seed, county.code());
        int n = count(urban ? 0.75 * mean : mean, 2, rnd);
        Geometry area = county.geometry();
        Coordinate seat = area.getInteriorPoint().getCoordinate();
        List<Coordinate> fixed = new ArrayList<>();
        if (!urban && n >= 6) {
            // two close seeds make two half-size streets at the county seat
            fixed.add(seat);
            Coordinate second = nearby(area, seat, 0.3 * spacing(area, n), rnd);
            if (second != null) {
                fixed.add(second);
            }
        }
        List<Coordinate> seeds = SeedSampler.extend(area, fixed, n, rnd);
        List<Geometry> pieces = ordered(Subdivider.partition(area, seeds, detail.township(), rnd), seat);
        int streets = urban ? pieces.size() : Math.min(fixed.isEmpty() ? 1 : 2, pieces.size());
        int rest = pieces.size() - streets;
        int townships = rest >= 6 ? Math.max(1, rest / 7) : 0;
        NameGenerator names = new NameGenerator(rnd);
        List<GeneratedCell> result = new ArrayList<>();
        String prefix = county.code().substring(0, 6);
        for (int i = 0; i < pieces.size(); i++) {
            String digits;
            String name;
            if (i < streets) {
                digits = String.format("%03d", i + 1);
                name = names.urban("街道");
            } else if (i < pieces.size() - townships) {
                digits = String.valueOf(101 + i - streets);
                name = names.rural("镇");
            } else {
                digits = String.valueOf(201 + i - (pieces.size() - townships));
                name = names.rural("乡");
            }
            result.add(new GeneratedCell(prefix + digits + "000", name, GridLevel.TOWNSHIP, county.code(),
                    pieces.get(i)));
        }
        return result;
    }

    /** Villages of a township: a street has only communities, a town one or two, a 乡 none. */
    static List<GeneratedCell> villages(GeneratedCell township, double mean, Detail detail, long seed) {
        SplittableRandom rnd = random(seed, township.code());
        int kind = Integer.parseInt(township.code().substring(6, 9));
        boolean street = kind < 100;
        double factor = street ? 0.65 : kind < 200 ? 1.1 : 0.85;
        int n = count(factor * mean, 2, rnd);
        Geometry area = township.geometry();
        Coordinate seat = area.getInteriorPoint().getCoordinate();
        List<Coordinate> seeds = SeedSampler.sample(area, n, rnd);
        List<Geometry> pieces = ordered(Subdivider.partition(area, seeds, detail.village(), rnd), seat);
        int communities = street ? pieces.size() : kind < 200 ? (pieces.size() >= 10 ? 2 : 1) : 0;
        NameGenerator names = new NameGenerator(rnd);
        List<GeneratedCell> result = new ArrayList<>();
        String prefix = township.code().substring(0, 9);
        for (int i = 0; i < pieces.size(); i++) {
            boolean community = i < communities;
            String digits = community ? String.format("%03d", i + 1) : String.valueOf(201 + i - communities);
            String name = community ? (street && rnd.nextBoolean() ? names.urban("社区") : names.rural("社区"))
                    : names.rural("村");
            result.add(new GeneratedCell(prefix + digits, name, GridLevel.VILLAGE, township.code(), pieces.get(i)));
        }
        return result;
    }

    /** The piece nearest the seat first, then the rest clockwise from north around the seat. */
    private static List<Geometry> ordered(List<Geometry> pieces, Coordinate seat) {
        double kx = GeneratorGeometry.lonScale(pieces.get(0).getEnvelopeInternal());
        List<Geometry> sorted = new ArrayList<>(pieces);
        sorted.sort(Comparator.comparingDouble(g -> GeneratorGeometry.distanceSq(
                g.getInteriorPoint().getCoordinate(), seat, kx)));
        List<Geometry> result = new ArrayList<>(sorted.subList(0, Math.min(2, sorted.size())));
        List<Geometry> rest = new ArrayList<>(sorted.subList(result.size(), sorted.size()));
        rest.sort(Comparator.comparingDouble(g -> clockwiseFromNorth(g.getInteriorPoint().getCoordinate(), seat, kx)));
        result.addAll(rest);
        return result;
    }

    private static double clockwiseFromNorth(Coordinate p, Coordinate seat, double kx) {
        double a = Math.atan2((p.x - seat.x) * kx, p.y - seat.y);
        return a < 0 ? a + 2 * Math.PI : a;
    }

    /** Up to six seeds on a ring around the centre (the first seed), so the central unit stays small. */
    private static List<Coordinate> ringSeeds(Geometry area, int n, SplittableRandom rnd) {
        Coordinate centre = area.getInteriorPoint().getCoordinate();
        List<Coordinate> seeds = new ArrayList<>(List.of(centre));
        int ring = Math.min(n - 1, 6);
        double radius = 0.55 * Math.sqrt(area.getArea() * GeneratorGeometry.lonScale(area.getEnvelopeInternal())
                / Math.PI);
        double kx = GeneratorGeometry.lonScale(area.getEnvelopeInternal());
        double start = rnd.nextDouble() * 2 * Math.PI;
        for (int k = 0; k < ring; k++) {
            double angle = start + 2 * Math.PI * k / ring + (rnd.nextDouble() - 0.5) * 0.4;
            double r = radius * (0.85 + 0.3 * rnd.nextDouble());
            Coordinate c = new Coordinate(centre.x + r * Math.sin(angle) / kx, centre.y + r * Math.cos(angle));
            if (area.contains(GeneratorGeometry.FACTORY.createPoint(c))) {
                seeds.add(c);
            }
        }
        return seeds;
    }

    /** Mean distance between seeds when {@code n} of them fill {@code area}, in local degrees. */
    private static double spacing(Geometry area, int n) {
        return Math.sqrt(area.getArea() * GeneratorGeometry.lonScale(area.getEnvelopeInternal()) / n);
    }

    private static Coordinate nearby(Geometry area, Coordinate p, double distance, SplittableRandom rnd) {
        double kx = GeneratorGeometry.lonScale(area.getEnvelopeInternal());
        for (int i = 0; i < 20; i++) {
            double angle = rnd.nextDouble() * 2 * Math.PI;
            Coordinate c = new Coordinate(p.x + distance * Math.sin(angle) / kx, p.y + distance * Math.cos(angle));
            if (area.contains(GeneratorGeometry.FACTORY.createPoint(c))) {
                return c;
            }
        }
        return null;
    }
}
