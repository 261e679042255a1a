package cn.gridwatch.grid.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Reads a CSV file with a header row and one WKT geometry column (RFC 4180 quoting; WKT holds
 * commas so it is quoted). UTF-8 with an optional byte-order mark, or the declared encoding (e.g.
 * GBK). Each feature's number is the line the record starts on. A leading {@code SRID=n;} (EWKT) on
 * the geometry declares the file's CRS. Blank lines are skipped. Thread-safe.
 */
public final class CsvSourceReader {
    private static final List<String> WKT_COLUMNS = List.of("wkt", "geometry", "geom");

    /**
     * Reads {@code path}. Input that is not such a CSV (empty, no geometry column, broken quoting)
     * fails with an {@link IllegalArgumentException} naming the file; bad rows become feature
     * rejections; only a failure to read the file itself is an {@link UncheckedIOException}.
     */
    public SourceData read(Path path, ReadOptions options) {
        Charset cs = options.encoding() == null ? StandardCharsets.UTF_8 : options.encoding();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(path), cs))) {
            r.mark(1);
            if (r.read() != '\uFEFF') {
                r.reset();
            }
            return read(new CsvRecords(r), options);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path.getFileName() + " is not a usable CSV: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading CSV " + path + ": " + e.getMessage(), e);
        }
    }

    private SourceData read(CsvRecords records, ReadOptions options) throws IOException {
        List<String> header = records.next();
        if (header == null) {
            throw new IllegalArgumentException("the file is empty; expected a header row");
        }
        int geomCol = geometryColumn(header, options.wktColumn());
        GeometryFactory factory = new GeometryFactory();
        WKTReader wkt = new WKTReader(factory);
        List<SourceFeature> features = new ArrayList<>();
        List<String> srids = new ArrayList<>();
        List<String> row;
        while ((row = records.next()) != null) {
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            int line = records.recordLine();
            Map<String, Object> props = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < row.size(); i++) {
                if (i != geomCol) {
                    props.put(header.get(i).trim(), row.get(i).isEmpty() ? null : row.get(i));
                }
            }
            String text = geomCol < row.size() ? row.get(geomCol).trim() : "";
            if (row.size() != header.size()) {
                features.add(new SourceFeature(line, props, null,
                        "line has " + row.size() + " fields but the header has " + header.size()));
                continue;
            }
            if (text.isEmpty()) {
                features.add(new SourceFeature(line, props, null, "geometry is missing"));
                continue;
            }
            if (text.toUpperCase(Locale.ROOT).startsWith("SRID=")) {
                int semi = text.indexOf(';');
                srids.add("EPSG:" + text.substring(5, semi < 0 ? 5 : semi).trim());
                text = semi < 0 ? "" : text.substring(semi + 1);
            }
            try {
                Geometry g = wkt.read(text);
                features.add(new SourceFeature(line, props, g, null));
            } catch (ParseException | IllegalArgumentException e) {
                features.add(new SourceFeature(line, props, null, "WKT cannot be parsed: " + e.getMessage()));
            }
        }
        List<String> notes = new ArrayList<>();
        String crs = null;
        if (!srids.isEmpty()) {
            crs = srids.get(0);
            if (srids.stream().distinct().count() > 1) {
                notes.add("CSV mixes SRIDs " + srids.stream().distinct().toList() + "; using " + crs);
            }
        }
        return new SourceData(SourceFormat.CSV, features, crs, notes);
    }

    private static int geometryColumn(List<String> header, String wanted) {
        List<String> names = header.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        if (wanted != null) {
            int i = names.indexOf(wanted.trim().toLowerCase(Locale.ROOT));
            if (i < 0) {
                throw new IllegalArgumentException("there is no geometry column '" + wanted + "'; columns are " + header);
            }
            return i;
        }
        for (String n : WKT_COLUMNS) {
            int i = names.indexOf(n);
            if (i >= 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("there is no WKT column (tried " + WKT_COLUMNS + "); columns are " + header);
    }
}
