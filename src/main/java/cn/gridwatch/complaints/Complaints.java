package cn.gridwatch.complaints;

import cn.gridwatch.register.Field;
import cn.gridwatch.register.FieldType;
import cn.gridwatch.register.GeometryKind;
import cn.gridwatch.register.Reference;
import cn.gridwatch.register.RegisterSpec;

/**
 * The complaint register (信访, {@code complaint}): when it came in (China Standard Time unless the
 * value has an offset), by which channel, what about, where, and the source it names if any. Each
 * complaint goes to the cell that contains it. Columns
 * {@code code,received_at,channel,category,content,address,source_code,lon,lat}.
 */
public final class Complaints {
    public static final RegisterSpec SPEC = RegisterSpec.builder("complaint", "complaint", "/api/complaints")
            .columns("code", "received_at", "channel", "category", "content", "address", "source_code", "lon", "lat")
            .field(Field.required("code", FieldType.CODE))
            .field(Field.required("received_at", FieldType.TIMESTAMP))
            .field(Field.optional("channel", FieldType.TEXT))
            .field(Field.optional("category", FieldType.TEXT))
            .field(Field.required("content", FieldType.TEXT))
            .field(Field.optional("address", FieldType.TEXT))
            .reference(new Reference("source_code", Reference.Kind.SOURCE, false), "s.code")
            .joins("left join pollution_source s on s.id = t.source_id")
            .geometry(GeometryKind.POINT)
            .dateColumn("t.received_at")
            .filter("category", "category")
            .filter("channel", "channel")
            .importId()
            .build();

    private Complaints() {
    }
}
