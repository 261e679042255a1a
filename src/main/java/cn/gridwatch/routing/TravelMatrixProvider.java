package cn.gridwatch.routing;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

/**
 * Where travel times come from: the road network (pgRouting) or the great-circle fallback.
 * Coordinates are EPSG:4490 with x = longitude, y = latitude. Implementations are thread-safe.
 */
public interface TravelMatrixProvider {
    /** Times and distances between every ordered pair of {@code points}. */
    TravelMatrix matrix(List<Coordinate> points);

    /** The path travelled from {@code from} to {@code to}, SRID 4490 (a straight line for the fallback). */
    LineString path(Coordinate from, Coordinate to);
}
