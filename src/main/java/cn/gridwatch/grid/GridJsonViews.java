package cn.gridwatch.grid;

import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * The JSON shape of a cell in API answers: code (12 digits) and its short form, level, kind, name,
 * parent code, validity, bounding box {@code [minLon, minLat, maxLon, maxLat]} in EPSG:4490 and,
 * when asked, the GeoJSON geometry (x = longitude, y = latitude). Stateless.
 */
final class GridJsonViews {
    private GridJsonViews() {
    }

    static Map<String, Object> cell(GridCell c, boolean withGeometry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", c.code());
        if (c.kind() == GridKind.ADMIN) {
            m.put("shortCode", AdminCode.shortForm(c.code()));
        }
        m.put("level", c.level().id());
        m.put("kind", c.kind().id());
        m.put("name", c.name());
        m.put("parentCode", c.parentCode());
        m.put("validFrom", c.validFrom());
        m.put("validTo", c.validTo());
        Envelope e = c.geometry().getEnvelopeInternal();
        m.put("bbox", new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()});
        if (withGeometry) {
            GeoJsonWriter w = new GeoJsonWriter(7);
            w.setEncodeCRS(false);
            m.put("geometry", new com.fasterxml.jackson.databind.util.RawValue(w.write(c.geometry())));
        }
        return m;
    }
}
