package cn.gridwatch.inspection;

import cn.gridwatch.grid.AdminCode;
import cn.gridwatch.http.JsonFields;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to draw: a rate per inspection class ({@code special}, {@code key}, {@code general}; 0..1),
 * optionally only sources in one grid cell's subtree, how many inspectors of which kinds (and from
 * which counties not), the seed (drawn at random and stored when absent) and when the public
 * export may show the lists. Checked on construction; immutable.
 *
 * @param grid            12-digit code of the subtree root, or null for the whole register
 * @param excludeCounties 12-digit county codes whose inspectors are not drawn
 */
public record DrawRequest(String name, Map<String, BigDecimal> rates, String grid, int inspectorCount,
                          Set<String> inspectorKinds, Set<String> excludeCounties, Long seed, Instant sealedUntil) {
    public static final List<String> CLASSES = List.of("special", "key", "general");
    public static final Set<String> KINDS = Set.of("enforcement", "monitoring", "guide");
    public static final int MAX_INSPECTORS = 1000;
    static final Set<String> FIELDS = Set.of("name", "rates", "grid", "inspectorCount", "inspectorKinds",
            "excludeCounties", "seed", "sealedUntil");

    public DrawRequest {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("'name' must be 1..200 characters, but was: " + name);
        }
        checkRates(rates);
        rates = orderedRates(rates);
        if (inspectorCount < 0 || inspectorCount > MAX_INSPECTORS) {
            throw new IllegalArgumentException("'inspectorCount' must be in 0.." + MAX_INSPECTORS + ", but was: "
                    + inspectorCount);
        }
        for (String k : inspectorKinds) {
            if (!KINDS.contains(k)) {
                throw new IllegalArgumentException("'inspectorKinds' must be among " + KINDS + ", but has: '" + k + "'");
            }
        }
        inspectorKinds = Set.copyOf(inspectorKinds.isEmpty() ? Set.of("enforcement") : inspectorKinds);
        excludeCounties = Set.copyOf(excludeCounties);
    }

    /** Reads the JSON body of {@code POST /api/draws}. */
    public static DrawRequest parse(JsonFields j) {
        j.allow(FIELDS);
        Map<String, BigDecimal> rates = j.decimals("rates");
        String grid = j.text("grid");
        Set<String> exclude = new LinkedHashSet<>();
        for (String c : j.texts("excludeCounties")) {
            exclude.add(county("excludeCounties", c));
        }
        return new DrawRequest(j.requiredText("name"), rates, grid == null ? null : gridCode(grid),
                j.integer("inspectorCount", 0, MAX_INSPECTORS, 0), new LinkedHashSet<>(j.texts("inspectorKinds")),
                exclude, j.longValue("seed"), instant("sealedUntil", j.text("sealedUntil")));
    }

    /** A grid code of any level, 12-digit. @throws IllegalArgumentException naming 'grid' */
    public static String gridCode(String code) {
        try {
            return AdminCode.normalize(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'grid': " + e.getMessage(), e);
        }
    }

    /** A county code, 12-digit. @throws IllegalArgumentException naming the field */
    public static String county(String field, String code) {
        String c;
        try {
            c = AdminCode.normalize(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + field + "': " + e.getMessage(), e);
        }
        if (AdminCode.levelOf(c) != cn.gridwatch.grid.GridLevel.COUNTY) {
            throw new IllegalArgumentException("'" + field + "' must hold county codes, but '" + code + "' is a "
                    + AdminCode.levelOf(c).id());
        }
        return c;
    }

    /** An ISO-8601 instant with offset (2025-05-12T08:00:00+08:00), or null. */
    public static Instant instant(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + field + "' must be a date-time with offset like "
                    + "2025-05-12T08:00:00+08:00, but was: '" + text + "'", e);
        }
    }

    private static void checkRates(Map<String, BigDecimal> rates) {
        if (rates == null || rates.isEmpty()) {
            throw new IllegalArgumentException("'rates' is required: a rate per class, e.g. "
                    + "{\"special\": 1, \"key\": 0.25, \"general\": 0.05}");
        }
        for (Map.Entry<String, BigDecimal> e : rates.entrySet()) {
            if (!CLASSES.contains(e.getKey())) {
                throw new IllegalArgumentException("'rates' has an unknown class '" + e.getKey() + "'; the classes are "
                        + CLASSES);
            }
            BigDecimal r = e.getValue();
            if (r == null || r.signum() < 0 || r.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("'rates." + e.getKey() + "' must be a number in 0..1 (0.25 = 25%), "
                        + "but was: " + r);
            }
        }
    }

    private static Map<String, BigDecimal> orderedRates(Map<String, BigDecimal> rates) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (String c : CLASSES) {
            if (rates.containsKey(c)) {
                m.put(c, rates.get(c));
            }
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
