package cn.gridwatch.register;

import java.util.Locale;

/** The file formats registers are imported from and exported to. Immutable. */
public enum RegisterFormat {
    CSV("csv", "line"),
    GEOJSON("geojson", "feature"),
    XLSX("xlsx", "row");

    private final String id;
    private final String rowWord;

    RegisterFormat(String id, String rowWord) {
        this.id = id;
        this.rowWord = rowWord;
    }

    public String id() {
        return id;
    }

    /** What a row number means in this format: a CSV line, a GeoJSON feature, a sheet row. */
    public String rowWord() {
        return rowWord;
    }

    /** Parses {@code csv}, {@code geojson} (or {@code json}) and {@code xlsx}. */
    public static RegisterFormat parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "csv":
                return CSV;
            case "geojson": case "json":
                return GEOJSON;
            case "xlsx": case "excel":
                return XLSX;
            default:
                throw new IllegalArgumentException("unknown register format '" + text + "'; use csv, geojson or xlsx");
        }
    }

    /** The format implied by a file name's extension. */
    public static RegisterFormat fromFileName(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("cannot tell the format of '" + name
                    + "' without an extension (.csv, .geojson, .xlsx); declare it with format=");
        }
        return parse(name.substring(dot + 1));
    }
}
