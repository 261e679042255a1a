package cn.gridwatch.map.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * Encodes rendered ARGB images: 32-bit PNG and 8-bit palette PNG (transparency kept through the
 * palette's alpha) with {@link PngEncoder}, and JPEG (flattened onto a background colour) with
 * ImageIO, its disk cache off. The palette is the 256 most used colours after reducing each channel
 * to 4 bits, each entry the mean of its pixels. Stateless and thread-safe.
 */
public final class ImageEncoder {
    static {
        ImageIO.setUseCache(false); // ImageIO's default buffers every encoded image through a temporary file
    }

    private ImageEncoder() {
    }

    /** The image in {@code format}; {@code background} is what JPEG flattens transparency onto. */
    public static byte[] encode(BufferedImage argb, ImageFormat format, Color background) {
        return switch (format) {
            case PNG -> PngEncoder.rgba(argb);
            case PNG8 -> palette(argb);
            case JPEG -> jpeg(flatten(argb, background == null ? Color.WHITE : background));
        };
    }

    private static byte[] jpeg(BufferedImage rgb) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(rgb, "jpeg", bytes)) {
                throw new IllegalStateException("no ImageIO writer for image/jpeg");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a JPEG image", e);
        }
        return bytes.toByteArray();
    }

    private static BufferedImage flatten(BufferedImage argb, Color background) {
        BufferedImage rgb = new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(new Color(background.getRGB() & 0xFFFFFF));
        g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
        g.drawImage(argb, 0, 0, null);
        g.dispose();
        return rgb;
    }

    static byte[] palette(BufferedImage argb) {
        int w = argb.getWidth();
        int h = argb.getHeight();
        int[] px = argb.getRGB(0, 0, w, h, null, 0, w);
        long[] count = new long[65536];
        long[][] sum = new long[4][65536];
        for (int p : px) {
            int b = bucket(p);
            count[b]++;
            sum[0][b] += p >>> 24;
            sum[1][b] += (p >> 16) & 0xFF;
            sum[2][b] += (p >> 8) & 0xFF;
            sum[3][b] += p & 0xFF;
        }
        Integer[] order = new Integer[65536];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(count[b], count[a]));
        int n = 0;
        while (n < 256 && count[order[n]] > 0) {
            n++;
        }
        n = Math.max(n, 1);
        byte[] a = new byte[n];
        byte[] r = new byte[n];
        byte[] g = new byte[n];
        byte[] bl = new byte[n];
        int[] pal = new int[n];
        for (int i = 0; i < n; i++) {
            int b = order[i];
            long c = Math.max(1, count[b]);
            a[i] = (byte) (sum[0][b] / c);
            r[i] = (byte) (sum[1][b] / c);
            g[i] = (byte) (sum[2][b] / c);
            bl[i] = (byte) (sum[3][b] / c);
            pal[i] = ((a[i] & 0xFF) << 24) | ((r[i] & 0xFF) << 16) | ((g[i] & 0xFF) << 8) | (bl[i] & 0xFF);
        }
        int[] nearest = new int[65536];
        Arrays.fill(nearest, -1);
        byte[] idx = new byte[px.length];
        for (int i = 0; i < px.length; i++) {
            int b = bucket(px[i]);
            if (nearest[b] < 0) {
                nearest[b] = nearest(pal, px[i]);
            }
            idx[i] = (byte) nearest[b];
        }
        return PngEncoder.indexed(idx, w, h, pal);
    }

    private static int bucket(int p) {
        return ((p >>> 28) << 12) | (((p >> 20) & 0xF) << 8) | (((p >> 12) & 0xF) << 4) | ((p >> 4) & 0xF);
    }

    private static int nearest(int[] pal, int p) {
        int best = 0;
        long bestD = Long.MAX_VALUE;
        for (int i = 0; i < pal.length; i++) {
            long d = 0;
            for (int shift = 0; shift < 32; shift += 8) {
                int diff = ((pal[i] >>> shift) & 0xFF) - ((p >>> shift) & 0xFF);
                d += (long) diff * diff;
            }
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }
}
