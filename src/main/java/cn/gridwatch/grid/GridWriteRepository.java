package cn.gridwatch.grid;

import cn.gridwatch.db.GeometryCodec;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * Writes cell versions. Takes the caller's {@link Connection}; the service owns the transaction.
 * Inserts are batched (the pool rewrites batches into multi-row inserts). Stateless and thread-safe.
 */
public final class GridWriteRepository {
    /** Advisory lock key every grid write takes, so concurrent imports and repairs serialize. */
    public static final long GRID_WRITE_LOCK = 0x67726964L; // "grid"
    private static final int BATCH = 500;

    /** Blocks until this transaction holds the grid write lock; released at commit or rollback. */
    public void lockForWrite(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            ps.setLong(1, GRID_WRITE_LOCK);
            ps.execute();
        }
    }

    /** The current versions of {@code codes} of {@code kind}, by code. */
    public Map<String, CurrentRow> current(Connection c, GridKind kind, List<String> codes) throws SQLException {
        String sql = "select id, code, level, name, parent_code, valid_from, geom_hash from grid_cell"
                + " where kind = ? and valid_to is null and code = any(?)";
        Map<String, CurrentRow> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Array arr = c.createArrayOf("varchar", codes.toArray());
            ps.setString(1, kind.id());
            ps.setArray(2, arr);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString("code"), new CurrentRow(rs.getLong("id"), rs.getString("code"),
                            GridLevel.ofRank(rs.getInt("level")), rs.getString("name"), rs.getString("parent_code"),
                            rs.getDate("valid_from").toLocalDate(), rs.getString("geom_hash")));
                }
            }
        }
        return out;
    }

    /** Closes versions: sets {@code valid_to} (exclusive) on the rows {@code ids}. */
    public void close(Connection c, List<Long> ids, LocalDate validTo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update grid_cell set valid_to = ? where id = ?")) {
            int n = 0;
            for (long id : ids) {
                ps.setDate(1, Date.valueOf(validTo));
                ps.setLong(2, id);
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** Inserts new versions in batches; {@code importId} may be null (e.g. a QA repair). */
    public void insert(Connection c, List<CellVersion> versions, Long importId, Runnable afterEachBatch)
            throws SQLException {
        String sql = "insert into grid_cell (code, level, kind, name, parent_code, valid_from, geom, geom_hash,"
                + " import_id) values (?, ?, ?, ?, ?, ?, ST_GeomFromWKB(?, 4490), ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = 0;
            for (CellVersion v : versions) {
                ps.setString(1, v.code());
                ps.setInt(2, v.level().rank());
                ps.setString(3, v.kind().id());
                ps.setString(4, v.name());
                ps.setString(5, v.parentCode());
                ps.setDate(6, Date.valueOf(v.validFrom()));
                ps.setBytes(7, GeometryCodec.toWkb(v.geometry()));
                ps.setString(8, v.geomHash());
                ps.setObject(9, importId);
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                    afterEachBatch.run();
                }
            }
            ps.executeBatch();
            afterEachBatch.run();
        }
    }

    /**
     * Overwrites the version {@code id} in place. Only for a change dated the same day the current
     * version started, where closing it would leave an empty interval.
     */
    public void overwrite(Connection c, long id, CellVersion v, Long importId) throws SQLException {
        String sql = "update grid_cell set name = ?, parent_code = ?, geom = ST_GeomFromWKB(?, 4490),"
                + " geom_hash = ?, import_id = coalesce(?, import_id) where id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, v.name());
            ps.setString(2, v.parentCode());
            ps.setBytes(3, GeometryCodec.toWkb(v.geometry()));
            ps.setString(4, v.geomHash());
            ps.setObject(5, importId);
            ps.setLong(6, id);
            ps.executeUpdate();
        }
    }

    /**
     * Repairs {@code g} with {@code ST_MakeValid}, keeps the polygonal parts as a MultiPolygon and
     * measures the geodesic areas (m²) before and after. Writes nothing.
     */
    public RepairedGeometry makeValid(Connection c, Geometry g) throws SQLException {
        String sql = "with s as (select ST_GeomFromWKB(?, 4490) as g),"
                + " r as (select g, ST_Multi(ST_CollectionExtract(ST_MakeValid(g), 3)) as f from s)"
                + " select ST_AsBinary(f), ST_IsValidReason(g), ST_Area(g::geography), ST_Area(f::geography) from r";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, GeometryCodec.toWkb(g));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Geometry f = GeometryCodec.fromWkb(rs.getBytes(1));
                MultiPolygon mp = f instanceof MultiPolygon m ? m : GeometryCodec.factory().createMultiPolygon();
                return new RepairedGeometry(mp, rs.getString(2), rs.getDouble(3), rs.getDouble(4));
            }
        }
    }

    /**
     * Bumps the grid version and queues {@code pg_notify('grid_changed', version)}, which PostgreSQL
     * delivers at commit. Returns the new version.
     */
    public long bumpVersion(Connection c) throws SQLException {
        long version;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(
                     "update grid_version set version = version + 1, changed_at = now() returning version")) {
            rs.next();
            version = rs.getLong(1);
        }
        try (PreparedStatement ps = c.prepareStatement("select pg_notify('grid_changed', ?)")) {
            ps.setString(1, Long.toString(version));
            ps.execute();
        }
        return version;
    }
}
