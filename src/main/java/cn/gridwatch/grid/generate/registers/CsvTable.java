package cn.gridwatch.grid.generate.registers;

import cn.gridwatch.grid.io.CsvLines;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One generated CSV file: a header and rows, written as RFC 4180 UTF-8 with {@code \n} line ends
 * (fields with a comma, quote or line break are quoted, quotes doubled). Not thread-safe.
 */
public final class CsvTable {
    private final String fileName;
    private final List<String> header;
    private final List<String[]> rows = new ArrayList<>();

    public CsvTable(String fileName, String... header) {
        this.fileName = fileName;
        this.header = List.of(header);
    }

    /** Adds a row; null fields are written empty. @throws IllegalArgumentException on a wrong field count */
    public void add(Object... fields) {
        if (fields.length != header.size()) {
            throw new IllegalArgumentException(fileName + ": a row needs " + header.size() + " fields, but got "
                    + fields.length);
        }
        String[] row = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            row[i] = fields[i] == null ? "" : fields[i].toString();
        }
        rows.add(row);
    }

    public String fileName() {
        return fileName;
    }

    public List<String> header() {
        return header;
    }

    public List<String[]> rows() {
        return rows;
    }

    public void write(Path dir) throws IOException {
        try (Writer w = Files.newBufferedWriter(dir.resolve(fileName), StandardCharsets.UTF_8)) {
            CsvLines.write(w, header, "\n");
            for (String[] r : rows) {
                CsvLines.write(w, Arrays.asList(r), "\n");
            }
        }
    }
}
