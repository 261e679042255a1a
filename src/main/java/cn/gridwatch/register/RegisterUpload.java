package cn.gridwatch.register;

import cn.gridwatch.http.Params;
import cn.gridwatch.http.Uploads;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        Uploads.checkDeclaredLength(ctx, maxBytes);
        Path tmp = Files.createTempFile("gridwatch-register-", ".upload");
        try {
            String name;
            if (Uploads.isMultipart(ctx)) {
                UploadedFile up = Uploads.multipartFile(ctx);
                name = up.filename();
                Uploads.copy(up.content(), tmp, maxBytes);
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
                Uploads.copy(ctx.bodyInputStream(), tmp, maxBytes);
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
}
