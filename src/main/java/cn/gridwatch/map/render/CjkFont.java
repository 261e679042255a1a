package cn.gridwatch.map.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The font for Chinese labels: Noto Sans CJK SC from Debian's fonts-noto-cjk, loaded once; when it
 * is missing, the logical SansSerif font with a warning (Chinese may then draw as boxes).
 * Thread-safe: fonts are immutable.
 */
public final class CjkFont {
    private static final Logger LOG = LoggerFactory.getLogger(CjkFont.class);
    private static final List<Path> CANDIDATES = List.of(
            Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
            Path.of("/usr/share/fonts/opentype/noto-cjk/NotoSansCJK-Regular.ttc"),
            Path.of("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc"));
    private static final Font BASE = load();

    private CjkFont() {
    }

    /** The label font at {@code size} points. */
    public static Font of(float size) {
        return BASE.deriveFont(size);
    }

    /** True when a real CJK font was found. */
    public static boolean isCjk() {
        return BASE.canDisplay('湘');
    }

    private static Font load() {
        for (Path p : CANDIDATES) {
            if (!Files.isRegularFile(p)) {
                continue;
            }
            try {
                Font[] fonts = Font.createFonts(p.toFile());
                for (Font f : fonts) {
                    if (f.getFamily(java.util.Locale.ROOT).contains("CJK SC")) {
                        return f;
                    }
                }
                return fonts[0];
            } catch (IOException | FontFormatException e) {
                LOG.warn("could not load the CJK font {}: {}", p, e.getMessage());
            }
        }
        LOG.warn("no CJK font found (install fonts-noto-cjk); map labels fall back to SansSerif and Chinese may draw as boxes");
        return new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    }
}
