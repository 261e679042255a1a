package cn.gridwatch.map.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A small PNG writer (ISO/IEC 15948) for rendered maps: 8-bit RGBA straight from the image's
 * {@code int} pixels (no per-pixel copies through a Raster), or 8-bit palette with a tRNS chunk.
 * Rows use filter type 0 (none) and zlib at a fast level: map tiles are mostly empty, so the
 * compressor finds long runs either way, and filtering and high levels cost more time than they
 * save bytes (see bench/README.md). Per-thread {@link Deflater}s and row buffers are reused, so an
 * encode allocates little more than its output. Thread-safe.
 */
final class PngEncoder {
    /** zlib level: 1 is zlib's fastest; sizes stay within a few percent of ImageIO's default here. */
    static final int LEVEL = 1;
    private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};
    private static final VarHandle RGBA = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(LEVEL));
    private static final ThreadLocal<byte[][]> BUFFERS = ThreadLocal.withInitial(() -> new byte[][] {
        new byte[0], new byte[64 * 1024]});

    private PngEncoder() {
    }

    /** An ARGB image (TYPE_INT_ARGB, a sub-image of one, or anything else through getRGB) as RGBA PNG. */
    static byte[] rgba(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int rowBytes = 1 + 4 * w;
        byte[] raw = rawBuffer(rowBytes * h);
        int[] data = intPixels(img);
        int stride;
        int offset;
        if (data != null) {
            Raster r = img.getRaster();
            stride = ((SinglePixelPackedSampleModel) r.getSampleModel()).getScanlineStride();
            offset = -r.getSampleModelTranslateY() * stride - r.getSampleModelTranslateX();
        } else {
            data = img.getRGB(0, 0, w, h, null, 0, w);
            stride = w;
            offset = 0;
        }
        int o = 0;
        for (int y = 0; y < h; y++) {
            raw[o++] = 0; // filter: none
            int p = offset + y * stride;
            for (int x = 0; x < w; x++) {
                RGBA.set(raw, o, Integer.rotateLeft(data[p + x], 8)); // ARGB to the bytes R, G, B, A
                o += 4;
            }
        }
        return png(w, h, 6, raw, o, null);
    }

    /** Palette indices (one byte per pixel, rows top down) with their ARGB palette as an indexed PNG. */
    static byte[] indexed(byte[] pixels, int w, int h, int[] paletteArgb) {
        int rowBytes = 1 + w;
        byte[] raw = rawBuffer(rowBytes * h);
        int o = 0;
        for (int y = 0; y < h; y++) {
            raw[o++] = 0;
            System.arraycopy(pixels, y * w, raw, o, w);
            o += w;
        }
        byte[] plte = new byte[3 * paletteArgb.length];
        byte[] trns = new byte[paletteArgb.length];
        for (int i = 0; i < paletteArgb.length; i++) {
            plte[3 * i] = (byte) (paletteArgb[i] >>> 16);
            plte[3 * i + 1] = (byte) (paletteArgb[i] >>> 8);
            plte[3 * i + 2] = (byte) paletteArgb[i];
            trns[i] = (byte) (paletteArgb[i] >>> 24);
        }
        return png(w, h, 3, raw, o, new byte[][] {plte, trns});
    }

    private static int[] intPixels(BufferedImage img) {
        if (img.getType() != BufferedImage.TYPE_INT_ARGB || !(img.getRaster().getDataBuffer() instanceof DataBufferInt d)
                || !(img.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel)) {
            return null;
        }
        return d.getData();
    }

    private static byte[] rawBuffer(int size) {
        byte[][] b = BUFFERS.get();
        if (b[0].length < size) {
            b[0] = new byte[size];
        }
        return b[0];
    }

    private static byte[] png(int w, int h, int colourType, byte[] raw, int rawLength, byte[][] paletteChunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, rawLength / 16));
        out.writeBytes(SIGNATURE);
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, w);
        putInt(ihdr, 4, h);
        ihdr[8] = 8; // bit depth
        ihdr[9] = (byte) colourType;
        chunk(out, "IHDR", ihdr, ihdr.length);
        if (paletteChunks != null) {
            chunk(out, "PLTE", paletteChunks[0], paletteChunks[0].length);
            chunk(out, "tRNS", paletteChunks[1], paletteChunks[1].length);
        }
        Deflater deflater = DEFLATER.get();
        deflater.reset();
        deflater.setInput(raw, 0, rawLength);
        deflater.finish();
        byte[][] buffers = BUFFERS.get();
        byte[] buf = buffers[1];
        int n = 0;
        while (!deflater.finished()) {
            if (n == buf.length) {
                byte[] bigger = new byte[buf.length * 2];
                System.arraycopy(buf, 0, bigger, 0, n);
                buf = bigger;
                buffers[1] = buf;
            }
            n += deflater.deflate(buf, n, buf.length - n);
        }
        chunk(out, "IDAT", buf, n);
        chunk(out, "IEND", new byte[0], 0);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int length) {
        byte[] head = new byte[8];
        putInt(head, 0, length);
        for (int i = 0; i < 4; i++) {
            head[4 + i] = (byte) type.charAt(i);
        }
        out.write(head, 0, 8);
        out.write(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(head, 4, 4);
        crc.update(data, 0, length);
        byte[] tail = new byte[4];
        putInt(tail, 0, (int) crc.getValue());
        out.write(tail, 0, 4);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
