package cn.gridwatch.map.render;

import cn.gridwatch.geo.CrsRegistry;
import cn.gridwatch.geo.GeometryTransform;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Draws layers of {@link MapFeature}s into an ARGB image with Java2D, antialiased: fills and
 * outlines per layer in order, then labels on top at each feature's interior point, skipping a
 * label whose box overlaps one already placed (coarser levels are placed first, then drawing order).
 * Features are EPSG:4490 and are transformed to the canvas CRS with {@link CrsRegistry}.
 * Stateless and thread-safe; each call draws into its own image.
 */
public final class MapRenderer {
    /** Where and how big to draw: bbox is x/y in {@code crs} (x = longitude/easting). */
    public record Canvas(String crs, Envelope bbox, int width, int height, Color background, double scaleDenominator) {
    }

    /** One layer's features and style. */
    public record Layer(List<MapFeature> features, Style style) {
    }

    private record Label(String text, double x, double y, Style style, int rank) {
    }

    public BufferedImage render(Canvas canvas, List<Layer> layers) {
        BufferedImage img = new BufferedImage(canvas.width(), canvas.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            if (canvas.background() != null) {
                g.setColor(canvas.background());
                g.fillRect(0, 0, canvas.width(), canvas.height());
            }
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            AffineTransform toScreen = toScreen(canvas);
            GeometryTransform toCrs = CrsRegistry.fromCgcs2000(canvas.crs());
            List<Label> labels = new ArrayList<>();
            for (Layer layer : layers) {
                Style s = layer.style();
                g.setStroke(new BasicStroke(s.strokeWidth(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                boolean withLabels = s.labelsAt(canvas.scaleDenominator());
                for (MapFeature f : layer.features()) {
                    Geometry projected = project(toCrs, f.geometry());
                    if (projected == null) {
                        continue;
                    }
                    Shape shape = toScreen.createTransformedShape(shape(projected));
                    if (s.fill() != null) {
                        g.setColor(s.fill());
                        g.fill(shape);
                    }
                    g.setColor(s.stroke());
                    g.draw(shape);
                    if (withLabels && f.name() != null && !f.name().isBlank() && f.labelPoint() != null) {
                        Geometry p = project(toCrs, f.labelPoint());
                        if (p != null) {
                            double[] xy = {p.getCoordinate().x, p.getCoordinate().y};
                            toScreen.transform(xy, 0, xy, 0, 1);
                            labels.add(new Label(f.name(), xy[0], xy[1], s, f.level().rank()));
                        }
                    }
                }
            }
            drawLabels(g, labels, canvas);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** World x/y of the canvas CRS to pixels, y down. */
    static AffineTransform toScreen(Canvas c) {
        Envelope b = c.bbox();
        double sx = c.width() / b.getWidth();
        double sy = c.height() / b.getHeight();
        AffineTransform t = new AffineTransform(sx, 0, 0, -sy, -b.getMinX() * sx, b.getMaxY() * sy);
        return t;
    }

    /** The geometry in the canvas CRS, or null when it lies outside that CRS's valid area. */
    private static Geometry project(GeometryTransform t, Geometry g) {
        try {
            return t.apply(g);
        } catch (IllegalArgumentException outsideCrs) {
            return null; // e.g. a cell far outside a Gauss-Krüger zone: it cannot be on this map
        }
    }

    private static Shape shape(Geometry g) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p) {
                ring(path, p.getExteriorRing());
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    ring(path, p.getInteriorRingN(h));
                }
            } else if (part instanceof LineString l) {
                ring(path, l);
            }
        }
        return path;
    }

    private static void ring(Path2D.Double path, LineString ring) {
        Coordinate[] cs = ring.getCoordinates();
        if (cs.length == 0) {
            return;
        }
        path.moveTo(cs[0].x, cs[0].y);
        for (int i = 1; i < cs.length; i++) {
            path.lineTo(cs[i].x, cs[i].y);
        }
        if (ring.isClosed()) {
            path.closePath();
        }
    }

    private static void drawLabels(Graphics2D g, List<Label> labels, Canvas canvas) {
        labels.sort(Comparator.comparingInt(Label::rank)); // stable: coarser levels win, then drawing order
        List<Rectangle2D> placed = new ArrayList<>();
        FontRenderContext frc = g.getFontRenderContext();
        BasicStroke halo = new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        for (Label l : labels) {
            TextLayout layout = new TextLayout(l.text(), CjkFont.of(l.style().labelSize()), frc);
            Rectangle2D bounds = layout.getBounds();
            double x = l.x() - bounds.getWidth() / 2 - bounds.getX();
            double y = l.y() + bounds.getHeight() / 2;
            Rectangle2D box = new Rectangle2D.Double(x + bounds.getX() - 2, y + bounds.getY() - 2,
                    bounds.getWidth() + 4, bounds.getHeight() + 4);
            if (box.getMinX() < 0 || box.getMinY() < 0 || box.getMaxX() > canvas.width()
                    || box.getMaxY() > canvas.height() || placed.stream().anyMatch(box::intersects)) {
                continue;
            }
            placed.add(box);
            Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(x, y));
            g.setStroke(halo);
            g.setColor(new Color(255, 255, 255, 220));
            g.draw(outline);
            g.setColor(l.style().labelColor());
            g.fill(outline);
        }
    }
}
