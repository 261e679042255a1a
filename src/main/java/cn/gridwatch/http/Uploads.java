package cn.gridwatch.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;

/**
 * The parts every file upload shares (grid, register and road imports): refusing a declared length
 * over the limit before anything is read, the multipart field {@code file}, and copying a body to a
 * file while counting, so a chunked body without a length is stopped one byte past the limit. Over
 * the limit is {@code 413} naming {@code GRIDWATCH_MAX_UPLOAD_MB}. How a file is named and what an
 * empty one means stay with each feature. Stateless.
 */
public final class Uploads {
    private Uploads() {
    }

    /** @throws HttpResponseException 413 when the request declares more than {@code maxBytes} */
    public static void checkDeclaredLength(Context ctx, long maxBytes) {
        if (ctx.contentLength() > maxBytes) {
            throw tooLarge(maxBytes);
        }
    }

    /** Whether the request is a multipart form (the file in field {@code file}). */
    public static boolean isMultipart(Context ctx) {
        String ct = ctx.contentType();
        return ct != null && ct.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** The multipart field {@code file}. @throws IllegalArgumentException when there is none */
    public static UploadedFile multipartFile(Context ctx) {
        UploadedFile up = ctx.uploadedFile("file");
        if (up == null) {
            throw new IllegalArgumentException("the multipart upload has no field named 'file'");
        }
        return up;
    }

    /**
     * Copies {@code in} (closed afterwards) to {@code target}, replacing it.
     *
     * @return the number of bytes written
     * @throws HttpResponseException 413 when there are more than {@code maxBytes}
     */
    public static long copy(InputStream in, Path target, long maxBytes) throws IOException {
        try (InputStream bounded = new BoundedInputStream(in, maxBytes + 1)) {
            long n = Files.copy(bounded, target, StandardCopyOption.REPLACE_EXISTING);
            if (n > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return n;
        }
    }

    public static HttpResponseException tooLarge(long maxBytes) {
        return new HttpResponseException(413, "the upload is larger than the limit of " + maxBytes / (1024 * 1024)
                + " MiB (GRIDWATCH_MAX_UPLOAD_MB)", Map.of());
    }
}
