package cn.gridwatch.http;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.locationtech.jts.geom.Envelope;

/**
 * Parses query parameters at the HTTP edge. Every failure is an {@link IllegalArgumentException}
 * whose message names the parameter and the bad value; the error mapping turns it into a 400.
 */
public final class Params {
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
        String v = required(ctx, name);
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

    public static int intValue(Context ctx, String name, int dflt, int min, int max) {
        String v = text(ctx, name);
        if (v == null) {
            return dflt;
        }
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > max) {
                throw new IllegalArgumentException("query parameter '" + name + "' must be in " + min + ".." + max
                        + ", but was: " + v);
            }
            return i;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("query parameter '" + name + "' must be a whole number, but was: '" + v + "'", e);
        }
    }

    /** An ISO date (yyyy-MM-dd), or null when absent. */
    public static LocalDate date(Context ctx, String name) {
        String v = text(ctx, name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("query parameter '" + name + "' must be a date like 2025-01-31, but was: '"
                    + v + "'", e);
        }
    }

    public static boolean flag(Context ctx, String name) {
        String v = text(ctx, name);
        if (v == null) {
            return false;
        }
        switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true": case "1": case "yes":
                return true;
            case "false": case "0": case "no":
                return false;
            default:
                throw new IllegalArgumentException("query parameter '" + name + "' must be true or false, but was: '" + v + "'");
        }
    }

    /** {@code minLon,minLat,maxLon,maxLat} in EPSG:4490, or null when absent. */
    public static Envelope bbox(Context ctx, String name) {
        String v = text(ctx, name);
        if (v == null) {
            return null;
        }
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
