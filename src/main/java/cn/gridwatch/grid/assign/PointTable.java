package cn.gridwatch.grid.assign;

import cn.gridwatch.geo.CrsRegistry;

/**
 * Points read for bulk assignment: coordinates already converted to EPSG:4490 (x = longitude,
 * y = latitude), and per row either valid coordinates or the reason they are not. Rows keep input
 * order. Not thread-safe while being filled.
 */
final class PointTable {
    final double[] lon;
    final double[] lat;
    final String[] error;
    private int size;

    PointTable(int capacity) {
        lon = new double[capacity];
        lat = new double[capacity];
        error = new String[capacity];
    }

    int size() {
        return size;
    }

    /** Adds a row from raw text in {@code crs}; a bad value is recorded as that row's error. */
    void add(String xText, String yText, String crs, String where) {
        int i = size++;
        try {
            double x = parse(xText, "x/longitude", where);
            double y = parse(yText, "y/latitude", where);
            double[] p = CrsRegistry.toCgcs2000(crs, x, y);
            lon[i] = p[0];
            lat[i] = p[1];
        } catch (IllegalArgumentException e) {
            lon[i] = Double.NaN;
            lat[i] = Double.NaN;
            error[i] = e.getMessage();
        }
    }

    void addError(String message) {
        int i = size++;
        lon[i] = Double.NaN;
        lat[i] = Double.NaN;
        error[i] = message;
    }

    private static double parse(String text, String what, String where) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(where + ": " + what + " is empty");
        }
        try {
            double v = Double.parseDouble(text.trim());
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(where + ": " + what + " is not a finite number: '" + text + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + what + " is not a number: '" + text + "'", e);
        }
    }
}
