package cn.gridwatch.grid;

import cn.gridwatch.grid.imports.GridImportService;
import cn.gridwatch.grid.imports.ImportAudit;
import cn.gridwatch.grid.imports.ImportReport;
import cn.gridwatch.grid.imports.ImportRequest;
import cn.gridwatch.grid.io.PropertyMapping;
import cn.gridwatch.grid.io.SourceFormat;
import cn.gridwatch.http.Params;
import cn.gridwatch.http.Uploads;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Turns an HTTP upload into a grid import: the file comes as multipart field {@code file} or as the
 * raw body with {@code ?filename=}; a Shapefile comes zipped (.shp with .dbf, .shx, .prj, .cpg). The
 * upload is written to a private temporary directory, imported with the query parameters (the same
 * options as the command line) and deleted. Thread-safe.
 */
final class GridUploadImporter {
    /** At most 3 bytes each in UTF-8, so a kept name stays under the usual 255-byte limit. */
    private static final int MAX_NAME_CHARS = 80;
    private final GridImportService imports;
    private final long maxBytes;

    GridUploadImporter(GridImportService imports, long maxBytes) {
        this.imports = imports;
        this.maxBytes = maxBytes;
    }

    /**
     * @param allowedCodePrefix null for anywhere, else the caller's jurisdiction: a file with codes
     *     outside it is refused whole
     * @param audit told about the committed import inside its transaction
     */
    ImportReport importUpload(Context ctx, String allowedCodePrefix, ImportAudit audit) throws IOException {
        Path dir = Files.createTempDirectory("gridwatch-upload-");
        try {
            Path file = receive(ctx, dir, maxBytes);
            String format = Params.text(ctx, "format");
            String encoding = Params.text(ctx, "encoding");
            ImportRequest req = ImportRequest.builder(file, GridLevel.parse(Params.required(ctx, "level")))
                    .kind(GridKind.parse(Params.text(ctx, "kind")))
                    .crs(Params.text(ctx, "crs"))
                    .format(format == null ? null : SourceFormat.parse(format))
                    .validFrom(Params.date(ctx, "validFrom"))
                    .mapping(new PropertyMapping(Params.text(ctx, "codeField"), Params.text(ctx, "nameField"),
                            Params.text(ctx, "parentField")))
                    .wktColumn(Params.text(ctx, "wktField"))
                    .encoding(encoding == null ? null : charset(encoding))
                    .layer(Params.text(ctx, "layer"))
                    .repair(Params.flag(ctx, "repair"))
                    .dryRun(Params.flag(ctx, "dryRun"))
                    .qa(!Params.flag(ctx, "noQa"))
                    .allowedCodePrefix(allowedCodePrefix)
                    .audit(audit)
                    .build();
            return imports.importFile(req);
        } finally {
            deleteTree(dir);
        }
    }

    private static Path receive(Context ctx, Path dir, long maxBytes) throws IOException {
        Uploads.checkDeclaredLength(ctx, maxBytes);
        if (Uploads.isMultipart(ctx)) {
            UploadedFile up = Uploads.multipartFile(ctx);
            Path target = dir.resolve(safeName(up.filename()));
            Uploads.copy(up.content(), target, maxBytes);
            return target;
        }
        String name = Params.text(ctx, "filename");
        if (name == null) {
            throw new IllegalArgumentException("send the file as multipart field 'file', or as the body with "
                    + "?filename=NAME.geojson|.zip|.gpkg|.csv so the format is known");
        }
        Path target = dir.resolve(safeName(name));
        if (Uploads.copy(ctx.bodyInputStream(), target, maxBytes) == 0) {
            throw new IllegalArgumentException("the request body is empty: no file was uploaded");
        }
        return target;
    }

    /** Keeps only the last path element and harmless characters, so an upload cannot escape its directory. */
    static String safeName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the uploaded file has no name; its extension tells the format");
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        if (base.isEmpty() || base.startsWith(".")) {
            throw new IllegalArgumentException("the uploaded file name '" + name + "' is not usable");
        }
        if (base.length() > MAX_NAME_CHARS) { // file systems refuse names over 255 bytes; keep the extension
            int dot = base.lastIndexOf('.');
            String ext = dot < 0 ? "" : base.substring(dot);
            if (ext.length() > 16) {
                throw new IllegalArgumentException("the uploaded file name is too long (" + base.length()
                        + " characters) and has no usable extension");
            }
            base = base.substring(0, MAX_NAME_CHARS - ext.length()) + ext;
        }
        return base;
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("query parameter 'encoding' names an unknown charset: '" + name + "'", e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
