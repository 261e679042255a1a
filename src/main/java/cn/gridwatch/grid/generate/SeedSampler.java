package cn.gridwatch.grid.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * Seeded, evenly spread random points inside a polygon, by Mitchell's best-candidate algorithm
 * (each new point is the one of a few uniform candidates farthest from the points already chosen).
 * Few candidates leave some irregularity, which gives cells of varying size like real divisions.
 * Coordinates are EPSG:4490 lon/lat; spacing is measured in local degrees. Stateless and
 * thread-safe; the caller's random generator is not.
 */
final class SeedSampler {
    private static final int CANDIDATES = 6;
    private static final int MAX_TRIES = 100_000;

    private SeedSampler() {
    }

    /** {@code n} points strictly inside {@code area}, evenly spread, reproducible for a given generator state. */
    static List<Coordinate> sample(Geometry area, int n, SplittableRandom rnd) {
        return extend(area, new ArrayList<>(), n, rnd);
    }

    /** Adds points to {@code fixed} (kept first) until there are {@code n}, spread away from them. */
    static List<Coordinate> extend(Geometry area, List<Coordinate> fixed, int n, SplittableRandom rnd) {
        if (n < 1) {
            throw new IllegalArgumentException("number of seeds must be at least 1, but was: " + n);
        }
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(area);
        Envelope env = area.getEnvelopeInternal();
        double kx = GeneratorGeometry.lonScale(env);
        List<Coordinate> seeds = new ArrayList<>(fixed);
        while (seeds.size() < n) {
            Coordinate best = null;
            double bestDistance = -1;
            for (int c = 0; c < CANDIDATES; c++) {
                Coordinate p = randomInside(locator, env, rnd);
                double d = Double.MAX_VALUE;
                for (Coordinate s : seeds) {
                    d = Math.min(d, GeneratorGeometry.distanceSq(p, s, kx));
                }
                if (d > bestDistance) {
                    bestDistance = d;
                    best = p;
                }
            }
            seeds.add(best);
        }
        return seeds;
    }

    private static Coordinate randomInside(IndexedPointInAreaLocator locator, Envelope env, SplittableRandom rnd) {
        for (int i = 0; i < MAX_TRIES; i++) {
            Coordinate p = new Coordinate(
                    env.getMinX() + rnd.nextDouble() * env.getWidth(),
                    env.getMinY() + rnd.nextDouble() * env.getHeight());
            if (locator.locate(p) == Location.INTERIOR) {
                return p;
            }
        }
        throw new IllegalArgumentException("cannot place a seed inside an area with envelope " + env
                + "; is it empty or degenerate?");
    }
}
