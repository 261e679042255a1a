package cn.gridwatch.register;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One register row in typed form, as parsed from a file or read from the database: values by column
 * name (see {@link FieldType} for the Java types; references keep their codes, e.g. {@code source_code}),
 * the geometry and protection zone in EPSG:4490 (x = longitude), the grid cells, and what import
 * resolution adds (referenced ids, the code that decides the officer's scope). Mutable while an
 * import or a query builds it; not thread-safe.
 */
public final class RegisterRecord {
    /** Database id, 0 for a row not stored yet. */
    public long id;
    /** Row number in the file (0 when read from the database). */
    public final int row;
    public final Map<String, Object> values = new LinkedHashMap<>();
    public Geometry geom;
    public Geometry zone;
    public GridCells cells = GridCells.NONE;
    /** The referenced pollution source's id ({@link Reference.Kind#SOURCE}). */
    public Long sourceId;
    /** The referenced pollution sources' ids ({@link Reference.Kind#SOURCES}). */
    public List<Long> sourceIds = List.of();
    /** The grid code that decides whose jurisdiction the row is in, or null outside the grid. */
    public String scopeCode;
    /** For versioned registers read from the database: the day this version ended, or null when current. */
    public java.time.LocalDate validTo;

    public RegisterRecord(int row) {
        this.row = row;
    }

    public Object get(String name) {
        return values.get(name);
    }

    public String text(String name) {
        Object v = values.get(name);
        return v == null ? null : v.toString();
    }

    /** True when the values, geometry and zone are the same (numbers compared by value, not scale). */
    public boolean sameContent(RegisterRecord o) {
        if (!values.keySet().equals(o.values.keySet())) {
            return false;
        }
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (!sameValue(e.getValue(), o.values.get(e.getKey()))) {
                return false;
            }
        }
        return sameGeometry(geom, o.geom) && sameGeometry(zone, o.zone);
    }

    static boolean sameValue(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    /** Exact coordinate equality (normalised ring order), null equal to null. */
    public static boolean sameGeometry(Geometry a, Geometry b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.getGeometryType().equals(b.getGeometryType()) && a.equalsExact(b);
    }
}
