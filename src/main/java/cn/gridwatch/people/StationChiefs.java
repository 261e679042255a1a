package cn.gridwatch.people;

import cn.gridwatch.register.Field;
import cn.gridwatch.register.FieldType;
import cn.gridwatch.register.GridFilter;
import cn.gridwatch.register.Reference;
import cn.gridwatch.register.RegisterSpec;
import cn.gridwatch.register.VersionRule;
import java.util.Objects;

/**
 * Station chiefs (点位长, {@code station_chief}): the official responsible for a current monitoring
 * point, one at a time; a new person ends the current chief's term on the new one's
 * {@code valid_from}. Station chiefs are in the grid where their station is. Columns
 * {@code station_code,person_name,title,phone,valid_from}.
 */
public final class StationChiefs {
    public static final RegisterSpec SPEC = RegisterSpec.builder("station_chief", "station_chief", "/api/station-chiefs")
            .columns("station_code", "person_name", "title", "phone", "valid_from")
            .reference(new Reference("station_code", Reference.Kind.STATION, true), null)
            .field(Field.required("person_name", FieldType.TEXT))
            .field(Field.optional("title", FieldType.TEXT))
            .field(Field.optional("phone", FieldType.TEXT))
            .field(Field.required("valid_from", FieldType.DATE))
            .key("station_code", "station_code", r -> r.text("station_code"))
            .versions(new VersionRule((cur, in) -> !Objects.equals(cur.get("person_name"), in.get("person_name"))))
            .joins("left join monitoring_point m on m.code = t.station_code and m.valid_to is null")
            .grid(GridFilter.cells("m"))
            .orderBy("t.station_code")
            .build();

    private StationChiefs() {
    }
}
