package cn.gridwatch.feeds;

import cn.gridwatch.Json;
import cn.gridwatch.grid.io.CsvRecords;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a feed body into rows: CSV (UTF-8, a header row, optional BOM) or JSON (an array of objects,
 * or an object whose only array field holds them). Column names are matched case-insensitively.
 * A body that cannot be read at all, or lacks a required column, is an
 * {@link IllegalArgumentException} (HTTP 400) naming what is missing; bad values are left to the
 * caller to report per row. Stateless and thread-safe.
 */
public final class FeedTable {
    private FeedTable() {
    }

    /** The format from an explicit {@code format} parameter or the content type: {@code csv} or {@code json}. */
    public static String format(String formatParam, String contentType) {
        if (formatParam != null) {
            String f = formatParam.trim().toLowerCase(Locale.ROOT);
            if (!f.equals("csv") && !f.equals("json")) {
                throw new IllegalArgumentException("query parameter 'format' must be csv or json, but was: '"
                        + formatParam + "'");
            }
            return f;
        }
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json") ? "json" : "csv";
    }

    public static List<FeedRow> read(byte[] body, String format, List<String> required) {
        if (body.length == 0) {
            throw new IllegalArgumentException("the request body is empty; send " + format.toUpperCase(Locale.ROOT)
                    + " with the columns " + required);
        }
        return format.equals("json") ? json(body, required) : csv(body, required);
    }

    private static List<FeedRow> csv(byte[] body, List<String> required) {
        try (Reader r = new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            CsvRecords records = new CsvRecords(r);
            List<String> header = records.next();
            List<String> names = new ArrayList<>();
            for (String h : header) {
                names.add(h.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT));
            }
            for (String col : required) {
                if (!names.contains(col)) {
                    throw new IllegalArgumentException("the CSV header has no column '" + col + "'; it must have "
                            + required + ", but has " + names);
                }
            }
            List<FeedRow> rows = new ArrayList<>();
            for (List<String> rec = records.next(); rec != null; rec = records.next()) {
                if (rec.size() == 1 && rec.get(0).isBlank()) {
                    continue; // blank line
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < names.size() && i < rec.size(); i++) {
                    values.put(names.get(i), rec.get(i));
                }
                if (rec.size() > names.size()) {
                    values.put("#extra", String.valueOf(rec.size() - names.size()));
                }
                rows.add(new FeedRow(records.recordLine(), values));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the CSV body", e);
        }
    }

    private static List<FeedRow> json(byte[] body, List<String> required) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not valid JSON: " + e.getMessage(), e);
        }
        JsonNode array = root != null && root.isObject() && root.size() == 1 ? root.elements().next() : root;
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("the JSON body must be an array of objects with " + required
                    + " (or an object holding one such array)");
        }
        List<FeedRow> rows = new ArrayList<>();
        int n = 0;
        for (JsonNode item : array) {
            n++;
            Map<String, String> values = new HashMap<>();
            if (!item.isObject()) {
                values.put("#notobject", item.toString());
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    JsonNode v = f.getValue();
                    values.put(f.getKey().toLowerCase(Locale.ROOT), v.isNull() ? null : v.isValueNode() ? v.asText()
                            : v.toString());
                }
            }
            rows.add(new FeedRow(n, values));
        }
        return rows;
    }
}
