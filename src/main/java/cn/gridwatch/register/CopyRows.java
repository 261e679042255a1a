package cn.gridwatch.register;

import cn.gridwatch.db.GeometryCodec;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;

/**
 * Bulk inserts through PostgreSQL's {@code COPY ... FROM STDIN} (text format), several times faster
 * than batched INSERTs for the hundreds of thousands of rows a register file may hold; constraints,
 * foreign keys and indexes apply as for INSERT. Values are written in their PostgreSQL text forms,
 * geometry as hex EWKB with SRID 4490. Table and column names come from code. Not thread-safe: one
 * per COPY.
 */
final class CopyRows {
    private static final int CHUNK_CHARS = 8 << 20;
    private final Connection c;
    private final String sql;
    private final StringBuilder buf = new StringBuilder();
    private final WKBWriter wkb = new WKBWriter(2, true);
    private boolean first = true;

    /** Starts a COPY into {@code table (columns)}. */
    CopyRows(Connection c, String table, List<String> columns) {
        this.c = c;
        this.sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
    }

    /** Adds a value to the current row: null, String, Long, LocalDate, Instant, BigDecimal or Geometry. */
    CopyRows value(Object v) {
        if (!first) {
            buf.append('\t');
        }
        first = false;
        if (v == null) {
            buf.append("\\N");
        } else if (v instanceof Geometry g) {
            Geometry withSrid = g.copy();
            withSrid.setSRID(GeometryCodec.CGCS2000);
            buf.append(WKBWriter.toHex(wkb.write(withSrid)));
        } else if (v instanceof Instant i) {
            buf.append(i.atOffset(ZoneOffset.UTC));
        } else if (v instanceof BigDecimal d) {
            buf.append(d.toPlainString());
        } else {
            escape(v.toString());
        }
        return this;
    }

    /** Ends the current row; sends what is buffered when it is large. */
    void endRow() throws SQLException {
        buf.append('\n');
        first = true;
        if (buf.length() > CHUNK_CHARS) {
            flush();
        }
    }

    /** Sends the rest. */
    void finish() throws SQLException {
        flush();
    }

    private void flush() throws SQLException {
        if (buf.length() == 0) {
            return;
        }
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(buf.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
        buf.setLength(0);
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> buf.append("\\\\");
                case '\n' -> buf.append("\\n");
                case '\r' -> buf.append("\\r");
                case '\t' -> buf.append("\\t");
                default -> buf.append(ch);
            }
        }
    }
}
