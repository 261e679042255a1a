package cn.gridwatch.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves the references of register rows against the database in one query per kind: source codes
 * to pollution-source ids, station codes to current monitoring points, grid codes to current admin
 * cells. Unknown codes become rejections naming the row and column. Also sets each row's
 * {@code scopeCode}, the grid code its jurisdiction is decided by: its own cells when located, else
 * its source's or station's cells, its duty cell or its home county. Thread-safe.
 */
public final class ReferenceResolver {
    private final RegisterSpec spec;

    public ReferenceResolver(RegisterSpec spec) {
        this.spec = spec;
    }

    /** A referenced row: its id (0 for grid cells) and the grid code it lies in. */
    private record Target(long id, String scopeCode) {
    }

    /** Resolves {@code rows}; pass {@code out} null for stored rows, whose references are known to exist. */
    public void resolve(Connection c, List<RegisterRecord> rows, Rejections out) throws SQLException {
        for (Reference ref : spec.references) {
            Set<String> codes = new TreeSet<>();
            for (RegisterRecord r : rows) {
                codes.addAll(codesOf(r, ref));
            }
            Map<String, Target> found = codes.isEmpty() ? Map.of() : lookup(c, ref.kind(), codes);
            for (RegisterRecord r : rows) {
                apply(r, ref, found, out);
            }
        }
        for (RegisterRecord r : rows) {
            if (spec.located()) {
                r.scopeCode = r.cells.finest();
            }
        }
    }

    private static List<String> codesOf(RegisterRecord r, Reference ref) {
        Object v = r.get(ref.name());
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(Object::toString).toList();
        }
        return List.of(v.toString());
    }

    private static void apply(RegisterRecord r, Reference ref, Map<String, Target> found, Rejections out) {
        List<String> codes = codesOf(r, ref);
        List<Long> ids = new java.util.ArrayList<>();
        for (String code : codes) {
            Target t = found.get(code);
            if (t == null) {
                if (out != null) {
                    out.add(r.row, ref.name(), code, unknown(ref, code));
                }
                continue;
            }
            ids.add(t.id());
            if (ref.kind() != Reference.Kind.SOURCES) {
                r.scopeCode = t.scopeCode();
            }
        }
        if (ref.kind() == Reference.Kind.SOURCE) {
            r.sourceId = ids.isEmpty() ? null : ids.get(0);
        } else if (ref.kind() == Reference.Kind.SOURCES) {
            r.sourceIds = List.copyOf(ids);
        }
    }

    private static String unknown(Reference ref, String code) {
        return switch (ref.kind()) {
            case SOURCE, SOURCES -> "unknown " + ref.name() + " '" + code + "': no pollution source has this code;"
                    + " import the sources first";
            case STATION -> "unknown " + ref.name() + " '" + code + "': no current monitoring point has this code";
            case GRID_CELL -> "unknown " + ref.name() + " '" + code + "': no current grid cell has this code";
            case COUNTY_CELL -> "unknown " + ref.name() + " '" + code + "': no current county cell has this code";
        };
    }

    private static Map<String, Target> lookup(Connection c, Reference.Kind kind, Collection<String> codes)
            throws SQLException {
        String sql = switch (kind) {
            case SOURCE, SOURCES -> "select code, id, coalesce(village_code, township_code, county_code, city_code)"
                    + " from pollution_source where code = any(?)";
            case STATION -> "select code, id, coalesce(village_code, township_code, county_code, city_code)"
                    + " from monitoring_point where valid_to is null and code = any(?)";
            case GRID_CELL -> "select code, 0, code from grid_cell where kind = 'admin' and valid_to is null"
                    + " and code = any(?)";
            case COUNTY_CELL -> "select code, 0, code from grid_cell where kind = 'admin' and level = 2"
                    + " and valid_to is null and code = any(?)";
        };
        Map<String, Target> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", codes.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Target(rs.getLong(2), rs.getString(3)));
                }
            }
        }
        return out;
    }
}
