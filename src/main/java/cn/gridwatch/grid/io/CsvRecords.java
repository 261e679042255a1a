package cn.gridwatch.grid.io;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal RFC 4180 record reader: comma-separated fields, fields in double quotes may hold commas,
 * line breaks and doubled quotes ({@code ""}). Accepts CRLF and LF. Tracks the 1-based line number
 * on which each record starts, which is what import reports cite. Not thread-safe.
 */
public final class CsvRecords {
    private final Reader in;
    private int line = 1;
    private int recordLine;
    private int pending = -2;

    public CsvRecords(Reader in) {
        this.in = in;
    }

    /** The line the last returned record started on. */
    public int recordLine() {
        return recordLine;
    }

    /** The next record's fields, or {@code null} at the end of input. */
    public List<String> next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new IllegalArgumentException("the record starting on line " + recordLine
                            + " has an unterminated quoted field");
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        f.append('"');
                    } else {
                        quoted = false;
                        c = d;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    f.append((char) c);
                }
            } else if (c == '"' && f.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        pending = d;
                    }
                }
                if (c != -1) {
                    line++;
                }
                fields.add(f.toString());
                return fields;
            } else {
                f.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (pending != -2) {
            int p = pending;
            pending = -2;
            return p;
        }
        return in.read();
    }
}
