package cn.gridwatch.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The PostgreSQL advisory lock every register write takes (imports and re-assignment), so that
 * writers on any number of instances serialize and re-assignment never interleaves with an import.
 */
public final class RegisterLock {
    /** The lock key: "regs". */
    public static final long KEY = 0x72656773L;

    private RegisterLock() {
    }

    /** Blocks until this transaction holds the lock; released at commit or rollback. */
    public static void lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            ps.setLong(1, KEY);
            ps.execute();
        }
    }
}
