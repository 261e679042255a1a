package cn.gridwatch.grid.io;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes one RFC 4180 record, the counterpart of {@link CsvRecords}: fields separated by commas, a
 * field with a comma, double quote or line break in double quotes with its quotes doubled, a null
 * field empty. Stateless and thread-safe (the writer is the caller's).
 */
public final class CsvLines {
    private CsvLines() {
    }

    /** Writes {@code fields} and then {@code lineEnd} ({@code "\r\n"} or {@code "\n"}). */
    public static void write(Writer w, List<String> fields, String lineEnd) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            String f = fields.get(i) == null ? "" : fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                w.write('"');
                w.write(f.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(f);
            }
        }
        w.write(lineEnd);
    }
}
