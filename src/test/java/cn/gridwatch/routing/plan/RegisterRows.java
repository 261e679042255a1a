package cn.gridwatch.routing.plan;

import cn.gridwatch.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/**
 * Plain-SQL rows in the V4 registers for tests of draws and plans (the register importers are
 * another feature's): sources with their county, inspectors, patrol records. Codes as the register
 * stores them (short form).
 */
public final class RegisterRows {
    private final Database db;

    public RegisterRows(Database db) {
        this.db = db;
    }

    /** An active source at (lon, lat) in {@code county} (6-digit, or null) and {@code township}; returns its id. */
    public long source(String code, String name, String cls, double lon, double lat, String county, String township) {
        return db.inTransaction("inserting a test source", c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into pollution_source (code, name, category,"
                    + " inspection_class, geom, city_code, county_code, township_code) values (?, ?, 'enterprise', ?,"
                    + " ST_SetSRID(ST_MakePoint(?, ?), 4490), ?, ?, ?) returning id")) {
                ps.setString(1, code);
                ps.setString(2, name);
                ps.setString(3, cls);
                ps.setDouble(4, lon);
                ps.setDouble(5, lat);
                ps.setString(6, county == null ? null : county.substring(0, 4) + "00");
                ps.setString(7, county);
                ps.setString(8, township);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    public void closeSource(String code) {
        db.inTransaction("closing a test source", c -> {
            try (PreparedStatement ps = c.prepareStatement("update pollution_source set status = 'closed' where code = ?")) {
                ps.setString(1, code);
                return ps.executeUpdate();
            }
        });
    }

    /** An active inspector of {@code kind} from {@code county}, optionally linked to a user; returns its id. */
    public long inspector(String code, String name, String county, String kind, Long userId) {
        return db.inTransaction("inserting a test inspector", c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into inspector (code, name, county_code, unit, kind,"
                    + " phone, user_id) values (?, ?, ?, ?, ?, '13800000000', ?) returning id")) {
                ps.setString(1, code);
                ps.setString(2, name);
                ps.setString(3, county);
                ps.setString(4, county + "生态环境分局");
                ps.setString(5, kind);
                ps.setObject(6, userId, Types.BIGINT);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** A patrol at {@code at} that checked the source {@code sourceId}. */
    public void patrol(long sourceId, Instant at) {
        db.inTransaction("inserting a test patrol", c -> {
            long patrol;
            try (PreparedStatement ps = c.prepareStatement("insert into patrol_record (officer, started_at, geom)"
                    + " select 'test', ?, geom from pollution_source where id = ? returning id")) {
                ps.setTimestamp(1, Timestamp.from(at));
                ps.setLong(2, sourceId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    patrol = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into patrol_source (patrol_id, source_id) values (?, ?)")) {
                ps.setLong(1, patrol);
                ps.setLong(2, sourceId);
                return ps.executeUpdate();
            }
        });
    }
}
