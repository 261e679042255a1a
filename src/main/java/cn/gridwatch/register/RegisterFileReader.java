package cn.gridwatch.register;

import cn.gridwatch.grid.io.CsvRecords;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a register file into a {@link RegisterTable}: CSV (UTF-8 with an optional byte-order mark,
 * RFC 4180 quoting, a header row; a row's number is the line it starts on), GeoJSON
 * ({@link GeoJsonTableReader}) or .xlsx ({@link XlsxTableReader}). Column names are trimmed and
 * lower-cased; values are trimmed, and empty values become null. A file that cannot be such a table
 * (empty, no header, duplicate column names, broken quoting) fails with an
 * {@link IllegalArgumentException} naming the file. Stateless and thread-safe.
 */
public final class RegisterFileReader {
    private RegisterFileReader() {
    }

    public static RegisterTable read(Path file, RegisterFormat format) {
        String name = file.getFileName().toString();
        try {
            return switch (format) {
                case CSV -> readCsv(file);
                case GEOJSON -> GeoJsonTableReader.read(file);
                case XLSX -> XlsxTableReader.read(file);
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not a usable " + format.id() + " register file: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + name + ": " + e.getMessage(), e);
        }
    }

    private static RegisterTable readCsv(Path file) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
            r.mark(1);
            if (r.read() != '\uFEFF') {
                r.reset();
            }
            CsvRecords records = new CsvRecords(r);
            List<String> header = header(records.next());
            List<SourceRow> rows = new ArrayList<>();
            List<String> fields;
            while ((fields = records.next()) != null) {
                if (fields.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (fields.size() > header.size()) {
                    throw new IllegalArgumentException("line " + records.recordLine() + " has " + fields.size()
                            + " fields but the header has " + header.size() + " (quote values that hold commas)");
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    values.put(header.get(i), i < fields.size() ? clean(fields.get(i)) : null);
                }
                rows.add(new SourceRow(records.recordLine(), values));
            }
            return new RegisterTable(RegisterFormat.CSV, header, rows);
        }
    }

    /** Column names trimmed and lower-cased; refused when missing, blank or repeated. */
    static List<String> header(List<String> raw) {
        if (raw == null || raw.stream().allMatch(String::isBlank)) {
            throw new IllegalArgumentException("the file is empty; expected a header row with the column names");
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String n = raw.get(i) == null ? "" : raw.get(i).trim().toLowerCase(Locale.ROOT);
            if (n.isEmpty()) {
                throw new IllegalArgumentException("column " + (i + 1) + " of the header has no name");
            }
            if (!seen.add(n)) {
                throw new IllegalArgumentException("the header names column '" + n + "' twice");
            }
            out.add(n);
        }
        return out;
    }

    /** Trimmed text, null when empty. */
    static String clean(String v) {
        if (v == null) {
            return null;
        }
        String t = v.strip();
        return t.isEmpty() ? null : t;
    }
}
