package cn.gridwatch.register;

import cn.gridwatch.db.Database;
import cn.gridwatch.grid.NotFoundException;
import cn.gridwatch.security.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The use cases of one register: list, detail with assignment history, versions, export and import.
 * Checks that the filters asked for apply to this register (naming the parameter when not). Never
 * imports Javalin. Thread-safe.
 */
public final class RegisterService {
    private final Database db;
    private final RegisterSpec spec;
    private final RegisterQueries queries;
    private final RegisterImportService imports;

    public RegisterService(Database db, RegisterSpec spec, RegisterImportService imports) {
        this.db = db;
        this.spec = spec;
        this.queries = new RegisterQueries(spec);
        this.imports = imports;
    }

    public RegisterSpec spec() {
        return spec;
    }

    /** A page of rows and the number of rows the query matches. */
    public record Page(long total, List<RegisterRecord> items) {
    }

    /** A row with its grid assignment history (empty for registers that are not located). */
    public record Detail(RegisterRecord record, List<Map<String, Object>> assignments) {
    }

    public Page list(ListQuery q) {
        check(q);
        return db.withConnection("listing " + spec.name(), c -> {
            List<RegisterRecord> items = new ArrayList<>();
            queries.list(c, q, items::add);
            return new Page(queries.count(c, q), items);
        });
    }

    /** All rows the query matches, in key order. */
    public List<RegisterRecord> export(ListQuery q) {
        check(q);
        return db.withConnection("exporting " + spec.name(), c -> {
            List<RegisterRecord> items = new ArrayList<>();
            queries.list(c, q, items::add);
            return items;
        });
    }

    /** @throws NotFoundException for unknown ids and rows outside {@code scope} alike */
    public Detail get(long id, Scope scope) {
        return db.withConnection("reading " + spec.name() + " " + id, c -> {
            RegisterRecord r = queries.get(c, id, scope);
            if (r == null) {
                throw new NotFoundException("no " + spec.name() + " row with id " + id);
            }
            return new Detail(r, spec.located() ? queries.assignments(c, id) : List.of());
        });
    }

    /** Every version of {@code code}, oldest first, each with its assignment history. */
    public List<Detail> versions(String code, Scope scope) {
        return db.withConnection("reading the history of " + code, c -> {
            List<Detail> out = new ArrayList<>();
            for (RegisterRecord r : queries.versions(c, code, scope)) {
                out.add(new Detail(r, queries.assignments(c, r.id)));
            }
            if (out.isEmpty()) {
                throw new NotFoundException("no " + spec.name() + " with code '" + code + "' has ever been imported");
            }
            return out;
        });
    }

    public RegisterImportReport importFile(RegisterImportService.Request req) {
        return imports.importFile(spec, req);
    }

    private void check(ListQuery q) {
        for (Map.Entry<String, String> f : q.filters().entrySet()) {
            Field field = spec.field(spec.filters.get(f.getKey()));
            if (!field.allowed().isEmpty() && !field.allowed().contains(f.getValue())) {
                throw new IllegalArgumentException("query parameter '" + f.getKey() + "' must be one of "
                        + String.join(", ", field.allowed()) + ", but was: '" + f.getValue() + "'");
            }
        }
        if (q.bbox() != null && !spec.located()) {
            throw new IllegalArgumentException("query parameter 'bbox' does not apply to " + spec.name()
                    + ", which have no location");
        }
        if ((q.from() != null || q.to() != null) && spec.dateColumn == null) {
            throw new IllegalArgumentException("query parameters 'from' and 'to' do not apply to " + spec.name());
        }
        if (q.from() != null && q.to() != null && q.from().isAfter(q.to())) {
            throw new IllegalArgumentException("query parameter 'from' (" + q.from() + ") is after 'to' (" + q.to() + ")");
        }
    }
}
