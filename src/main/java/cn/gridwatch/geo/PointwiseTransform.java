package cn.gridwatch.geo;

import java.util.Objects;
import java.util.function.Supplier;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A {@link GeometryTransform} that converts every coordinate of a deep copy of the geometry with a
 * {@link PointOp}, keeping the structure (parts, rings, holes, Z values) unchanged, and gives the
 * copy and all its parts the target SRID.
 *
 * <p>Thread-safe: a fresh {@link PointOp} is taken from the supplier for every geometry, so point
 * ops backed by non-thread-safe proj4j transforms are never shared between threads.
 */
final class PointwiseTransform implements GeometryTransform {
    private final Supplier<PointOp> opPerGeometry;
    private final int targetSrid;

    PointwiseTransform(Supplier<PointOp> opPerGeometry, int targetSrid) {
        this.opPerGeometry = Objects.requireNonNull(opPerGeometry, "opPerGeometry");
        this.targetSrid = targetSrid;
    }

    @Override
    public Geometry apply(Geometry geometry) {
        Objects.requireNonNull(geometry, "geometry");
        GeometryFactory source = geometry.getFactory();
        GeometryFactory target = new GeometryFactory(
                source.getPrecisionModel(), targetSrid, source.getCoordinateSequenceFactory());
        Geometry copy = target.createGeometry(geometry);
        copy.apply(new Filter(opPerGeometry.get()));
        copy.geometryChanged();
        return copy;
    }

    private static final class Filter implements CoordinateSequenceFilter {
        private final PointOp op;

        Filter(PointOp op) {
            this.op = op;
        }

        @Override
        public void filter(CoordinateSequence seq, int i) {
            double[] xy = op.apply(seq.getX(i), seq.getY(i));
            seq.setOrdinate(i, CoordinateSequence.X, xy[0]);
            seq.setOrdinate(i, CoordinateSequence.Y, xy[1]);
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}
