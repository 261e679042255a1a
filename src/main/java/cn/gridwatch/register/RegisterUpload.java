package cn.gridwatch.register;

import cn.gridwatch.http.BoundedInputStream;
import cn.gridwatch.http.Params;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Receives a register upload into a temporary file: multipart field {@code file}, or the raw body
 * named by {@code ?filename=} (or typed by {@code ?format=}). Anything over the upload limit
 * ({@code GRIDWATCH_MAX_UPLOAD_MB}) is refused with 413 before it is read whole. HTTP only.
 */
final class RegisterUpload {
    /** The received file and the name the user gave it. Delete {@code file} when done. */
    record Received(Path file, String name) {
    }

    private RegisterUpload() {
    }

    static Received receive(Context ctx, long maxBytes) throws IOException {
        if (ctx.contentLength() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        Path tmp = Files.createTempFile("gridwatch-register-", ".upload");
        try {
            String ct = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
            String name;
            if (ct.startsWith("multipart/")) {
                UploadedFile up = ctx.uploadedFile("file");
                if (up == null) {
                    throw new IllegalArgumentException("the multipart upload has no field named 'file'");
                }
                name = up.filename();
                copy(up.content(), tmp, maxBytes);
            } else {
                name = Params.text(ctx, "filename");
                String format = Params.text(ctx, "format");
                if (name == null && format == null) {
                    throw new IllegalArgumentException("send the file as multipart field 'file', or as the body with"
                            + " ?filename=NAME.csv|.geojson|.xlsx or ?format=csv|geojson|xlsx");
                }
                if (name == null) {
                    name = "upload." + RegisterFormat.parse(format).id();
                }
                copy(ctx.bodyInputStream(), tmp, maxBytes);
            }
            if (Files.size(tmp) == 0) {
                throw new IllegalArgumentException("the upload is empty: no file was sent");
            }
            return new Received(tmp, name == null || name.isBlank() ? "upload" : name);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Chunked bodies carry no length: count while copying and stop one byte past the limit. */
    private static void copy(InputStream in, Path target, long maxBytes) throws IOException {
        try (InputStream bounded = new BoundedInputStream(in, maxBytes + 1)) {
            long n = Files.copy(bounded, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            if (n > maxBytes) {
                throw tooLarge(maxBytes);
            }
        }
    }

    private static HttpResponseException tooLarge(long maxBytes) {
        return new HttpResponseException(413, "the upload is larger than the limit of " + maxBytes / (1024 * 1024)
                + " MiB (GRIDWATCH_MAX_UPLOAD_MB)", Map.of());
    }
}
