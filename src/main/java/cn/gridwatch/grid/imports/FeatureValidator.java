package cn.gridwatch.grid.imports;

import cn.gridwatch.db.GeometryCodec;
import cn.gridwatch.geo.GeometryTransform;
import cn.gridwatch.grid.AdminCode;
import cn.gridwatch.grid.GeometryHash;
import cn.gridwatch.grid.GridKind;
import cn.gridwatch.grid.GridLevel;
import cn.gridwatch.grid.io.PropertyMapping;
import cn.gridwatch.grid.io.SourceFeature;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Checks one source feature against the import's rules and turns it into a {@link PreparedCell}:
 * geometry present, (Multi)Polygon, non-empty and inside the source CRS's range; code present,
 * well-formed and (for ADMIN) of the declared level; name present. Invalid-but-parseable polygons
 * pass, with the reason recorded. Thread-safe (the transform is).
 */
final class FeatureValidator {
    private final GridLevel level;
    private final GridKind kind;
    private final PropertyMapping mapping;
    private final GeometryTransform transform;
    private final String crs;

    FeatureValidator(GridLevel level, GridKind kind, PropertyMapping mapping, GeometryTransform transform, String crs) {
        this.level = level;
        this.kind = kind;
        this.mapping = mapping;
        this.transform = transform;
        this.crs = crs;
    }

    /** The outcome for one feature: exactly one of {@code cell} and {@code rejection} is set. */
    record Outcome(PreparedCell cell, Rejection rejection, String warning) {
    }

    Outcome check(SourceFeature f) {
        List<String> reasons = new ArrayList<>();
        String rawCode = mapping.code(f.properties());
        String code = code(rawCode, reasons);
        String name = mapping.name(f.properties());
        if (name == null) {
            reasons.add("name is missing (property " + (mapping.nameField() != null ? "'" + mapping.nameField() + "'"
                    : "one of " + PropertyMapping.NAME_FIELDS) + ")");
        }
        String warning = null;
        String parent = code == null ? null : (kind == GridKind.ADMIN ? AdminCode.parentOf(code) : null);
        String rawParent = mapping.parent(f.properties());
        refuseNul("code", rawCode, reasons);
        refuseNul("name", name, reasons);
        refuseNul("parent", rawParent, reasons);
        if (rawParent != null && code != null) {
            String p = parent(rawParent, reasons);
            if (kind == GridKind.ADMIN && p != null && !p.equals(parent)) {
                warning = "feature " + f.number() + ": parent property '" + rawParent + "' disagrees with the code "
                        + code + ", whose parent is " + parent + "; the code wins";
            } else if (p != null) {
                parent = p;
            }
        }
        MultiPolygon geom = geometry(f, reasons);
        if (!reasons.isEmpty()) {
            return new Outcome(null, new Rejection(f.number(), rawCode, String.join("; ", reasons)), null);
        }
        String invalid = null;
        TopologyValidationError err = new IsValidOp(geom).getValidationError();
        if (err != null) {
            invalid = err.getMessage() + " at (" + err.getCoordinate().x + " " + err.getCoordinate().y + ")";
        }
        return new Outcome(new PreparedCell(f.number(), code, name, parent, geom, GeometryHash.of(geom), invalid),
                null, warning);
    }

    /** PostgreSQL text cannot hold U+0000; refusing it here keeps it a rejection instead of an SQL failure. */
    private static void refuseNul(String what, String value, List<String> reasons) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            reasons.add(what + " contains a NUL character (U+0000), which cannot be stored");
        }
    }

    private String code(String raw, List<String> reasons) {
        if (raw == null) {
            reasons.add("code is missing (property " + (mapping.codeField() != null ? "'" + mapping.codeField() + "'"
                    : "one of " + PropertyMapping.CODE_FIELDS) + ")");
            return null;
        }
        if (kind != GridKind.ADMIN) {
            return raw;
        }
        try {
            String c = AdminCode.normalize(raw);
            GridLevel l = AdminCode.levelOf(c);
            if (l != level) {
                reasons.add("code '" + raw + "' denotes a " + l.id() + ", but the import level is " + level.id());
            }
            return c;
        } catch (IllegalArgumentException e) {
            reasons.add(e.getMessage());
            return null;
        }
    }

    private String parent(String raw, List<String> reasons) {
        if (kind != GridKind.ADMIN) {
            return raw;
        }
        try {
            return AdminCode.normalize(raw);
        } catch (IllegalArgumentException e) {
            reasons.add("parent " + e.getMessage());
            return null;
        }
    }

    private MultiPolygon geometry(SourceFeature f, List<String> reasons) {
        Geometry g = f.geometry();
        if (g == null) {
            reasons.add(f.geometryError() == null ? "geometry is missing" : f.geometryError());
            return null;
        }
        if (!(g instanceof Polygon) && !(g instanceof MultiPolygon)) {
            reasons.add("geometry type " + g.getGeometryType() + " is not Polygon or MultiPolygon");
            return null;
        }
        if (g.isEmpty()) {
            reasons.add("geometry is empty");
            return null;
        }
        Geometry t;
        try {
            t = transform.apply(g);
        } catch (IllegalArgumentException e) {
            reasons.add("cannot transform from " + crs + ": " + e.getMessage());
            return null;
        }
        MultiPolygon mp = t instanceof MultiPolygon m ? m
                : GeometryCodec.factory().createMultiPolygon(new Polygon[] {(Polygon) t});
        MultiPolygon out = (MultiPolygon) GeometryCodec.factory().createGeometry(mp);
        out.setSRID(GeometryCodec.CGCS2000);
        return out;
    }
}
