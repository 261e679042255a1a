package cn.gridwatch.problems;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Where the things a problem can come from lie: a pollution source by code, or the record named by
 * an origin and id (complaint, patrol record, dispatch task, meter alert). Read-only SQL on the
 * register tables (EPSG:4490, x = lon, y = lat). Stateless and thread-safe.
 */
final class OriginLocator {

    /** A location and the source it belongs to (null when none). */
    record Located(Long sourceId, double lon, double lat) {
    }

    /** @throws IllegalArgumentException naming field 'sourceCode' when no such source exists */
    Located source(Connection c, String code) throws SQLException {
        Located l = query(c, "select id, ST_X(geom), ST_Y(geom) from pollution_source where code = ?", code);
        if (l == null) {
            throw new IllegalArgumentException("field 'sourceCode': no pollution source with code '" + code + "'");
        }
        return l;
    }

    /** @throws IllegalArgumentException naming field 'originId' when the record does not exist */
    Located origin(Connection c, ProblemOrigin origin, long id) throws SQLException {
        String sql;
        switch (origin) {
            case COMPLAINT:
                sql = "select source_id, ST_X(geom), ST_Y(geom) from complaint where id = ?";
                break;
            case PATROL: // a point of the track or point set, near its middle
                sql = "select null::bigint, ST_X(q), ST_Y(q) from (select ST_ClosestPoint(geom, ST_Centroid(geom)) q"
                        + " from patrol_record where id = ?) t";
                break;
            case STATION_DISPATCH:
                sql = "select s.id, ST_X(s.geom), ST_Y(s.geom) from patrol_task t"
                        + " join pollution_source s on s.id = t.source_id where t.id = ?";
                break;
            case METER_ALERT:
                sql = "select s.id, ST_X(s.geom), ST_Y(s.geom) from meter_alert a"
                        + " join power_meter m on m.id = a.production_meter_id"
                        + " join pollution_source s on s.id = m.source_id where a.id = ?";
                break;
            default:
                throw new IllegalArgumentException("origin 'other' has no record to take a location from");
        }
        Located l = query(c, sql, id);
        if (l == null) {
            throw new IllegalArgumentException("field 'originId': there is no " + origin.id() + " with id " + id
                    + (origin == ProblemOrigin.STATION_DISPATCH ? " that names a source" : ""));
        }
        return l;
    }

    private static Located query(Connection c, String sql, Object key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Located(rs.getObject(1, Long.class), rs.getDouble(2), rs.getDouble(3)) : null;
            }
        }
    }
}
