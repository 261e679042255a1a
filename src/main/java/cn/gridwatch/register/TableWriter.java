package cn.gridwatch.register;

import cn.gridwatch.grid.io.CsvLines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes register exports with a header row of the import columns: CSV (UTF-8 with a byte-order mark
 * so Excel shows Chinese text, RFC 4180 quoting) or .xlsx (one sheet, every cell text, so codes keep
 * their leading zeros and dates stay ISO). Either reads back through {@link RegisterFileReader}
 * unchanged. Stateless and thread-safe.
 */
public final class TableWriter {
    private TableWriter() {
    }

    public static byte[] csv(List<String> header, List<List<String>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            CsvLines.write(w, header, "\r\n");
            for (List<String> row : rows) {
                CsvLines.write(w, row, "\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] xlsx(String sheetName, List<String> header, List<List<String>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(bytes, sheetName, header, rows);
        return bytes.toByteArray();
    }

    private static void write(OutputStream out, String sheetName, List<String> header, List<List<String>> rows) {
        try {
            Workbook wb = new Workbook(out, "gridwatch", "1.0");
            Worksheet ws = wb.newWorksheet(sheetName);
            for (int c = 0; c < header.size(); c++) {
                ws.value(0, c, header.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    if (row.get(c) != null) {
                        ws.value(r + 1, c, row.get(c));
                    }
                }
                if (r % 10_000 == 9_999) {
                    ws.flush();
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
