package cn.gridwatch.map.render;

import cn.gridwatch.map.style.Marker;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** Marker shapes centred on the origin, {@code size} pixels across. Stateless and thread-safe. */
final class Markers {
    private Markers() {
    }

    static Shape shape(Marker marker, float size) {
        double r = size / 2.0;
        return switch (marker) {
            case NONE -> new Rectangle2D.Double(0, 0, 0, 0);
            case CIRCLE -> new Ellipse2D.Double(-r, -r, size, size);
            case SQUARE -> new Rectangle2D.Double(-r * 0.85, -r * 0.85, size * 0.85, size * 0.85);
            case TRIANGLE -> polygon(r, 3, 0, 1);
            case DIAMOND -> polygon(r, 4, 0, 1);
            case STAR -> polygon(r, 10, 0, 0.45);
        };
    }

    /** A regular polygon (or a star when {@code innerRatio} < 1) with its first vertex straight up. */
    private static Shape polygon(double r, int vertices, double startDeg, double innerRatio) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < vertices; i++) {
            double a = Math.toRadians(startDeg - 90 + 360.0 * i / vertices);
            double rr = i % 2 == 1 ? r * innerRatio : r;
            double x = rr * Math.cos(a);
            double y = rr * Math.sin(a);
            if (i == 0) {
                p.moveTo(x, y);
            } else {
                p.lineTo(x, y);
            }
        }
        p.closePath();
        return p;
    }
}
