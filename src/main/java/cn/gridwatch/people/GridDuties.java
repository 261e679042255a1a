package cn.gridwatch.people;

import cn.gridwatch.register.Field;
import cn.gridwatch.register.FieldType;
import cn.gridwatch.register.GridFilter;
import cn.gridwatch.register.Reference;
import cn.gridwatch.register.RegisterRecord;
import cn.gridwatch.register.RegisterSpec;
import cn.gridwatch.register.VersionRule;
import java.util.Objects;

/**
 * Grid duties ({@code grid_duty}): the grid chief (网格长, one per cell at a time) and the grid
 * officers (网格员, several) of a current grid cell, with the day their term began. A new chief for
 * a cell ends the current chief's term on the new one's {@code valid_from}; an officer is identified
 * by cell and name. An import adds and updates duties; it ends none it does not mention. Columns
 * {@code grid_code,duty,person_name,phone,valid_from}; {@code grid_code} has 6, 9 or 12 digits and is
 * stored in its 12-digit form.
 */
public final class GridDuties {
    public static final RegisterSpec SPEC = RegisterSpec.builder("grid_duty", "grid_duty", "/api/duties")
            .columns("grid_code", "duty", "person_name", "phone", "valid_from")
            .reference(new Reference("grid_code", Reference.Kind.GRID_CELL, true), null)
            .field(Field.oneOf("duty", "grid_chief", "grid_officer"))
            .field(Field.required("person_name", FieldType.TEXT))
            .field(Field.optional("phone", FieldType.TEXT))
            .field(Field.required("valid_from", FieldType.DATE))
            .key("grid_code, duty, person_name", "grid_code", GridDuties::key)
            .versions(new VersionRule((cur, in) -> !Objects.equals(cur.get("person_name"), in.get("person_name"))))
            .grid(GridFilter.codeColumn("t.grid_code"))
            .orderBy("t.grid_code, t.duty, t.person_name")
            .filter("duty", "duty")
            .build();

    private GridDuties() {
    }

    /** A cell has one chief, so the chief's key leaves the name out; officers are told apart by name. */
    static String key(RegisterRecord r) {
        String base = r.text("grid_code") + "|" + r.text("duty");
        return "grid_chief".equals(r.get("duty")) ? base : base + "|" + r.text("person_name");
    }
}
