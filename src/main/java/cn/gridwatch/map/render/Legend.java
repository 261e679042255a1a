package cn.gridwatch.map.render;

import cn.gridwatch.map.style.Style;
import cn.gridwatch.map.style.Symbol;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Legend images for GetLegendGraphic. A symbol alone fills a box of the requested size (how the
 * grid outlines are shown); a titled legend has one row per entry of the style, the symbol in a box
 * of the requested size and its title (Chinese first, CJK font) to the right, and is as wide and
 * tall as its rows need. Transparent background. Stateless and thread-safe.
 */
public final class Legend {
    /** The symbol box when the client gives no WIDTH/HEIGHT. */
    public static final int DEFAULT_BOX = 20;
    private static final int PAD = 3;
    private static final int GAP = 6;
    private static final float TEXT_PT = 12f;
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private Legend() {
    }

    /** The symbol drawn into a {@code width} x {@code height} box: an outline square, an area or a marker. */
    public static BufferedImage symbol(Symbol symbol, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = graphics(img);
        try {
            drawSymbol(g, symbol, 0, 0, width, height);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The size of {@link #titled} for these arguments (for the capabilities' LegendURL). */
    public static Dimension titledSize(Style style, int boxWidth, int boxHeight) {
        Font font = CjkFont.of(TEXT_PT);
        int textWidth = 0;
        int textHeight = 0;
        for (Symbol s : style.legendEntries()) {
            TextLayout t = new TextLayout(title(s), font, FRC);
            textWidth = Math.max(textWidth, (int) Math.ceil(t.getAdvance()));
            textHeight = Math.max(textHeight, (int) Math.ceil(t.getAscent() + t.getDescent()));
        }
        int row = Math.max(boxHeight, textHeight);
        int rows = style.legendEntries().size();
        return new Dimension(PAD + boxWidth + GAP + textWidth + PAD, PAD + rows * row + (rows - 1) * 2 + PAD);
    }

    /** One row per legend entry of {@code style}: symbol box, then title. */
    public static BufferedImage titled(Style style, int boxWidth, int boxHeight) {
        Dimension size = titledSize(style, boxWidth, boxHeight);
        List<Symbol> entries = style.legendEntries();
        int row = (size.height - 2 * PAD - (entries.size() - 1) * 2) / entries.size();
        BufferedImage img = new BufferedImage(size.width, size.height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = graphics(img);
        try {
            Font font = CjkFont.of(TEXT_PT);
            for (int i = 0; i < entries.size(); i++) {
                Symbol s = entries.get(i);
                int top = PAD + i * (row + 2);
                drawSymbol(g, s, PAD, top + (row - boxHeight) / 2, boxWidth, boxHeight);
                TextLayout t = new TextLayout(title(s), font, g.getFontRenderContext());
                float baseline = top + (row + t.getAscent() - t.getDescent()) / 2;
                g.setColor(new Color(0x222222));
                t.draw(g, PAD + boxWidth + GAP, baseline);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static String title(Symbol s) {
        return s.title() == null || s.title().isBlank() ? " " : s.title();
    }

    private static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    private static void drawSymbol(Graphics2D g, Symbol s, int x, int y, int w, int h) {
        if (s.isPoint()) {
            float size = Math.min(s.size(), Math.max(2, Math.min(w, h) - 2));
            Shape marker = AffineTransform.getTranslateInstance(x + w / 2.0, y + h / 2.0)
                    .createTransformedShape(Markers.shape(s.marker(), size));
            g.setStroke(new BasicStroke(s.strokeWidth()));
            if (s.fill() != null) {
                g.setColor(s.fill());
                g.fill(marker);
            }
            if (s.stroke() != null && s.strokeWidth() > 0) {
                g.setColor(s.stroke());
                g.draw(marker);
            }
            return;
        }
        float sw = Math.min(s.strokeWidth(), Math.max(1, Math.min(w, h) / 4f));
        int inset = Math.round(sw);
        if (s.fill() != null) {
            g.setColor(s.fill());
            g.fillRect(x + 2, y + 2, w - 4, h - 4);
        }
        if (s.stroke() != null && sw > 0) {
            g.setStroke(new BasicStroke(sw));
            g.setColor(s.stroke());
            g.drawRect(x + inset, y + inset, Math.max(1, w - 2 * inset - 1), Math.max(1, h - 2 * inset - 1));
        }
    }
}
