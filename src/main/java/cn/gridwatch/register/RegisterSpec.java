package cn.gridwatch.register;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What one register is: its table and URL, the columns of its files (the same for import and export),
 * how each is read, where rows are, what they reference, what identifies a row, how it versions,
 * and which list filters apply. Every table, column and SQL fragment here comes from code (the
 * feature packages), never from input. Immutable and thread-safe once built.
 */
public final class RegisterSpec {
    /** Register id: the {@code register_import.register} value and the audit entity type, e.g. {@code pollution_source}. */
    public final String id;
    public final String table;
    /** The HTTP base path, e.g. {@code /api/sources}; its last segment is the command-line name. */
    public final String path;
    /** File columns in file order. */
    public final List<String> columns;
    public final List<Field> fields;
    public final GeometryKind geometry;
    /** Whether the {@code zone_wkt} column fills {@code protection_zone}. */
    public final boolean zone;
    public final List<Reference> references;
    /** The identity of a row within the register (for duplicates and upserts). */
    public final Function<RegisterRecord, String> key;
    /** The key in words, for messages, e.g. "code". */
    public final String keyName;
    /** The column whose values find the stored rows an import may change. */
    public final String lookupField;
    public final VersionRule versions;
    public final List<RowRule> rules;
    public final List<ImportCheck> checks;
    /** Query parameter to field name, e.g. {@code class -> inspection_class}. */
    public final Map<String, String> filters;
    /** The qualified column {@code from}/{@code to} apply to, or null. */
    public final String dateColumn;
    public final String orderBy;
    public final GridFilter grid;
    /** FROM-clause joins after {@code <table> t}. */
    public final String joins;
    /** Reference columns read back through the joins: name to SQL expression. */
    public final Map<String, String> readBack;
    public final boolean hasImportId;
    public final boolean touchUpdatedAt;

    private RegisterSpec(Builder b) {
        this.id = Objects.requireNonNull(b.id);
        this.table = Objects.requireNonNull(b.table);
        this.path = Objects.requireNonNull(b.path);
        this.columns = List.copyOf(b.columns);
        this.fields = List.copyOf(b.fields);
        this.geometry = b.geometry;
        this.zone = b.zone;
        this.references = List.copyOf(b.references);
        this.key = Objects.requireNonNull(b.key);
        this.keyName = b.keyName;
        this.lookupField = b.lookupField;
        this.versions = b.versions;
        this.rules = List.copyOf(b.rules);
        this.checks = List.copyOf(b.checks);
        this.filters = Map.copyOf(b.filters);
        this.dateColumn = b.dateColumn;
        this.orderBy = b.orderBy;
        this.grid = Objects.requireNonNull(b.grid);
        this.joins = b.joins;
        this.readBack = new LinkedHashMap<>(b.readBack);
        this.hasImportId = b.hasImportId;
        this.touchUpdatedAt = b.touchUpdatedAt;
        checkColumns();
        filters.values().forEach(f -> {
            if (field(f) == null) {
                throw new IllegalStateException("register " + id + " filters on unknown field " + f);
            }
        });
    }

    public static Builder builder(String id, String table, String path) {
        return new Builder(id, table, path);
    }

    /** The command-line and URL name, e.g. {@code sources}. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public boolean located() {
        return geometry != GeometryKind.NONE;
    }

    public boolean versioned() {
        return versions != null;
    }

    /** The columns an import needs: required fields and references, and lon/lat for points. */
    public List<String> requiredColumns() {
        List<String> out = new ArrayList<>();
        fields.stream().filter(Field::required).forEach(f -> out.add(f.name()));
        references.stream().filter(Reference::required).forEach(r -> out.add(r.name()));
        if (geometry == GeometryKind.POINT) {
            out.add("lon");
            out.add("lat");
        }
        return out;
    }

    public Field field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    public Reference reference(Reference.Kind kind) {
        return references.stream().filter(r -> r.kind() == kind).findFirst().orElse(null);
    }

    private void checkColumns() {
        for (String c : columns) {
            boolean known = field(c) != null || references.stream().anyMatch(r -> r.name().equals(c))
                    || (located() && (c.equals("lon") || c.equals("lat")))
                    || (geometry == GeometryKind.POINT_OR_TRACK && c.equals("wkt")) || (zone && c.equals("zone_wkt"));
            if (!known) {
                throw new IllegalStateException("register " + id + " lists column " + c + " but does not define it");
            }
        }
    }

    /** Builds a {@link RegisterSpec}; defaults: not located, key {@code code}, order by {@code t.code}. */
    public static final class Builder {
        private final String id;
        private final String table;
        private final String path;
        private final List<String> columns = new ArrayList<>();
        private final List<Field> fields = new ArrayList<>();
        private GeometryKind geometry = GeometryKind.NONE;
        private boolean zone;
        private final List<Reference> references = new ArrayList<>();
        private Function<RegisterRecord, String> key = r -> r.text("code");
        private String keyName = "code";
        private String lookupField = "code";
        private VersionRule versions;
        private final List<RowRule> rules = new ArrayList<>();
        private final List<ImportCheck> checks = new ArrayList<>();
        private final Map<String, String> filters = new LinkedHashMap<>();
        private String dateColumn;
        private String orderBy = "t.code";
        private GridFilter grid = GridFilter.cells("t");
        private String joins = "";
        private final Map<String, String> readBack = new LinkedHashMap<>();
        private boolean hasImportId;
        private boolean touchUpdatedAt;

        private Builder(String id, String table, String path) {
            this.id = id;
            this.table = table;
            this.path = path;
        }

        public Builder columns(String... names) {
            columns.addAll(List.of(names));
            return this;
        }

        public Builder field(Field f) {
            fields.add(f);
            return this;
        }

        public Builder geometry(GeometryKind kind) {
            this.geometry = kind;
            return this;
        }

        public Builder zone() {
            this.zone = true;
            return this;
        }

        /** A reference column; {@code readBackSql} reads its codes back in queries (null: stored as is). */
        public Builder reference(Reference r, String readBackSql) {
            references.add(r);
            if (readBackSql != null) {
                readBack.put(r.name(), readBackSql);
            }
            return this;
        }

        public Builder key(String name, String lookup, Function<RegisterRecord, String> fn) {
            this.keyName = name;
            this.lookupField = lookup;
            this.key = fn;
            return this;
        }

        public Builder versions(VersionRule rule) {
            this.versions = rule;
            return this;
        }

        public Builder rule(RowRule rule) {
            rules.add(rule);
            return this;
        }

        public Builder check(ImportCheck check) {
            checks.add(check);
            return this;
        }

        /** A list filter: query parameter {@code param} must equal field {@code fieldName}. */
        public Builder filter(String param, String fieldName) {
            filters.put(param, fieldName);
            return this;
        }

        public Builder dateColumn(String column) {
            this.dateColumn = column;
            return this;
        }

        public Builder orderBy(String sql) {
            this.orderBy = sql;
            return this;
        }

        public Builder grid(GridFilter g) {
            this.grid = g;
            return this;
        }

        public Builder joins(String sql) {
            this.joins = sql;
            return this;
        }

        public Builder importId() {
            this.hasImportId = true;
            return this;
        }

        public Builder touchUpdatedAt() {
            this.touchUpdatedAt = true;
            return this;
        }

        public RegisterSpec build() {
            return new RegisterSpec(this);
        }
    }
}
