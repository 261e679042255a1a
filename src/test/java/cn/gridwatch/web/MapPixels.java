package cn.gridwatch.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Counts pixels of a colour in a PNG screenshot, to check what the map really drew. Stateless. */
final class MapPixels {
    private MapPixels() {
    }

    static BufferedImage decode(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pixels within {@code tolerance} (per channel) of {@code rgb} (0xRRGGBB). */
    static int count(BufferedImage img, int rgb, int tolerance) {
        int r0 = rgb >> 16 & 0xff;
        int g0 = rgb >> 8 & 0xff;
        int b0 = rgb & 0xff;
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if (Math.abs((p >> 16 & 0xff) - r0) <= tolerance && Math.abs((p >> 8 & 0xff) - g0) <= tolerance
                        && Math.abs((p & 0xff) - b0) <= tolerance) {
                    n++;
                }
            }
        }
        return n;
    }
}
