package cn.gridwatch.map.render;

import cn.gridwatch.geo.SupportedCrs;
import cn.gridwatch.map.MapFeature;
import cn.gridwatch.map.style.Style;
import cn.gridwatch.map.style.Symbol;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Puntal;

/**
 * Draws layers of {@link MapFeature}s into an ARGB image with Java2D, antialiased, in layer order:
 * areas filled and outlined, lines stroked, points drawn as their symbol's marker centred on the
 * point, each feature with the symbol its style gives its class. Outlines without fill (grid
 * cells) are gathered per run of one symbol into one path and stroked once: one rasterizer pass
 * instead of one per feature, and a boundary two cells share is drawn once, not twice. Labels go on top at each feature's
 * interior point, skipping a label whose box overlaps one already placed (lower label ranks, i.e.
 * coarser grid levels, are placed first, then drawing order). Features are EPSG:4490; paths are
 * built by {@link ScreenPath}, which thins them to the pixel. Stateless and thread-safe; each call
 * draws into its own image.
 */
public final class MapRenderer {
    /** Where and how big to draw: bbox is x/y in {@code crs} (x = longitude/easting). */
    public record Canvas(SupportedCrs crs, Envelope bbox, int width, int height, Color background,
            double scaleDenominator) {
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
            ScreenPath screen = new ScreenPath(canvas.crs(), canvas.bbox(), canvas.width(), canvas.height());
            List<Label> labels = new ArrayList<>();
            double[] xy = new double[2];
            Path2D.Float outlines = new Path2D.Float(Path2D.WIND_NON_ZERO, 4096);
            for (Layer layer : layers) {
                Style s = layer.style();
                boolean withLabels = s.labelsAt(canvas.scaleDenominator());
                Map<Symbol, Shape> markers = new HashMap<>();
                Symbol current = null;
                for (MapFeature f : layer.features()) {
                    Symbol sym = s.symbolFor(f.styleClass());
                    if (sym != current) {
                        strokeOutlines(g, outlines, current);
                        g.setStroke(new BasicStroke(sym.strokeWidth(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                        current = sym;
                    }
                    Geometry geom = f.geometry();
                    if (geom instanceof Puntal) {
                        Shape marker = markers.computeIfAbsent(sym, m -> Markers.shape(m.marker(), m.size()));
                        for (int i = 0; i < geom.getNumGeometries(); i++) {
                            if (screen.point((Point) geom.getGeometryN(i), xy)) {
                                drawMarker(g, sym, marker, xy[0], xy[1]);
                            }
                        }
                    } else if (sym.fill() == null) {
                        screen.append(outlines, geom); // stroked with the others of its symbol, in one pass
                    } else {
                        Path2D.Float path = screen.path(geom);
                        if (path != null) {
                            g.setColor(sym.fill());
                            g.fill(path);
                            if (sym.stroke() != null && sym.strokeWidth() > 0) {
                                g.setColor(sym.stroke());
                                g.draw(path);
                            }
                        }
                    }
                    if (withLabels && f.name() != null && !f.name().isBlank()) {
                        Point p = f.labelPoint();
                        if (p != null && screen.point(p, xy)) {
                            labels.add(new Label(f.name(), xy[0], xy[1], s, f.labelRank()));
                        }
                    }
                }
                strokeOutlines(g, outlines, current);
            }
            drawLabels(g, labels, canvas);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Strokes the outlines gathered for {@code sym} (the stroke is already set) and empties the path. */
    private static void strokeOutlines(Graphics2D g, Path2D.Float outlines, Symbol sym) {
        if (sym != null && sym.stroke() != null && sym.strokeWidth() > 0 && outlines.getCurrentPoint() != null) {
            g.setColor(sym.stroke());
            g.draw(outlines);
        }
        outlines.reset();
    }

    private static void drawMarker(Graphics2D g, Symbol sym, Shape marker, double x, double y) {
        g.translate(x, y);
        if (sym.fill() != null) {
            g.setColor(sym.fill());
            g.fill(marker);
        }
        if (sym.stroke() != null && sym.strokeWidth() > 0) {
            g.setColor(sym.stroke());
            g.draw(marker);
        }
        g.translate(-x, -y);
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
