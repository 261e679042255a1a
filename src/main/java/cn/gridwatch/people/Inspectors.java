package cn.gridwatch.people;

import cn.gridwatch.register.Field;
import cn.gridwatch.register.FieldType;
import cn.gridwatch.register.GridFilter;
import cn.gridwatch.register.Reference;
import cn.gridwatch.register.RegisterSpec;

/**
 * The inspector register ({@code inspector}) for random inspections and cross-jurisdiction
 * enforcement: each inspector's home county (a current county cell; joint enforcement never sends a
 * team into its own county), unit and kind (enforcement, monitoring, local guide). Columns
 * {@code code,name,county_code,unit,kind,phone}; {@code county_code} is stored in its 12-digit form.
 */
public final class Inspectors {
    public static final RegisterSpec SPEC = RegisterSpec.builder("inspector", "inspector", "/api/inspectors")
            .columns("code", "name", "county_code", "unit", "kind", "phone")
            .field(Field.required("code", FieldType.CODE))
            .field(Field.required("name", FieldType.TEXT))
            .reference(new Reference("county_code", Reference.Kind.COUNTY_CELL, true), null)
            .field(Field.optional("unit", FieldType.TEXT))
            .field(Field.oneOfWithDefault("kind", "enforcement", "enforcement", "monitoring", "guide"))
            .field(Field.optional("phone", FieldType.TEXT))
            .grid(GridFilter.codeColumn("t.county_code"))
            .filter("kind", "kind")
            .build();

    private Inspectors() {
    }
}
