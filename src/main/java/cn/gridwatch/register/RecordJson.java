package cn.gridwatch.register;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * The outward forms of a register row: JSON for the API (id, the file columns, {@code lon}/{@code lat}
 * in EPSG:4490, the four cell codes) and the export row, which has exactly the import columns so an
 * export re-imports unchanged. A track's {@code lon}/{@code lat} in JSON is its first point, where
 * the patrol started, which is also the point it is assigned by. Stateless; thread-safe.
 */
public final class RecordJson {
    private RecordJson() {
    }

    /** The point a row is located by: the point itself, or a track's first vertex. */
    public static Coordinate anchor(Geometry g) {
        return g.getCoordinate();
    }

    public static Map<String, Object> of(RegisterSpec spec, RegisterRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id);
        for (String c : spec.columns) {
            if (c.equals("lon") || c.equals("lat") || c.equals("wkt") || c.equals("zone_wkt")) {
                continue;
            }
            Object v = r.get(c);
            m.put(c, v instanceof Instant || v instanceof BigDecimal ? Values.format(v) : v);
        }
        if (spec.versioned()) {
            m.put("valid_to", r.validTo);
        }
        if (r.geom != null) {
            Coordinate a = anchor(r.geom);
            m.put("lon", a.x);
            m.put("lat", a.y);
            if (!"Point".equals(r.geom.getGeometryType())) {
                m.put("wkt", r.geom.toText());
            }
            m.put("city_code", r.cells.city());
            m.put("county_code", r.cells.county());
            m.put("township_code", r.cells.township());
            m.put("village_code", r.cells.village());
        }
        if (r.zone != null) {
            m.put("zone_wkt", r.zone.toText());
        }
        return m;
    }

    /** The export row: the values of {@code spec.columns} as text, null for empty. */
    public static List<String> exportRow(RegisterSpec spec, RegisterRecord r) {
        List<String> out = new ArrayList<>(spec.columns.size());
        boolean point = r.geom != null && "Point".equals(r.geom.getGeometryType());
        for (String c : spec.columns) {
            switch (c) {
                case "lon" -> out.add(point ? Values.coordinate(r.geom.getCoordinate().x) : null);
                case "lat" -> out.add(point ? Values.coordinate(r.geom.getCoordinate().y) : null);
                case "wkt" -> out.add(r.geom != null && !point ? r.geom.toText() : null);
                case "zone_wkt" -> out.add(r.zone == null ? null : r.zone.toText());
                default -> out.add(Values.format(r.get(c)));
            }
        }
        return out;
    }
}
