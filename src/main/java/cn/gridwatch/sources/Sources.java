package cn.gridwatch.sources;

import cn.gridwatch.register.Field;
import cn.gridwatch.register.FieldType;
import cn.gridwatch.register.GeometryKind;
import cn.gridwatch.register.RegisterRecord;
import cn.gridwatch.register.RegisterSpec;
import cn.gridwatch.register.Rejections;

/**
 * The pollution-source register ({@code pollution_source}): enterprises, key dischargers,
 * construction sites, restaurants, petrol stations, cement grinding stations, with the inspection
 * class (special / key / general) that decides their sampling rate in random inspections and the
 * reason for it. The code is the unified social credit code, checked ({@link CreditCode}), or where
 * there is none a local register id, which therefore must not be 18 characters long. Columns
 * {@code code,name,category,industry,address,permit_no,inspection_class,class_reason,status,lon,lat}.
 */
public final class Sources {
    public static final String[] CATEGORIES = {"enterprise", "key_discharger", "construction_site", "restaurant",
        "petrol_station", "cement_grinding", "other"};

    public static final RegisterSpec SPEC = RegisterSpec.builder("pollution_source", "pollution_source", "/api/sources")
            .columns("code", "name", "category", "industry", "address", "permit_no", "inspection_class", "class_reason",
                    "status", "lon", "lat")
            .field(Field.required("code", FieldType.CODE))
            .field(Field.required("name", FieldType.TEXT))
            .field(Field.oneOf("category", CATEGORIES))
            .field(Field.optional("industry", FieldType.TEXT))
            .field(Field.optional("address", FieldType.TEXT))
            .field(Field.optional("permit_no", FieldType.TEXT))
            .field(Field.oneOfWithDefault("inspection_class", "general", "special", "key", "general"))
            .field(Field.optional("class_reason", FieldType.TEXT))
            .field(Field.oneOfWithDefault("status", "active", "active", "closed"))
            .geometry(GeometryKind.POINT)
            .rule(Sources::checkCode)
            .filter("category", "category")
            .filter("class", "inspection_class")
            .filter("status", "status")
            .importId()
            .touchUpdatedAt()
            .build();

    private Sources() {
    }

    /** An 18-character code is a credit code and must carry the right check character. */
    static void checkCode(RegisterRecord r, Rejections out) {
        String code = r.text("code");
        if (code.length() == 18) {
            String problem = CreditCode.problem(code);
            if (problem != null) {
                out.add(r.row, "code", code, "bad credit code: '" + code + "' " + problem
                        + " (local register ids must not be 18 characters long)");
            }
        }
    }
}
