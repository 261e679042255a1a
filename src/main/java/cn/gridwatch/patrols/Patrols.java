package cn.gridwatch.patrols;

import cn.gridwatch.register.Field;
import cn.gridwatch.register.FieldType;
import cn.gridwatch.register.GeometryKind;
import cn.gridwatch.register.Reference;
import cn.gridwatch.register.RegisterRecord;
import cn.gridwatch.register.RegisterSpec;
import cn.gridwatch.register.Rejections;
import java.time.Instant;

/**
 * The patrol register ({@code patrol_record}): who patrolled, from when to when, where (a point,
 * points or a track given as {@code wkt}), what was checked and found, and which sources
 * ({@code source_codes}, separated by {@code ;}). A patrol is assigned to the cell of its first point,
 * where it started. Columns {@code code,officer,started_at,ended_at,checked,findings,source_codes,lon,lat,wkt}.
 */
public final class Patrols {
    public static final RegisterSpec SPEC = RegisterSpec.builder("patrol_record", "patrol_record", "/api/patrols")
            .columns("code", "officer", "started_at", "ended_at", "checked", "findings", "source_codes", "lon", "lat",
                    "wkt")
            .field(Field.required("code", FieldType.CODE))
            .field(Field.required("officer", FieldType.TEXT))
            .field(Field.required("started_at", FieldType.TIMESTAMP))
            .field(Field.optional("ended_at", FieldType.TIMESTAMP))
            .field(Field.optional("checked", FieldType.TEXT))
            .field(Field.optional("findings", FieldType.TEXT))
            .reference(new Reference("source_codes", Reference.Kind.SOURCES, false),
                    "(select string_agg(ps_s.code, ';') from patrol_source ps"
                            + " join pollution_source ps_s on ps_s.id = ps.source_id where ps.patrol_id = t.id)")
            .geometry(GeometryKind.POINT_OR_TRACK)
            .rule(Patrols::checkTimes)
            .dateColumn("t.started_at")
            .filter("officer", "officer")
            .importId()
            .build();

    private Patrols() {
    }

    static void checkTimes(RegisterRecord r, Rejections out) {
        Instant start = (Instant) r.get("started_at");
        Instant end = (Instant) r.get("ended_at");
        if (end != null && end.isBefore(start)) {
            out.add(r.row, "ended_at", r.text("ended_at"), "ended_at is before started_at");
        }
    }
}
