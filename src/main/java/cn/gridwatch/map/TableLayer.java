package cn.gridwatch.map;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a register layer's features come from: one table, a filter and the expressions that give
 * each feature its code, name, style class and attributes. Every string here is SQL written in code
 * (an allow-list by construction): nothing from a request reaches it; requests only bind values.
 * The geometry is in EPSG:4490. A scoped layer's table carries the four grid codes of a located row
 * ({@code city_code .. village_code}), which the viewer's jurisdiction filters on; an unscoped layer
 * (reference data such as roads) shows every row to everyone. Immutable.
 *
 * @param table       the table, e.g. {@code pollution_source}, or a parenthesised subquery with an
 *                    alias (a join, e.g. plan targets with their sources)
 * @param geometry    the geometry column (or expression), EPSG:4490
 * @param kind        what the geometry is (decides how feature info hits it and the GeoJSON type)
 * @param code        the feature id expression (unique among the rows {@code where} keeps)
 * @param name        the label expression
 * @param styleClass  the expression whose value picks the symbol (null: one symbol)
 * @param where       the rows that belong to the layer, e.g. {@code valid_to is null}
 * @param attributes  output name to expression, for feature info, vector tiles and the features API
 * @param time        the timestamptz column time filters apply to (null: not time-filtered)
 * @param defaultDays the window when a request gives no time: the last this many days
 * @param scoped      true when rows are filtered by the viewer's jurisdiction (the four cell codes)
 * @param params      vendor parameters (WMS {@code PLAN=}, {@code LEVEL=}, the same names in tile and
 *                    features URLs) by lower-case name: each binds {@code expression = value}
 * @param restrictedTo null, or a condition with two placeholders (the viewer's user name, then user id)
 *                    that a viewer without {@code TableFilter.Viewer#privileged()} must meet (plans:
 *                    their author and team members); viewers the app does not know see nothing
 */
public record TableLayer(String table, String geometry, GeometryKind kind, String code, String name, String styleClass,
        String where, Map<String, String> attributes, String time, int defaultDays, boolean scoped,
        Map<String, Param> params, String restrictedTo, java.util.Set<String> sources, boolean movesWithClock) {
    /**
     * A vendor parameter: {@code expression = parse(value)}, bound; {@code defaultValue} (already
     * parsed, null: no filter) applies when a request does not give it.
     */
    public record Param(String name, String expression, java.util.function.Function<String, Object> parse,
            Object defaultValue, String description) {
        /** A whole-number id, e.g. a plan id. */
        public static Param id(String name, String expression, String description) {
            return new Param(name, expression, v -> parseId(name, v), null, description);
        }

        /** The value of a request's text, with the parameter named in errors. */
        public Object value(String text) {
            return parse.apply(text.trim());
        }

        private static Object parseId(String name, String v) {
            try {
                long id = Long.parseLong(v);
                if (id > 0) {
                    return id;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw new IllegalArgumentException("parameter " + name.toUpperCase(java.util.Locale.ROOT)
                    + " must be a positive whole number (an id), but was: '" + v + "'");
        }
    }

    /** The geometry types a register layer can have. */
    public enum GeometryKind {
        POINT("Point"), LINE("MultiLineString"), POLYGON("MultiPolygon");

        private final String geoJson;

        GeometryKind(String geoJson) {
            this.geoJson = geoJson;
        }

        /** The GeoJSON geometry type name. */
        public String geoJson() {
            return geoJson;
        }
    }

    /** The sources of {@code map_data_version} (V10), one per group of tables its triggers watch. */
    public static final java.util.Set<String> DATA_SOURCES = java.util.Set.of("roads", "plans", "problems", "patrols",
            "sources", "complaints", "monitoring");

    /** The four grid-code columns every register table has, coarsest first. */
    public static final String[] CELL_COLUMNS = {"city_code", "county_code", "township_code", "village_code"};

    public TableLayer {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(kind, "kind");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        sources = java.util.Set.copyOf(sources);
        if (!DATA_SOURCES.containsAll(sources)) {
            throw new IllegalArgumentException("unknown data source in " + sources + "; the sources are " + DATA_SOURCES);
        }
        if (restrictedTo != null && restrictedTo.chars().filter(ch -> ch == '?').count() != 2) {
            throw new IllegalArgumentException("restrictedTo needs two placeholders (user name, user id): "
                    + restrictedTo);
        }
    }

    /** True when a request without a time gets every row (no default window). */
    public boolean allTimesByDefault() {
        return defaultDays <= 0;
    }

    public boolean timed() {
        return time != null;
    }

    /** Starts a declaration for {@code table}: point geometry {@code geom}, code {@code code}, name {@code name}. */
    public static Builder from(String table) {
        return new Builder(table);
    }

    /** Fluent declaration of a {@link TableLayer}. Not thread-safe. */
    public static final class Builder {
        private final String table;
        private String geometry = "geom";
        private GeometryKind kind = GeometryKind.POINT;
        private String code = "code";
        private String name = "name";
        private String styleClass;
        private String where = "true";
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private String time;
        private int defaultDays;
        private boolean scoped = true;
        private final Map<String, Param> params = new LinkedHashMap<>();
        private String restrictedTo;
        private final java.util.Set<String> sources = new java.util.TreeSet<>();
        private boolean movesWithClock;

        private Builder(String table) {
            this.table = table;
        }

        /** An area layer drawn from {@code column} (a MultiPolygon). */
        public Builder polygons(String column) {
            this.geometry = column;
            this.kind = GeometryKind.POLYGON;
            return this;
        }

        /** A line layer drawn from {@code column} (e.g. a road network). */
        public Builder lines(String column) {
            this.geometry = column;
            this.kind = GeometryKind.LINE;
            return this;
        }

        /** Reference data every viewer sees whole (no cell codes on the rows, no jurisdiction filter). */
        public Builder unscoped() {
            this.scoped = false;
            return this;
        }

        /** The feature id expression (default {@code code}). */
        public Builder code(String expression) {
            this.code = expression;
            return this;
        }

        public Builder name(String expression) {
            this.name = expression;
            return this;
        }

        public Builder where(String condition) {
            this.where = condition;
            return this;
        }

        public Builder classBy(String expression) {
            this.styleClass = expression;
            return this;
        }

        /** Attributes that are plain columns, named as the column. */
        public Builder columns(String... columns) {
            for (String c : columns) {
                attributes.put(c, c);
            }
            return this;
        }

        /** An attribute computed by {@code expression}. */
        public Builder attribute(String outputName, String expression) {
            attributes.put(outputName, expression);
            return this;
        }

        /** A vendor parameter filtering the rows (see {@link Param}). */
        public Builder param(Param p) {
            params.put(p.name(), p);
            return this;
        }

        /** The data sources (V10 {@code map_data_version}) whose changes change the layer. */
        public Builder dependsOn(String... names) {
            sources.addAll(List.of(names));
            return this;
        }

        /** What the layer shows changes with the clock alone (see {@link TableLayer#movesWithClock()}). */
        public Builder movesWithClock() {
            this.movesWithClock = true;
            return this;
        }

        /** Rows only some viewers see (see {@link TableLayer#restrictedTo()}). */
        public Builder restrictedTo(String condition) {
            this.restrictedTo = condition;
            return this;
        }

        /** Filtered by time on {@code column}; without a requested time, the last {@code days} days (0: all). */
        public Builder time(String column, int days) {
            this.time = column;
            this.defaultDays = days;
            return this;
        }

        public TableLayer build() {
            return new TableLayer(table, geometry, kind, code, name, styleClass, where, attributes, time, defaultDays,
                    scoped, params, restrictedTo, sources, movesWithClock);
        }
    }
}
