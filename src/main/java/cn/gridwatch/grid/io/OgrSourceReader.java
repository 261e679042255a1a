package cn.gridwatch.grid.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads Shapefiles (also zipped, through {@code /vsizip/}) and GeoPackages by running GDAL's
 * {@code ogr2ogr} to convert the layer to GeoJSON in a temporary directory, then reading that with
 * {@link GeoJsonSourceReader}. Coordinates are not transformed; the layer's CRS comes from the
 * {@code crs} member ogr2ogr writes when it can identify an EPSG code. GDAL reads the
 * {@code .cpg}; for a Shapefile without one a declared encoding is passed as {@code SHAPE_ENCODING}.
 * Arguments go to {@link ProcessBuilder} as a list, never through a shell. Thread-safe.
 */
public final class OgrSourceReader {
    private static final long TIMEOUT_MINUTES = 10;
    private final GeoJsonSourceReader geojson = new GeoJsonSourceReader();

    /**
     * Reads {@code path} as {@code format} ({@link SourceFormat#SHAPEFILE} or {@link SourceFormat#GEOPACKAGE}).
     * A file GDAL cannot read (or a zip without a {@code .shp}) fails with an
     * {@link IllegalArgumentException} naming the file and GDAL's message; a failure of the server
     * itself (temp files, GDAL not installed) is an {@link UncheckedIOException}.
     */
    public SourceData read(Path path, SourceFormat format, ReadOptions options) {
        Path tmp = null;
        try {
            if (isZip(path)) {
                checkZipHasShapefile(path);
            }
            tmp = Files.createTempDirectory("gridwatch-ogr");
            Path out = tmp.resolve("layer.geojson");
            List<String> cmd = new ArrayList<>(List.of("ogr2ogr", "-f", "GeoJSON", "-lco", "RFC7946=NO"));
            List<String> notes = new ArrayList<>();
            if (format == SourceFormat.SHAPEFILE && options.encoding() != null) {
                if (hasCpg(path)) {
                    notes.add("declared encoding " + options.encoding().name() + " ignored: the .cpg file wins");
                } else {
                    cmd.addAll(List.of("--config", "SHAPE_ENCODING", gdalEncoding(options.encoding())));
                }
            }
            cmd.add(out.toString());
            cmd.add(source(path));
            if (options.layer() != null) {
                cmd.add(options.layer());
            } else if (format == SourceFormat.GEOPACKAGE) {
                cmd.add(firstLayer(path));
            }
            run(cmd, path);
            SourceData d = geojson.read(out, format);
            if (d.fileCrs() == null && format == SourceFormat.SHAPEFILE && !hasPrj(path)) {
                notes.add("the Shapefile has no .prj");
            } else if (d.fileCrs() == null) {
                notes.add("GDAL could not identify an EPSG code for the file's CRS");
            }
            notes.addAll(d.notes());
            return new SourceData(format, d.features(), d.fileCrs(), notes);
        } catch (IOException e) {
            throw new UncheckedIOException("converting " + path + " with ogr2ogr: " + e.getMessage(), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static String source(Path path) {
        String abs = path.toAbsolutePath().toString();
        return isZip(path) ? "/vsizip/" + abs : abs;
    }

    private static boolean isZip(Path path) {
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /** GDAL's answer for a zip without a Shapefile is "unable to open"; say what is missing instead. */
    private static void checkZipHasShapefile(Path zip) throws IOException {
        List<String> entries = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            z.stream().forEach(e -> entries.add(e.getName()));
        } catch (ZipException e) {
            throw new IllegalArgumentException(zip.getFileName() + " is not a readable zip archive: " + e.getMessage(), e);
        }
        if (entries.stream().noneMatch(n -> n.toLowerCase(Locale.ROOT).endsWith(".shp"))) {
            throw new IllegalArgumentException(zip.getFileName() + " contains no .shp file; a zipped Shapefile needs "
                    + "at least the .shp, .shx and .dbf" + (entries.isEmpty() ? " (the archive is empty)"
                    : " (the archive holds " + String.join(", ", entries.subList(0, Math.min(10, entries.size())))
                    + (entries.size() > 10 ? ", ..." : "") + ")"));
        }
    }

    private static String firstLayer(Path path) throws IOException {
        String listing = run(List.of("ogrinfo", "-ro", "-q", path.toAbsolutePath().toString()), path);
        for (String line : listing.split("\n")) {
            // lines look like "1: towns (Polygon)"
            int colon = line.indexOf(": ");
            if (colon > 0 && line.substring(0, colon).trim().matches("\\d+")) {
                String rest = line.substring(colon + 2).trim();
                int paren = rest.lastIndexOf(" (");
                return paren > 0 ? rest.substring(0, paren) : rest;
            }
        }
        throw new IllegalArgumentException(path.getFileName() + " is a GeoPackage without a vector layer");
    }

    static String gdalEncoding(Charset cs) {
        String n = cs.name().toUpperCase(Locale.ROOT);
        return n.equals("GBK") || n.equals("GB2312") || n.equals("X-MS936") || n.equals("WINDOWS-936") ? "CP936" : n;
    }

    private static boolean hasCpg(Path shp) {
        return sidecar(shp, ".cpg");
    }

    private static boolean hasPrj(Path shp) {
        return sidecar(shp, ".prj");
    }

    private static boolean sidecar(Path shp, String ext) {
        String name = shp.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        return Files.exists(shp.resolveSibling(stem + ext))
                || Files.exists(shp.resolveSibling(stem + ext.toUpperCase(Locale.ROOT)))
                || name.toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /**
     * Runs a GDAL tool on {@code input}; a non-zero exit fails with GDAL's own message, naming the file
     * (the server's directories are left out of the message). Returns stdout.
     */
    private static String run(List<String> cmd, Path input) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(cmd.get(0) + " did not finish within " + TIMEOUT_MINUTES + " minutes");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + cmd.get(0), e);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            String gdal = text.trim().replace(input.toAbsolutePath().getParent().toString() + "/", "");
            throw new IllegalArgumentException(input.getFileName() + " cannot be read: " + cmd.get(0) + " failed (exit "
                    + p.exitValue() + "): " + gdal);
        }
        return text;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a leftover temp file must not hide the import's own result
        }
    }
}
