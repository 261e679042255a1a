package cn.gridwatch.register;

import cn.gridwatch.grid.AdminCode;
import cn.gridwatch.grid.GridLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads the rows of a register file into {@link RegisterRecord}s, checking every value: required
 * columns present, ids among the allowed ones, dates, numbers and codes well formed, coordinates
 * inside the declared CRS and China, then the register's own {@link RowRule}s. Each problem becomes a
 * {@link Rejection} naming the row, column and value; a row with any problem is left out. The file's
 * header is checked first ({@link #checkHeader}). Stateless apart from its spec and CRS; thread-safe.
 */
public final class RowParser {
    private final RegisterSpec spec;
    private final Coordinates coordinates;

    public RowParser(RegisterSpec spec, Coordinates coordinates) {
        this.spec = spec;
        this.coordinates = coordinates;
    }

    /**
     * Refuses a header that lacks a required column; returns warnings for columns the register does
     * not have (they are ignored).
     */
    public List<String> checkHeader(List<String> header) {
        List<String> missing = spec.requiredColumns().stream().filter(c -> !header.contains(c)).toList();
        if (spec.geometry == GeometryKind.POINT_OR_TRACK && !header.contains("wkt")
                && !(header.contains("lon") && header.contains("lat"))) {
            missing = new ArrayList<>(missing);
            missing.add("lon and lat (or wkt)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the file has no column " + String.join(", ", missing) + "; the "
                    + spec.name() + " columns are " + String.join(",", spec.columns));
        }
        List<String> warnings = new ArrayList<>();
        for (String h : header) {
            if (!spec.columns.contains(h)) {
                warnings.add("column '" + h + "' is not a " + spec.name() + " column and was ignored");
            }
        }
        return warnings;
    }

    /** The record of {@code row}, or null when it was rejected (the reasons are in {@code out}). */
    public RegisterRecord parse(SourceRow row, Rejections out) {
        int before = out.size();
        RegisterRecord r = new RegisterRecord(row.number());
        for (Field f : spec.fields) {
            field(row, f, r, out);
        }
        for (Reference ref : spec.references) {
            reference(row, ref, r, out);
        }
        geometry(row, r, out);
        if (out.size() == before) {
            for (RowRule rule : spec.rules) {
                rule.check(r, out);
            }
        }
        return out.size() == before ? r : null;
    }

    private static void field(SourceRow row, Field f, RegisterRecord r, Rejections out) {
        String text = row.get(f.name());
        if (text == null) {
            text = f.defaultValue();
        }
        if (text == null) {
            if (f.required()) {
                out.add(row.number(), f.name(), null, f.name() + " is required");
            }
            r.values.put(f.name(), null);
            return;
        }
        if (!f.allowed().isEmpty() && !f.allowed().contains(text)) {
            out.add(row.number(), f.name(), text, "unknown " + f.name() + " '" + text + "'; use one of "
                    + String.join(", ", f.allowed()));
            return;
        }
        try {
            r.values.put(f.name(), Values.parse(f.type(), text));
        } catch (IllegalArgumentException e) {
            out.add(row.number(), f.name(), text, f.name() + " '" + text + "' " + e.getMessage());
        }
    }

    private static void reference(SourceRow row, Reference ref, RegisterRecord r, Rejections out) {
        String text = row.get(ref.name());
        if (text == null) {
            if (ref.required()) {
                out.add(row.number(), ref.name(), null, ref.name() + " is required");
            }
            r.values.put(ref.name(), ref.kind() == Reference.Kind.SOURCES ? List.of() : null);
            return;
        }
        try {
            switch (ref.kind()) {
                case SOURCES -> {
                    TreeSet<String> codes = new TreeSet<>();
                    for (String part : text.split(";")) {
                        if (!part.isBlank()) {
                            codes.add(Values.code(part.strip()));
                        }
                    }
                    r.values.put(ref.name(), List.copyOf(codes));
                }
                case GRID_CELL -> r.values.put(ref.name(), AdminCode.normalize(text));
                case COUNTY_CELL -> {
                    String code = AdminCode.normalize(text);
                    if (AdminCode.levelOf(code) != GridLevel.COUNTY) {
                        throw new IllegalArgumentException("is not a county code (6 digits, like 430102)");
                    }
                    r.values.put(ref.name(), code);
                }
                default -> r.values.put(ref.name(), Values.code(text));
            }
        } catch (IllegalArgumentException e) {
            out.add(row.number(), ref.name(), text, ref.name() + " '" + text + "' " + e.getMessage());
        }
    }

    private void geometry(SourceRow row, RegisterRecord r, Rejections out) {
        if (spec.zone) {
            String z = row.get("zone_wkt");
            if (z != null) {
                try {
                    r.zone = coordinates.zone(z);
                } catch (IllegalArgumentException e) {
                    out.add(row.number(), "zone_wkt", abbreviate(z), "zone_wkt " + e.getMessage());
                }
            }
        }
        if (!spec.located()) {
            return;
        }
        String wkt = spec.geometry == GeometryKind.POINT_OR_TRACK ? row.get("wkt") : null;
        String lon = row.get("lon");
        String lat = row.get("lat");
        if (wkt != null) {
            if (lon != null || lat != null) {
                out.add(row.number(), "wkt", abbreviate(wkt), "give either lon/lat or wkt, not both");
                return;
            }
            try {
                r.geom = coordinates.track(wkt);
            } catch (IllegalArgumentException e) {
                out.add(row.number(), "wkt", abbreviate(wkt), "wkt " + e.getMessage());
            }
            return;
        }
        String hint = spec.geometry == GeometryKind.POINT_OR_TRACK ? " (or wkt for a track)" : "";
        Double x = number(row, "lon", lon, hint, out);
        Double y = number(row, "lat", lat, hint, out);
        if (x == null || y == null) {
            return;
        }
        try {
            r.geom = coordinates.point(x, y);
        } catch (IllegalArgumentException e) {
            out.add(row.number(), "lon", lon + ", " + lat, "bad coordinate: " + e.getMessage());
        }
    }

    private static Double number(SourceRow row, String column, String text, String hint, Rejections out) {
        if (text == null) {
            out.add(row.number(), column, null, column + " is required" + hint);
            return null;
        }
        try {
            double d = Double.parseDouble(text);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        out.add(row.number(), column, text, "bad coordinate: " + column + " '" + text + "' is not a number");
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
