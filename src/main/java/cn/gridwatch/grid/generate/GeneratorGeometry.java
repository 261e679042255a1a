package cn.gridwatch.grid.generate;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.PolygonExtracter;

/**
 * Shared geometry settings of the generator: every generated vertex lies on the 1e-6 degree grid of
 * EPSG:4490 (x = longitude, y = latitude), which is also the precision written to GeoJSON, so what is
 * computed is exactly what is written. Distances in "local degrees" scale longitude by the cosine of
 * the latitude so that Voronoi cells are not stretched east-west. Stateless and thread-safe.
 */
final class GeneratorGeometry {
    /** CGCS2000 geographic, lon/lat. */
    static final int SRID = 4490;
    /** 1e6 units per degree: vertices are multiples of 1e-6 degrees. */
    static final PrecisionModel PRECISION = new PrecisionModel(1e6);
    static final GeometryFactory FACTORY = new GeometryFactory(PRECISION, SRID);

    private GeneratorGeometry() {
    }

    /** The factor that turns degrees of longitude into degrees of latitude-equivalent length near {@code env}. */
    static double lonScale(Envelope env) {
        double lat = (env.getMinY() + env.getMaxY()) / 2;
        return Math.cos(Math.toRadians(lat));
    }

    /** Squared distance in local degrees. */
    static double distanceSq(Coordinate a, Coordinate b, double kx) {
        double dx = (a.x - b.x) * kx;
        double dy = a.y - b.y;
        return dx * dx + dy * dy;
    }

    /** A coordinate rounded to the 1e-6 degree grid. */
    static Coordinate snap(double x, double y) {
        return new Coordinate(PRECISION.makePrecise(x), PRECISION.makePrecise(y));
    }

    /**
     * The polygonal part of an overlay result (a Polygon, or a MultiPolygon if there are several),
     * with SRID 4490. Snap rounding can leave collapsed edges as lines beside the polygons; they have
     * no area and are dropped.
     */
    static Geometry polygonal(Geometry g) {
        Geometry result = g;
        if (!(g instanceof Polygon) && !(g instanceof MultiPolygon)) {
            @SuppressWarnings("unchecked")
            List<Polygon> polygons = PolygonExtracter.getPolygons(g);
            result = FACTORY.buildGeometry(polygons);
            if (polygons.isEmpty()) {
                result = FACTORY.createPolygon();
            }
        }
        result.setSRID(SRID);
        return result;
    }
}
