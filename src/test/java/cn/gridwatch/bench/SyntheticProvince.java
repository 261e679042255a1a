package cn.gridwatch.bench;

import cn.gridwatch.grid.GridCell;
import cn.gridwatch.grid.locate.VoronoiGridFixture;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;

/**
 * A Hunan-sized synthetic province for benchmarks: {@link VoronoiGridFixture} villages (edges cut
 * into 8..25 bent segments, so villages have roughly 50..150 vertices) over 108.8..114.3 E,
 * 24.6..30.1 N, grouped into townships, counties and cities by nearest seed. Deterministic per seed.
 */
public final class SyntheticProvince implements GridSource {
    private final long seed;
    private final int cities;
    private final int counties;
    private final int townships;
    private final int villages;

    public SyntheticProvince(long seed, int cities, int counties, int townships, int villages) {
        this.seed = seed;
        this.cities = cities;
        this.counties = counties;
        this.townships = townships;
        this.villages = villages;
    }

    /** Hunan's counts from DOMAIN.md: 14 cities, 122 counties, ~1,900 townships, ~24,000 villages. */
    public static SyntheticProvince hunanSized(long seed) {
        return new SyntheticProvince(seed, 14, 122, 1900, 24000);
    }

    @Override
    public List<GridCell> cells() {
        Envelope extent = new Envelope(108.8, 114.3, 24.6, 30.1);
        return new VoronoiGridFixture(seed, extent, 8, 25, 0.08).generate(cities, counties, townships, villages);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "synthetic Voronoi province (seed %d): %d cities, %d counties, %d townships,"
                + " %d villages", seed, cities, counties, townships, villages);
    }
}
