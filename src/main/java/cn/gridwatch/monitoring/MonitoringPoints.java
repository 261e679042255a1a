package cn.gridwatch.monitoring;

import cn.gridwatch.register.Field;
import cn.gridwatch.register.FieldType;
import cn.gridwatch.register.GeometryKind;
import cn.gridwatch.register.RegisterRecord;
import cn.gridwatch.register.RegisterSpec;
import cn.gridwatch.register.VersionRule;
import java.util.Objects;

/**
 * The monitoring-point register ({@code monitoring_point}): air stations of every kind, water
 * sections, drinking-water sources (with a protection-zone polygon) and sewage outfalls, one row per
 * version. Stations move: a re-import with another location, or with status {@code moved} or
 * {@code retired}, closes the current row on the new row's {@code valid_from} and opens the new
 * one; other changes (name, operator, zone) correct the current row. Columns
 * {@code code,name,type,operator,status,valid_from,lon,lat,zone_wkt}.
 */
public final class MonitoringPoints {
    public static final String[] TYPES = {"national_air", "provincial_air", "township_air", "micro_air", "composition",
        "lidar", "vehicle_exhaust", "water_national", "water_provincial", "drinking_water", "outfall"};

    public static final RegisterSpec SPEC = RegisterSpec.builder("monitoring_point", "monitoring_point",
                    "/api/monitoring-points")
            .columns("code", "name", "type", "operator", "status", "valid_from", "lon", "lat", "zone_wkt")
            .field(Field.required("code", FieldType.CODE))
            .field(Field.required("name", FieldType.TEXT))
            .field(Field.oneOf("type", TYPES))
            .field(Field.optional("operator", FieldType.TEXT))
            .field(Field.oneOfWithDefault("status", "active", "active", "moved", "retired"))
            .field(Field.required("valid_from", FieldType.DATE))
            .geometry(GeometryKind.POINT)
            .zone()
            .versions(new VersionRule(MonitoringPoints::isNewVersion))
            .filter("type", "type")
            .filter("status", "status")
            .importId()
            .build();

    private MonitoringPoints() {
    }

    /** A move or a change of status is a new version; anything else corrects the current one. */
    static boolean isNewVersion(RegisterRecord current, RegisterRecord incoming) {
        return !RegisterRecord.sameGeometry(current.geom, incoming.geom)
                || !Objects.equals(current.get("status"), incoming.get("status"));
    }
}
