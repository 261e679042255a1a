package cn.gridwatch.grid.io;

import java.nio.file.Files;
import java.nio.file.Path;

/** Picks the reader for a format. Thread-safe. */
public final class SourceReaders {
    private final GeoJsonSourceReader geojson = new GeoJsonSourceReader();
    private final OgrSourceReader ogr = new OgrSourceReader();
    private final CsvSourceReader csv = new CsvSourceReader();

    /** Reads {@code path} as {@code format}, or as its extension says when {@code format} is null. */
    public SourceData read(Path path, SourceFormat format, ReadOptions options) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("import file does not exist or is not a file: " + path);
        }
        SourceFormat f = format == null ? SourceFormat.fromPath(path) : format;
        switch (f) {
            case GEOJSON:
                return geojson.read(path, f);
            case CSV:
                return csv.read(path, options);
            default:
                return ogr.read(path, f, options);
        }
    }
}
