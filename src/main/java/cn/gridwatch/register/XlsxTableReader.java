package cn.gridwatch.register;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads the first sheet of an .xlsx workbook (fastexcel-reader, streaming): the first non-empty row
 * is the header, every later non-empty row a register row numbered as Excel numbers it. Cells
 * become text the way a person reads them: text as it is; whole numbers without {@code .0} (codes
 * typed as numbers stay codes); other numbers in plain decimal; numbers formatted as dates become
 * ISO dates ({@code 2024-05-01}) or date-times ({@code 2024-05-01T09:30}); formulas their cached
 * value. Stateless and thread-safe.
 */
final class XlsxTableReader {
    private static final ReadingOptions OPTIONS = new ReadingOptions(true, false);

    private XlsxTableReader() {
    }

    static RegisterTable read(Path file) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), OPTIONS);
             Stream<Row> stream = wb.getFirstSheet().openStream()) {
            List<String> header = null;
            List<SourceRow> rows = new ArrayList<>();
            for (Row row : (Iterable<Row>) stream::iterator) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(text(row.getCell(i)));
                }
                if (cells.stream().allMatch(v -> v == null)) {
                    continue;
                }
                if (header == null) {
                    header = RegisterFileReader.header(cells.stream().map(v -> v == null ? "" : v).toList());
                    continue;
                }
                if (cells.size() > header.size() && cells.subList(header.size(), cells.size()).stream()
                        .anyMatch(v -> v != null)) {
                    throw new IllegalArgumentException("row " + row.getRowNum() + " has values right of the last"
                            + " header column '" + header.get(header.size() - 1) + "'");
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    values.put(header.get(i), i < cells.size() ? cells.get(i) : null);
                }
                rows.add(new SourceRow(row.getRowNum(), values));
            }
            if (header == null) {
                throw new IllegalArgumentException("the first sheet is empty; expected a header row");
            }
            return new RegisterTable(RegisterFormat.XLSX, header, rows);
        } catch (ExcelReaderException | IllegalStateException e) {
            throw new IllegalArgumentException("it is not a readable .xlsx workbook: " + e.getMessage(), e);
        } catch (IOException e) {
            if (e.getClass() == IOException.class || e instanceof java.util.zip.ZipException) {
                throw new IllegalArgumentException("it is not a readable .xlsx workbook: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private static String text(Cell c) {
        if (c == null) {
            return null;
        }
        switch (c.getType()) {
            case EMPTY:
            case ERROR:
                return null;
            case BOOLEAN:
                return String.valueOf(c.asBoolean());
            case NUMBER:
                return number(c);
            case FORMULA:
                return RegisterFileReader.clean(c.getRawValue());
            default:
                return RegisterFileReader.clean(c.asString());
        }
    }

    private static String number(Cell c) {
        if (isDateFormat(c.getDataFormatString())) {
            LocalDateTime t = c.asDate();
            return t.toLocalTime().toSecondOfDay() == 0 ? t.toLocalDate().toString() : t.toString();
        }
        BigDecimal d = c.asNumber().stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** True for Excel number formats that show a date or time (y, m, d, h, s outside quotes and brackets). */
    static boolean isDateFormat(String format) {
        if (format == null || format.isEmpty() || format.equalsIgnoreCase("general")) {
            return false;
        }
        boolean quoted = false;
        boolean bracket = false;
        for (int i = 0; i < format.length(); i++) {
            char ch = format.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == '[' && !quoted) {
                bracket = true;
            } else if (ch == ']' && !quoted) {
                bracket = false;
            } else if (ch == '\\' || ch == '_' || ch == '*') {
                i++;
            } else if (!quoted && !bracket && "yYmMdDhHsS".indexOf(ch) >= 0) {
                return true;
            }
        }
        return false;
    }
}
