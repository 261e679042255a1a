package cn.gridwatch.grid.generate.registers;

import cn.gridwatch.grid.AdminCode;
import cn.gridwatch.grid.generate.GeneratedCell;
import cn.gridwatch.grid.generate.GeneratedGrid;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;

/**
 * The villages of a generated grid as places to put things: each with its township and county names
 * (for addresses) and a point-in-polygon locator, so random points land strictly inside a village even
 * after rounding to 6 decimals (about 0.1 m). Coordinates are EPSG:4490, x = longitude, y = latitude.
 * Not thread-safe (locators build lazily).
 */
final class Places {
    /** One village (村/社区) and what its rows need. {@code community}: village digits 001-199. */
    record Village(String code, String shortCode, String name, String townshipName, String countyName,
            String countyCode, boolean community, Envelope envelope, IndexedPointInAreaLocator locator) {

        /** County, township and village names run together, as Chinese addresses begin. */
        String address() {
            return countyName + townshipName + name;
        }
    }

    /** Weighted choice among the villages, for one weighting. */
    final class Picker {
        private final double[] cumulative;

        private Picker(ToDoubleFunction<Village> weight) {
            cumulative = new double[villages.size()];
            double sum = 0;
            for (int i = 0; i < villages.size(); i++) {
                sum += weight.applyAsDouble(villages.get(i));
                cumulative[i] = sum;
            }
        }

        Village pick(SplittableRandom rnd) {
            return villages.get(Weighted.index(cumulative, rnd));
        }
    }

    private final List<Village> villages;
    private final Map<String, Village> byCode = new HashMap<>();
    private final List<GeneratedCell> counties;
    private final List<GeneratedCell> townships;

    Places(GeneratedGrid grid) {
        Map<String, String> names = new HashMap<>();
        grid.counties().forEach(c -> names.put(c.code(), c.name()));
        grid.townships().forEach(t -> names.put(t.code(), t.name()));
        this.counties = grid.counties();
        this.townships = grid.townships();
        this.villages = grid.villages().stream().map(v -> {
            String township = v.parentCode();
            String county = AdminCode.parentOf(township);
            int digits = Integer.parseInt(v.code().substring(9));
            return new Village(v.code(), v.shortCode(), v.name(), names.get(township), names.get(county),
                    AdminCode.shortForm(county), digits < 200, v.geometry().getEnvelopeInternal(),
                    new IndexedPointInAreaLocator(v.geometry()));
        }).toList();
        villages.forEach(v -> byCode.put(v.code(), v));
        if (villages.isEmpty()) {
            throw new IllegalArgumentException("the grid has no villages to place register rows in");
        }
    }

    List<Village> villages() {
        return villages;
    }

    List<GeneratedCell> counties() {
        return counties;
    }

    List<GeneratedCell> townships() {
        return townships;
    }

    /** The villages of township {@code code12}. */
    List<Village> villagesOf(String townshipCode12) {
        return villages.stream().filter(v -> v.code().startsWith(townshipCode12.substring(0, 9))).toList();
    }

    Picker picker(ToDoubleFunction<Village> weight) {
        return new Picker(weight);
    }

    /** A random point strictly inside {@code v}, {lon, lat} rounded to 6 decimals. */
    double[] pointIn(Village v, SplittableRandom rnd) {
        Envelope e = v.envelope();
        for (int i = 0; i < 100_000; i++) {
            double[] p = {round(e.getMinX() + rnd.nextDouble() * e.getWidth()),
                round(e.getMinY() + rnd.nextDouble() * e.getHeight())};
            if (inside(v, p[0], p[1])) {
                return p;
            }
        }
        throw new IllegalStateException("cannot place a point inside village " + v.code());
    }

    /**
     * A point about {@code metres} or less from (lon, lat) inside {@code v}, rounded to 6 decimals; the
     * point itself when ten tries land outside.
     */
    double[] near(Village v, double lon, double lat, double metres, SplittableRandom rnd) {
        double dy = metres / 111_320.0;
        double dx = dy / Math.cos(Math.toRadians(lat));
        for (int i = 0; i < 10; i++) {
            double[] p = {round(lon + (rnd.nextDouble() * 2 - 1) * dx), round(lat + (rnd.nextDouble() * 2 - 1) * dy)};
            if (inside(v, p[0], p[1])) {
                return p;
            }
        }
        return new double[] {lon, lat};
    }

    boolean inside(Village v, double lon, double lat) {
        return v.locator().locate(new Coordinate(lon, lat)) == Location.INTERIOR;
    }

    static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
