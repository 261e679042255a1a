package cn.gridwatch.http;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;

/**
 * Parses query parameters at the HTTP edge. Every failure is an {@link IllegalArgumentException}
 * whose message names the parameter and the bad value; the error mapping turns it into a 400.
 */
public final class Params {
    /** Dates outside these years are refused (PostgreSQL's date type and common sense). */
    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;

    private Params() {
    }

    public static String text(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    public static String required(Context ctx, String name) {
        String v = text(ctx, name);
        if (v == null) {
            throw new IllegalArgumentException("query parameter '" + name + "' is required");
        }
        return v;
    }

    public static double requiredDouble(Context ctx, String name) {
        return parseDouble(name, required(ctx, name));
    }

    public static int intValue(Context ctx, String name, int dflt, int min, int max) {
        String v = text(ctx, name);
        return v == null ? dflt : parseInt(name, v, min, max);
    }

    /** An ISO date (yyyy-MM-dd), or null when absent. */
    public static LocalDate date(Context ctx, String name) {
        String v = text(ctx, name);
        return v == null ? null : parseDate(name, v);
    }

    public static boolean flag(Context ctx, String name) {
        String v = text(ctx, name);
        return v != null && parseFlag(name, v);
    }

    /** {@code minLon,minLat,maxLon,maxLat} in EPSG:4490, or null when absent. */
    public static Envelope bbox(Context ctx, String name) {
        String v = text(ctx, name);
        return v == null ? null : parseBbox(name, v);
    }

    /** The path parameter {@code id}: a positive whole number (a row's id), or a 400 naming the value. */
    public static long pathId(Context ctx) {
        String v = ctx.pathParam("id");
        try {
            long id = Long.parseLong(v);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // the message below names the value
        }
        throw new IllegalArgumentException("path parameter 'id' must be a positive whole number, but was: '" + v + "'");
    }

    // The parsers below are pure: parameter name and trimmed text in, value or IllegalArgumentException out.

    /** A finite decimal number. */
    public static double parseDouble(String name, String v) {
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("query parameter '" + name + "' must be a number, but was: '" + v + "'", e);
        }
    }

    /** A whole number in {@code min..max}. */
    public static int parseInt(String name, String v, int min, int max) {
        int i;
        try {
            i = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("query parameter '" + name + "' must be a whole number, but was: '" + v + "'", e);
        }
        if (i < min || i > max) {
            throw new IllegalArgumentException("query parameter '" + name + "' must be in " + min + ".." + max
                    + ", but was: " + v);
        }
        return i;
    }

    /**
     * An ISO date (yyyy-MM-dd) in years {@value #MIN_YEAR}..{@value #MAX_YEAR}. The bound matters:
     * {@code LocalDate} accepts {@code +999999999-12-31}, which PostgreSQL's date type cannot hold.
     */
    public static LocalDate parseDate(String name, String v) {
        LocalDate d;
        try {
            d = LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("query parameter '" + name + "' must be a date like 2025-01-31, but was: '"
                    + v + "'", e);
        }
        if (d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR) {
            throw new IllegalArgumentException("query parameter '" + name + "' must be a date in the years " + MIN_YEAR
                    + ".." + MAX_YEAR + ", but was: '" + v + "'");
        }
        return d;
    }

    /** true/1/yes or false/0/no, any case. */
    public static boolean parseFlag(String name, String v) {
        switch (v.toLowerCase(Locale.ROOT)) {
            case "true": case "1": case "yes":
                return true;
            case "false": case "0": case "no":
                return false;
            default:
                throw new IllegalArgumentException("query parameter '" + name + "' must be true or false, but was: '" + v + "'");
        }
    }

    /** {@code minLon,minLat,maxLon,maxLat} in EPSG:4490. */
    public static Envelope parseBbox(String name, String v) {
        String[] p = v.split(",");
        if (p.length != 4) {
            throw new IllegalArgumentException("query parameter '" + name
                    + "' must be minLon,minLat,maxLon,maxLat, but was: '" + v + "'");
        }
        double[] d = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                d[i] = Double.parseDouble(p[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("query parameter '" + name + "' has a non-number: '" + p[i] + "'", e);
            }
            if (!Double.isFinite(d[i])) {
                throw new IllegalArgumentException("query parameter '" + name + "' has a non-finite number: '" + p[i] + "'");
            }
        }
        if (d[0] > d[2] || d[1] > d[3]) {
            throw new IllegalArgumentException("query parameter '" + name + "' must have min <= max, but was: '" + v + "'");
        }
        if (d[0] < -180 || d[2] > 180 || d[1] < -90 || d[3] > 90) {
            throw new IllegalArgumentException("query parameter '" + name
                    + "' must be longitude/latitude in EPSG:4490, but was: '" + v + "'");
        }
        return new Envelope(d[0], d[2], d[1], d[3]);
    }
}
