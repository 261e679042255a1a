package cn.gridwatch.map.render;

import java.util.Locale;

/** The image formats maps and legends are encoded in. */
public enum ImageFormat {
    PNG("image/png", "png"),
    PNG8("image/png; mode=8bit", "png"),
    JPEG("image/jpeg", "jpeg");

    private final String mime;
    private final String extension;

    ImageFormat(String mime, String extension) {
        this.mime = mime;
        this.extension = extension;
    }

    public String mime() {
        return mime;
    }

    public String imageIoName() {
        return extension;
    }

    public boolean supportsAlpha() {
        return this != JPEG;
    }

    /**
     * Parses a MIME type, spaces and case ignored; {@code image/png8} is accepted for 8-bit PNG.
     *
     * @throws IllegalArgumentException naming the format when it is not supported
     */
    public static ImageFormat parse(String text) {
        String t = text == null ? "" : text.replace(" ", "").toLowerCase(Locale.ROOT);
        return switch (t) {
            case "image/png", "png" -> PNG;
            case "image/png;mode=8bit", "image/png8", "png8" -> PNG8;
            case "image/jpeg", "image/jpg", "jpeg", "jpg" -> JPEG;
            default -> throw new IllegalArgumentException("image format '" + text
                    + "' is not supported; use image/png, image/png; mode=8bit or image/jpeg");
        };
    }
}
